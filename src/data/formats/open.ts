/**
 * The one file opener: a file's bytes → its sheets. The CLI (through file.ts), the portfolio
 * and the preview all call it, so one damaged file gives one message everywhere. Browser-safe.
 * Limits (docs/data.md "Limits") are checked before anything is inflated or decoded. A CSV is read
 * from its source a chunk at a time (csv.ts), never whole; an .xlsx is read whole (ExcelJS).
 */
import { text } from '../../i18n/text';
import { groupDigits } from '../../i18n/number';
import { AdplanError } from '../../model/core';
import { columnLetters } from './address';
import { byteSource, type FileData } from './bytes';
import { CsvLimitError, readCsvSource, type CsvEncoding } from './csv/csv';
import { LIMITS, mb } from './limits';
import type { SheetCells } from './xlsx/xlsx';
import { streamSheets } from './xlsx/xlsx-stream';
import { checkZipLimits } from './zip/zip-guard';

export interface OpenedFile {
  sheets: SheetCells[];
  format: 'xlsx' | 'csv';
  /** CSV only. */
  encoding?: CsvEncoding;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The stream name "EncryptedPackage" (UTF-16LE) in an OLE file's first or last megabyte, where its directory sits. */
function encryptedPackage(src: ReturnType<typeof byteSource>): boolean {
  const name = new Uint8Array([...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]));
  const span = Math.min(src.size, 1024 * 1024);
  const holds = (b: Uint8Array): boolean => {
    for (let i = b.indexOf(0x45); i >= 0 && i + name.length <= b.length; i = b.indexOf(0x45, i + 1)) {
      let k = 1;
      while (k < name.length && b[i + k] === name[k]) k++;
      if (k === name.length) return true;
    }
    return false;
  };
  return holds(src.read(0, span)) || holds(src.read(src.size - span, span));
}

/** The file name without folder and extension: a CSV's one sheet is named after it. */
export function fileBaseName(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? fileName;
  return base.replace(/\.[^.]+$/u, '') || base;
}

function refuse(en: string, zh: string): AdplanError {
  return new AdplanError('input', text(en, zh), 'file');
}

/** Refuses a file larger than the documented limit (the Node edge checks it before reading too). */
export function checkFileSize(bytes: number, fileName: string): void {
  if (bytes > LIMITS.fileBytes) {
    throw refuse(
      `${fileName} is too large (${mb(bytes)}; limit ${mb(LIMITS.fileBytes)}). Export a shorter date range or only the columns AdPlan needs.`,
      `${fileName} 过大（${mb(bytes)}，上限 ${mb(LIMITS.fileBytes)}）。请导出更短的日期范围或只保留所需列。`,
    );
  }
}

function csvLimit(e: CsvLimitError, fileName: string): AdplanError {
  if (e.limit === 'rows') {
    return refuse(
      `${fileName} has more than ${groupDigits(LIMITS.rows)} rows (Excel's limit). Export a shorter date range.`,
      `${fileName} 超过 ${LIMITS.rows} 行（Excel 的上限）。请导出更短的日期范围。`,
    );
  }
  if (e.limit === 'fields') {
    return refuse(
      `${fileName}, line ${e.row}: more than ${LIMITS.csvFields.toLocaleString('en-US')} fields (Excel's column limit). This is not a normal export; check the file.`,
      `${fileName} 第 ${e.row} 行：超过 ${LIMITS.csvFields} 个字段（Excel 的列数上限），不是正常的导出文件，请检查。`,
    );
  }
  if (e.limit === 'lineChars') {
    return refuse(
      `${fileName}, line ${e.row}: longer than ${LIMITS.csvLineChars.toLocaleString('en-US')} characters. This is not a normal export; check the file.`,
      `${fileName} 第 ${e.row} 行：超过 ${LIMITS.csvLineChars} 个字符，不是正常的导出文件，请检查。`,
    );
  }
  const cell = `${columnLetters(e.column)}${e.row}`;
  return refuse(
    `${fileName}, cell ${cell} (row ${e.row}, column ${e.column}): longer than ${LIMITS.cellChars} characters (Excel's cell limit). This is not a normal export; check the file.`,
    `${fileName} 单元格 ${cell}（第 ${e.row} 行第 ${e.column} 列）：超过 ${LIMITS.cellChars} 个字符（Excel 单元格上限），不是正常的导出文件，请检查。`,
  );
}

