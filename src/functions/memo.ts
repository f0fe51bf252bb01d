/**
 * Content memoisation for the custom functions. A workbook may hold hundreds of KPI/SIMULATE
 * cells over the same ranges; Excel hands each call a fresh copy of the range, so results are
 * cached on the *content* of the arguments, in LRU maps bounded by bytes (keys and values
 * measured), not by entries: memory stays flat over a long session whatever the ranges' size.
 * Failures are cached too: the same bad input gives the same error without recomputing.
 */

type Outcome<V> = { ok: true; value: V } | { ok: false; error: unknown };

/** Bytes one memo may hold (keys + values, estimated); nine memos ⇒ ≤ ~220 MB in the worst case. */
export const MEMO_BYTES = 24 * 1024 * 1024;

/**
 * Rough heap size of a value: 8 per number, 2 per string character, 16 per object/array slot.
 * Iterative (a deep or long value cannot overflow the stack) and capped at `cap`.
 */
export function approxBytes(value: unknown, cap = Number.MAX_SAFE_INTEGER): number {
  let bytes = 0;
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0 && bytes <= cap) {
    const v = stack.pop();
    if (typeof v === 'string') bytes += 16 + 2 * v.length;
    else if (typeof v !== 'object' || v === null) bytes += 8;
    else if (!seen.has(v)) {
      seen.add(v);
      if (ArrayBuffer.isView(v)) bytes += 16 + v.byteLength;
      else if (v instanceof Date) bytes += 16;
      else {
        const values = Array.isArray(v) ? v : v instanceof Map ? [...v.entries()] : Object.values(v as object);
        bytes += 16 + 8 * values.length;
        for (const x of values) stack.push(x);
      }
    }
  }
  return bytes;
}

export class Lru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  /** At most `capacity` entries and `maxBytes` bytes (an entry larger than that is not kept). */
  constructor(
    readonly capacity: number,
    readonly maxBytes = MEMO_BYTES,
  ) {}

  get size(): number {
    return this.map.size;
  }

  /** Bytes held (keys + values, estimated). */
  get bytes(): number {
    return this.used;
  }

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e !== undefined) {
      // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e?.value;
  }

  set(key: string, value: V, valueBytes = approxBytes(value, this.maxBytes)): void {
    this.delete(key);
    const bytes = 2 * key.length + valueBytes;
    if (bytes > this.maxBytes) return;
    this.map.set(key, { value, bytes });
    this.used += bytes;
    while (this.map.size > this.capacity || this.used > this.maxBytes) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  private delete(key: string): void {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.used -= e.bytes;
  }

  clear(): void {
    this.map.clear();
    this.used = 0;
  }
}

/** An exact key for argument content (ranges as 2-D arrays, scalars, nulls). */
export function contentKey(...parts: unknown[]): string {
  return JSON.stringify(parts);
}

export class Memo<V> {
  private readonly cache: Lru<Outcome<V>>;
  /** Computations actually run (for tests and diagnostics). */
  computed = 0;

  constructor(capacity: number, maxBytes = MEMO_BYTES) {
    this.cache = new Lru(capacity, maxBytes);
  }

  /** The cached outcome for `key`, computing it once; rethrows a cached failure. */
  get(key: string, compute: () => V): V {
    let hit = this.cache.get(key);
    if (!hit) {
      this.computed++;
      try {
        hit = { ok: true, value: compute() };
      } catch (error) {
        hit = { ok: false, error };
      }
      this.cache.set(key, hit);
    }
    if (!hit.ok) throw hit.error;
    return hit.value;
  }

  get size(): number {
    return this.cache.size;
  }

  /** Bytes held (keys + values, estimated). */
  get bytes(): number {
    return this.cache.bytes;
  }

  clear(): void {
    this.cache.clear();
    this.computed = 0;
  }
}
