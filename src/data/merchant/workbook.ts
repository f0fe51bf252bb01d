/**
 * A whole file (.xlsx or .csv bytes) → the history read and, when the workbook has one, the
 * assumptions read. Browser-safe (ExcelJS and iconv-lite only); the Node file edge is file.ts.
 */
import { text } from '../../i18n/text';
import { AdplanError, isAdplanError } from '../../model/core';
import { assumptionsScore, readAssumptions } from '../assumptions';
import type { FileData } from '../formats';
import type { CsvEncoding } from '../formats';
import { readHistory } from '../history';
import type { AssumptionsReadResult, HistoryReadResult } from '../table';
import { gridRows, openSheets } from '../formats';
import { sheetHead, sideTable } from '../table';
import { cellText } from '../cells';
import { filledNote, fillMergedDown, mergedDown, uncachedNote } from '../history';
import { likeliestHistory } from './sheet-choice';
import type { SheetCells } from '../formats';
import { eventsSheetOf, readEventsSheet, type EventsSource } from './events-file';
import { withCalendar } from '../../model/events';

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
  /** The user's event calendar (a 活动日历 sheet, or --events FILE); its windows are on history.events. */
  events?: EventsSource;
}

export interface WorkbookOptions {
  /** Read the history from this sheet instead of picking it by its headers. */
  sheet?: string;
  /** A calendar read from elsewhere (--events FILE): used instead of the workbook's own. */
  events?: EventsSource;
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

/**
 * A file that holds only an assumptions table (`--assumptions FILE`): the sheet with the most
 * assumption keys, read like any assumptions table.
 */
export async function readAssumptionsBuffer(data: FileData, fileName: string): Promise<{ sheet: string; read: AssumptionsReadResult }> {
  const { sheets } = await openSheets(data, fileName);
  const best = sheets
    .map((s) => ({ s, score: assumptionsScore(sideTable(s)) }))
    .sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < 1) {
    throw new AdplanError(
      'input',
      text(
        `${fileName} has no assumptions table (a column of keys such as cogs_rate, cash_available and a Base column).`,
        `${fileName} 中没有假设表（需要一列键，如 cogs_rate、cash_available，以及一列“基准”数值）。`,
      ),
      'assumptions',
    );
  }
  return { sheet: best.s.name, read: readAssumptions(sideTable(best.s), { sheet: best.s.name }) };
}

export async function readWorkbookBuffer(
  data: FileData,
  fileName: string,
  options: WorkbookOptions = {},
): Promise<WorkbookRead> {
  const { sheets, format, encoding } = await openSheets(data, fileName);
  const historySheet = options.sheet
    ? findSheet(sheets, options.sheet)
    : likeliestHistory(sheets);
  const history = readHistorySheet(historySheet, format, encoding);

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
    out.assumptions = readAssumptions(sideTable(a), { sheet: a.name });
  }
  const events = options.events ?? calendarOf(sheets, [historySheet, ...(a ? [a] : [])]);
  attachCalendar(out.history, events);
  if (events) out.events = events;
  return out;
}

/** The workbook's own calendar sheet, read; undefined when it has none. */
export function calendarOf(sheets: readonly SheetCells[], exclude: readonly SheetCells[]): EventsSource | undefined {
  const s = eventsSheetOf(sheets, exclude);
  return s ? readEventsSheet(s) : undefined;
}

/**
 * The one place a read history gets the user's calendar: their windows over the built-ins. Without
 * one the history is left as read (the fits see no windows; flagged days use the built-ins).
 */
export function attachCalendar(read: HistoryReadResult, events: EventsSource | undefined): void {
  if (events) read.history = withCalendar(read.history, events.read.windows);
}

/** readHistory on one sheet; an unusable table's message names the sheet of an .xlsx. */
export function readHistorySheet(sheet: SheetCells, format: WorkbookRead['format'], encoding?: CsvEncoding): HistoryReadResult {
  try {
    const origin = { sheet: sheet.name, ...(sheet.date1904 ? { date1904: true } : {}) };
    const rows = sheet.rows ?? gridRows(sheet.cells);
    let read = readHistory(rows, origin);
    // Known once the walk has read the whole sheet: merged date cells, formulas without a value.
    const facts = sheet.facts?.();
    if (!facts) return read;
    const dateCol = read.fields.date === undefined ? -1 : (sheetHead(sheet)[read.headerRow - 1] ?? []).findIndex((c) => cellText(c).trim() === read.fields.date?.trim());
    const merged = dateCol < 0 ? [] : mergedDown(facts.merges, dateCol, read.headerRow - 1);
    if (merged.length > 0) {
      read = readHistory(fillMergedDown(rows, merged, dateCol), origin);
      read.issues.unshift(filledNote(merged, dateCol, sheet.name));
    }
    const uncached = uncachedNote(facts, sheet.name);
    if (uncached) read.issues.unshift(uncached);
    return read;
  } catch (e) {
    if (!isAdplanError(e)) throw e;
    // Named once: a cell limit's message names the sheet already.
    const named = e.text['en-US'].includes(`sheet "${sheet.name}"`);
    const where = format === 'xlsx' && !named ? text(`Sheet "${sheet.name}": `, `工作表“${sheet.name}”：`) : text('', '');
    // The table was unusable (its headers not found): a wrong guess of the encoding shows as garbled headers.
    const how = encoding ? encodingNote(encoding) : text('', '');
    throw new AdplanError(e.kind, text(where['en-US'] + e.text['en-US'] + how['en-US'], where['zh-CN'] + e.text['zh-CN'] + how['zh-CN']), e.field);
  }
}

const ENCODING_NAMES: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030 (GBK)', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

/** Said whenever a CSV's headers are not found: the encoding it was read in. */
function encodingNote(encoding: CsvEncoding): ReturnType<typeof text> {
  const name = ENCODING_NAMES[encoding];
  return text(
    ` (The file was read as ${name}; if the headers above look garbled, save it again as "CSV UTF-8".)`,
    `（该文件按 ${name} 编码读取；如果上面的列名是乱码，请重新另存为“CSV UTF-8”。）`,
  );
}

/** The sheet holding the assumptions table (most keys, at least two), history sheets excluded. */
export function assumptionsSheetOf(sheets: readonly SheetCells[], exclude: readonly SheetCells[]): SheetCells | undefined {
  return sheets
    .filter((s) => !exclude.includes(s))
    .map((s) => ({ s, score: assumptionsScore(sideTable(s)) }))
    .filter((c) => c.score >= 2)
    .sort((a, b) => b.score - a.score)[0]?.s;
}