/**
 * The sheets of a file: .xlsx streamed (xlsx-stream.ts), anything else as CSV/TSV text (encoding detected).
 * A sheet's `rows` read the source again on every pass: it must stay readable (a file open)
 * for as long as they are walked (file.ts).
 */
export async function openSheets(data: FileData, fileName: string): Promise<OpenedFile> {
  const src = byteSource(data);
  if (src.size === 0) throw refuse(`${fileName} is empty.`, `${fileName} 是空文件。`);
  checkFileSize(src.size, fileName);
  const magic = src.read(0, Math.min(src.size, 8));
  if (startsWith(magic, OLE)) {
    // Excel saves a password-protected .xlsx inside an OLE container (an EncryptedPackage stream).
    if (encryptedPackage(src)) {
      throw refuse(
        `${fileName} is a password-protected (encrypted) workbook: it cannot be read. Remove the password in Excel (File › Info › Protect Workbook) and save it again.`,
        `${fileName} 是受密码保护（已加密）的工作簿，无法读取。请在 Excel 中取消密码（文件 › 信息 › 保护工作簿）后重新保存。`,
      );
    }
    throw refuse(
      `${fileName} is an old .xls workbook: save it as .xlsx or .csv in Excel first`,
      `${fileName} 是旧版 .xls 文件：请先在 Excel 中另存为 .xlsx 或 .csv`,
    );
  }
  if (startsWith(magic, ZIP)) {
    let sheets: SheetCells[];
    try {
      // Limits from the zip directory; each part is then inflated only as it is read, and
      // refused the moment it outgrows its declared size (xlsx-inflate.ts).
      sheets = streamSheets(src, checkZipLimits(src, fileName), fileName);
    } catch (e) {
      if (e instanceof AdplanError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw refuse(`${fileName} could not be opened as .xlsx: ${why.slice(0, 200)}`, `无法以 .xlsx 打开 ${fileName}：${why.slice(0, 200)}`);
    }
    if (sheets.length === 0) throw refuse(`${fileName} has no sheet`, `${fileName} 没有工作表`);
    return { sheets, format: 'xlsx' };
  }
  if (/\.(xlsx|xlsm)$/iu.test(fileName)) {
    // Read as text it would only be "missing columns": name the real problem.
    throw refuse(
      `${fileName} is not a valid .xlsx workbook (not a zip archive): it may be damaged or renamed; export it again from Excel.`,
      `${fileName} 不是有效的 .xlsx 工作簿（不是 zip 压缩包）：文件可能已损坏或被改名，请从 Excel 重新导出。`,
    );
  }
  let csv;
  try {
    csv = readCsvSource(src, { maxRows: LIMITS.rows, maxCellChars: LIMITS.cellChars, maxFields: LIMITS.csvFields, maxLineChars: LIMITS.csvLineChars });
  } catch (e) {
    if (e instanceof CsvLimitError) throw csvLimit(e, fileName);
    throw e;
  }
  const { rows } = csv;
  if (rows.count === 0) throw refuse(`${fileName} has no rows.`, `${fileName} 没有数据行。`);
  // The grid only for callers that ask for it: the history reader streams `rows` (flat memory).
  let grid: string[][] | null = null;
  const sheet: SheetCells = {
    name: fileBaseName(fileName),
    rows,
    get cells() {
      return (grid ??= rows.grid());
    },
  };
  return { sheets: [sheet], format: 'csv', encoding: csv.encoding };
}
