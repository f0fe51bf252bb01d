/**
 * A file's bytes read by position, so a CSV is decoded from disk a chunk at a time instead of
 * held whole (docs/data.md "Memory"). Browser-safe: the file-backed source is the Node edge
 * (file.ts); here only bytes already in memory (a browser File, tests).
 */
export interface ByteSource {
  /** Bytes in the file, fixed when it was opened. */
  readonly size: number;
  /**
   * Up to `len` bytes from `pos`: exactly `len` unless the end of the file comes first. Sync, so a
   * row iterator can pull the next chunk. The returned array is the caller's (never reused).
   */
  read(pos: number, len: number): Uint8Array;
}

/** Bytes already in memory as a source (no copy). */
export function memoryBytes(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (pos, len) => bytes.subarray(pos, Math.min(bytes.length, pos + len)),
  };
}

/** What the opener accepts: bytes in memory (preview, tests) or a source (a file on disk). */
export type FileData = ArrayBuffer | Uint8Array | ByteSource;

export function byteSource(data: FileData): ByteSource {
  // By shape, not by class: an ArrayBuffer from another realm (a worker, a test VM) still counts.
  if ('read' in data && typeof data.read === 'function') return data;
  return memoryBytes(data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer));
}

/** All the bytes (an .xlsx: ExcelJS needs the whole zip). */
export function readAll(src: ByteSource): Uint8Array {
  return src.read(0, src.size);
}
