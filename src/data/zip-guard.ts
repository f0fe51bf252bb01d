/**
 * Reads an .xlsx's zip central directory (the table at the end of the archive) without inflating
 * anything, so a zip bomb is refused before a byte of it is decompressed. Browser-safe.
 */
import { text } from '../i18n/text';
import { AdplanError } from '../model/errors';
import { LIMITS, mb } from './limits';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
/** A 32-bit size of 0xFFFFFFFF means "see the zip64 record": larger than any limit here. */
const ZIP64 = 0xffffffff;

export interface ZipEntry {
  name: string;
  compressed: number;
  inflated: number;
}

function damaged(fileName: string, why: string): AdplanError {
  return new AdplanError(
    'input',
    text(
      `${fileName} is not a valid .xlsx workbook (${why}): it may be damaged or renamed; export it again from Excel.`,
      `${fileName} 不是有效的 .xlsx 工作簿（${why}）：文件可能已损坏或被改名，请从 Excel 重新导出。`,
    ),
    'file',
  );
}

/** The archive's entries as its central directory declares them. */
export function zipEntries(bytes: Uint8Array, fileName: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(fileName, 'no zip directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw damaged(fileName, 'broken zip directory');
    const compressed = view.getUint32(at + 20, true);
    const inflated = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength)));
    entries.push({ name, compressed, inflated });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Refuses an archive whose parts would inflate past the documented limits. */
export function checkZipLimits(bytes: Uint8Array, fileName: string): void {
  let total = 0;
  for (const e of zipEntries(bytes, fileName)) {
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
  if (total > LIMITS.xlsxInflatedBytes) {
    throw new AdplanError(
      'input',
      text(
        `${fileName} is too large: its sheets inflate to ${mb(total)} (limit ${mb(LIMITS.xlsxInflatedBytes)}). Export a shorter date range or only the columns AdPlan needs.`,
        `${fileName} 过大：解压后 ${mb(total)}（上限 ${mb(LIMITS.xlsxInflatedBytes)}）。请导出更短的日期范围或只保留所需列。`,
      ),
      'file',
    );
  }
}
