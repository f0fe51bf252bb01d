/**
 * Reads an .xlsx's zip central directory (the table at the end of the archive) without inflating
 * anything, so a zip bomb is refused before a byte of it is decompressed. Browser-safe.
 */
import { text } from '../../../i18n/text';
import { memoryBytes, type ByteSource } from '../bytes';
import { AdplanError } from '../../../model/core';
import { LIMITS, mb } from '../limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** A 32-bit size of 0xFFFFFFFF means "see the zip64 record": larger than any limit here. */
const ZIP64 = 0xffffffff;

export interface ZipEntry {
  name: string;
  compressed: number;
  inflated: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** Encrypted (general-purpose flag bit 0): its bytes cannot be read without the password. */
  encrypted?: boolean;
}

/** The zip64 extended-information extra field (id 1): the 64-bit values of the fields set to 0xFFFFFFFF, in order. */
function zip64Sizes(extra: DataView, e: { compressed: number; inflated: number; offset: number }): void {
  let at = 0;
  while (at + 4 <= extra.byteLength) {
    const id = extra.getUint16(at, true);
    const size = extra.getUint16(at + 2, true);
    if (id === 1) {
      let p = at + 4;
      const next = (): number => {
        if (p + 8 > at + 4 + size || p + 8 > extra.byteLength) return ZIP64;
        const v = Number(extra.getBigUint64(p, true));
        p += 8;
        return v;
      };
      if (e.inflated === ZIP64) e.inflated = next();
      if (e.compressed === ZIP64) e.compressed = next();
      if (e.offset === ZIP64) e.offset = next();
      return;
    }
    at += 4 + size;
  }
}

export function damaged(fileName: string, why: string): AdplanError {
  return new AdplanError(
    'input',
    text(
      `${fileName} is not a valid .xlsx workbook (${why}): it may be damaged or renamed; export it again from Excel.`,
      `${fileName} 不是有效的 .xlsx 工作簿（${why}）：文件可能已损坏或被改名，请从 Excel 重新导出。`,
    ),
    'file',
  );
}

/** A Uint8Array as a source; a source as itself. */
const asSource = (b: Uint8Array | ByteSource): ByteSource => (b instanceof Uint8Array ? memoryBytes(b) : b);

/**
 * The archive's entries as its central directory declares them. Reads only the archive's tail
 * and its directory, so a file-backed source is not read whole.
 */
export function zipEntries(bytes: Uint8Array | ByteSource, fileName: string): ZipEntry[] {
  const src = asSource(bytes);
  // The end record is in the last 22 + 65,535 (comment) bytes.
  const tailStart = Math.max(0, src.size - 22 - 0xffff);
  const tail = src.read(tailStart, src.size - tailStart);
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(fileName, 'no zip directory');
  const count = tv.getUint16(end + 10, true);
  // The directory runs from its offset up to the end record.
  const dirStart = tv.getUint32(end + 16, true);
  const dir = src.read(dirStart, Math.max(0, tailStart + end - dirStart));
  const view = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  let at = 0;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > dir.length || view.getUint32(at, true) !== CENTRAL) throw damaged(fileName, 'broken zip directory');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const inflated = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(dir.subarray(at + 46, Math.min(dir.length, at + 46 + nameLength)));
    const entry: ZipEntry = { name, compressed, inflated, method, offset: view.getUint32(at + 42, true) };
    if (view.getUint16(at + 8, true) & 1) entry.encrypted = true;
    // A zip64 entry (some writers use it for every part, however small) keeps its real sizes in an extra field.
    if (compressed === ZIP64 || inflated === ZIP64 || entry.offset === ZIP64) {
      const x = at + 46 + nameLength;
      zip64Sizes(new DataView(dir.buffer, dir.byteOffset + Math.min(x, dir.length), Math.max(0, Math.min(extra, dir.length - x))), entry);
    }
    entries.push(entry);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Refuses an archive whose parts would inflate past the documented limits; else its entries. */
