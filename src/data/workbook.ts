/**
 * A whole file (.xlsx or .csv bytes) → the history read and, when the workbook has one, the
 * assumptions read. Browser-safe (ExcelJS and iconv-lite only); the Node file edge is file.ts.
 */
import { text } from '../i18n/text';
import { AdplanError, isAdplanError } from '../model/errors';
import { assumptionsScore, readAssumptions } from './assumptions';
import { readCsvBytes, type CsvEncoding } from './csv';
import { historyScore } from './headers';
import { readHistory } from './history';
import type { AssumptionsReadResult, HistoryReadResult } from './types';
import { readXlsxBytes, type SheetCells } from './xlsx';

export interface WorkbookRead {
  fileName: string;
  format: 'xlsx' | 'csv';
  /** CSV only. */
  encoding?: CsvEncoding;
  sheetNames: string[];
  historySheet: string;
  history: HistoryReadResult;
  assumptionsSheet?: string;
  assumptions?: AssumptionsReadResult;
}

export interface WorkbookOptions {
  /** Read the history from this sheet instead of picking it by its headers. */
  sheet?: string;
}

function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

function isOle(b: Uint8Array): boolean {
  return b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? fileName;
  return base.replace(/\.[^.]+$/u, '') || base;
}

export function findSheet(sheets: readonly SheetCells[], name: string): SheetCells {
  const exact = sheets.find((s) => s.name === name);
  const loose = exact ?? sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (loose) return loose;
  const names = sheets.map((s) => `"${s.name}"`).join(', ');
  throw new AdplanError(
    'lookup',
    text(`No sheet named "${name}". Sheets: ${names}`, `没有名为“${name}”的工作表。现有工作表：${names}`),
    'sheet',
  );
}

/** The sheets of a file's bytes: .xlsx through ExcelJS, anything else as CSV (encoding detected). */
export async function sheetsOf(bytes: Uint8Array, fileName: string): Promise<{ sheets: SheetCells[]; format: WorkbookRead['format']; encoding?: CsvEncoding }> {
  if (isOle(bytes)) {
    throw new AdplanError(
      'input',
      text(
        `${fileName} is an old .xls workbook: save it as .xlsx or .csv in Excel first`,
        `${fileName} 是旧版 .xls 文件：请先在 Excel 中另存为 .xlsx 或 .csv`,
      ),
    );
  }
  let sheets: SheetCells[];
  if (isZip(bytes)) {
    try {
      sheets = await readXlsxBytes(bytes);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new AdplanError('input', text(`${fileName} could not be opened as .xlsx: ${why}`, `无法以 .xlsx 打开 ${fileName}：${why}`));
    }
    if (sheets.length === 0) throw new AdplanError('input', text(`${fileName} has no sheet`, `${fileName} 没有工作表`));
    return { sheets, format: 'xlsx' };
  }
  const csv = readCsvBytes(bytes);
  return { sheets: [{ name: baseName(fileName), cells: csv.cells }], format: 'csv', encoding: csv.encoding };
}

/**
 * A file that holds only an assumptions table (`--assumptions FILE`): the sheet with the most
 * assumption keys, read like any assumptions table.
 */
export async function readAssumptionsBuffer(data: ArrayBuffer | Uint8Array, fileName: string): Promise<{ sheet: string; read: AssumptionsReadResult }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const { sheets } = await sheetsOf(bytes, fileName);
  const best = sheets
    .map((s) => ({ s, score: assumptionsScore(s.cells) }))
    .sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < 1) {
    throw new AdplanError(
      'input',
      text(
        `${fileName} has no assumptions table (a column of keys such as cogs_rate, cash_available and a Base column).`,
        `${fileName} 中没有假设表（需要一列键，如 cogs_rate、cash_available，以及一列 Base 数值）。`,
      ),
      'assumptions',
    );
  }
  return { sheet: best.s.name, read: readAssumptions(best.s.cells, { sheet: best.s.name }) };
}

export async function readWorkbookBuffer(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  options: WorkbookOptions = {},
): Promise<WorkbookRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const { sheets, format, encoding } = await sheetsOf(bytes, fileName);
  const historySheet = options.sheet
    ? findSheet(sheets, options.sheet)
    : sheets.reduce((best, s) => (historyScore(s.cells) > historyScore(best.cells) ? s : best));
  const history = readHistorySheet(historySheet, format);

  const out: WorkbookRead = {
    fileName,
    format,
    sheetNames: sheets.map((s) => s.name),
    historySheet: historySheet.name,
    history,
  };
  if (encoding) out.encoding = encoding;
  const a = assumptionsSheetOf(sheets, [historySheet]);
  if (a) {
    out.assumptionsSheet = a.name;
    out.assumptions = readAssumptions(a.cells, { sheet: a.name });
  }
  return out;
}

/** readHistory on one sheet; an unusable table's message names the sheet of an .xlsx. */
export function readHistorySheet(sheet: SheetCells, format: WorkbookRead['format']): HistoryReadResult {
  try {
    return readHistory(sheet.cells, { sheet: sheet.name });
  } catch (e) {
    if (!isAdplanError(e)) throw e;
    const where = format === 'xlsx' ? text(`Sheet "${sheet.name}": `, `工作表“${sheet.name}”：`) : text('', '');
    throw new AdplanError(e.kind, text(where['en-US'] + e.text['en-US'], where['zh-CN'] + e.text['zh-CN']), e.field);
  }
}

/** The sheet holding the assumptions table (most keys, at least two), history sheets excluded. */
export function assumptionsSheetOf(sheets: readonly SheetCells[], exclude: readonly SheetCells[]): SheetCells | undefined {
  return sheets
    .filter((s) => !exclude.includes(s))
    .map((s) => ({ s, score: assumptionsScore(s.cells) }))
    .filter((c) => c.score >= 2)
    .sort((a, b) => b.score - a.score)[0]?.s;
}