export function checkZipLimits(bytes: Uint8Array | ByteSource, fileName: string, maxInflated: number = LIMITS.xlsxStreamedBytes): ZipEntry[] {
  let total = 0;
  const entries = zipEntries(bytes, fileName);
  for (const e of entries) {
    if (e.encrypted) {
      throw new AdplanError(
        'input',
        text(
          `${fileName} is refused: its part "${e.name.slice(0, 80)}" is encrypted (password-protected), so it cannot be read. Remove the password and save the workbook again.`,
          `已拒绝 ${fileName}：其中的“${e.name.slice(0, 80)}”已加密（受密码保护），无法读取。请取消密码后重新保存工作簿。`,
        ),
        'file',
      );
    }
    const ratio = e.inflated / Math.max(1, e.compressed);
    if (e.inflated === ZIP64 || e.compressed === ZIP64 || (e.inflated > 1024 * 1024 && ratio > LIMITS.xlsxRatio)) {
      throw new AdplanError(
        'input',
        text(
          `${fileName} is refused: its part "${e.name.slice(0, 80)}" would inflate to ${e.inflated === ZIP64 ? 'over 4 GB' : mb(e.inflated)} (${Math.round(ratio)}× its stored size; limit ${LIMITS.xlsxRatio}×). This is not a normal Excel export.`,
          `已拒绝 ${fileName}：其中的“${e.name.slice(0, 80)}”解压后将达 ${e.inflated === ZIP64 ? '4 GB 以上' : mb(e.inflated)}（压缩比 ${Math.round(ratio)} 倍，上限 ${LIMITS.xlsxRatio} 倍），不是正常的 Excel 导出文件。`,
        ),
        'file',
      );
    }
    total += e.inflated;
  }
  if (total > maxInflated) {
    throw new AdplanError(
      'input',
      text(
        `${fileName} is too large: its sheets inflate to ${mb(total)} (limit ${mb(maxInflated)}). Export a shorter date range, or save it as CSV (up to ${mb(LIMITS.fileBytes)}).`,
        `${fileName} 过大：解压后 ${mb(total)}（上限 ${mb(maxInflated)}）。请导出更短的日期范围，或另存为 CSV（上限 ${mb(LIMITS.fileBytes)}）。`,
      ),
      'file',
    );
  }
  return entries;
}

/** Where an entry's stored bytes start: after its local header, whose name/extra lengths may differ from the directory's. */
export function entryStart(src: ByteSource, e: ZipEntry): number | null {
  if (e.offset + 30 > src.size) return null;
  const h = src.read(e.offset + 26, 4);
  return e.offset + 30 + ((h[0] ?? 0) | ((h[1] ?? 0) << 8)) + ((h[2] ?? 0) | ((h[3] ?? 0) << 8));
}

function entryBody(bytes: Uint8Array, e: ZipEntry): Uint8Array | null {
  const start = entryStart(memoryBytes(bytes), e);
  return start === null ? null : bytes.subarray(start, Math.min(bytes.length, start + e.compressed));
}

/** A part that inflates past its declared size: damaged or crafted. */
export function pastDeclared(fileName: string, e: ZipEntry): AdplanError {
  return new AdplanError(
    'input',
    text(
      `${fileName} is refused: its part "${e.name.slice(0, 80)}" inflates past the ${mb(e.inflated)} its zip directory declares. The file is damaged or crafted.`,
      `已拒绝 ${fileName}：其中的“${e.name.slice(0, 80)}”解压后超过 zip 目录声明的 ${mb(e.inflated)}，文件已损坏或被篡改。`,
    ),
    'file',
  );
}

/**
 * Inflates a deflated body through the platform's DecompressionStream, handing each chunk to
 * `take` and stopping as soon as it returns false. Null when this platform cannot inflate.
 */
async function inflateChunks(body: Uint8Array, take: (chunk: Uint8Array) => boolean): Promise<boolean | null> {
  if (typeof DecompressionStream === 'undefined') return null;
  const reader = new Blob([body.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    if (!take(value)) {
      await reader.cancel();
      return false;
    }
  }
}

/**
 * The text of one small part (e.g. xl/workbook.xml), cut off at `maxBytes`; null when absent or
 * unreadable here.
 */
export async function zipPartText(bytes: Uint8Array, entries: readonly ZipEntry[], name: string, maxBytes = 1024 * 1024): Promise<string | null> {
  const e = entries.find((x) => x.name === name);
  const body = e ? entryBody(bytes, e) : null;
  if (!e || !body) return null;
  if (e.method === 0) return new TextDecoder().decode(body.subarray(0, maxBytes));
  if (e.method !== 8) return null;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const ok = await inflateChunks(body, (c) => {
      chunks.push(c);
      total += c.length;
      return total < maxBytes;
    });
    if (ok === null) return null;
  } catch {
    // A damaged part: ExcelJS will say what is wrong when it loads the workbook.
    return null;
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

/**
 * The central directory's sizes are what the archive claims: a crafted one may claim 1 KB and
 * inflate to gigabytes. Each deflated part is inflated once as a stream (nothing kept) and the
 * file refused the moment a part outgrows its declared size, before ExcelJS inflates it for real.
 */
export async function checkDeclaredSizes(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string): Promise<void> {
  for (const e of entries) {
    if (e.method !== 8) continue;
    const body = entryBody(bytes, e);
    if (!body) continue;
    let seen = 0;
    let ok: boolean | null;
    try {
      ok = await inflateChunks(body, (c) => (seen += c.length) <= e.inflated);
    } catch {
      // Not inflatable: ExcelJS reports the damage in its own words.
      continue;
    }
    if (ok === null) return;
    if (!ok) throw pastDeclared(fileName, e);
  }
}
