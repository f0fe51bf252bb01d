/**
 * The small parts of an .xlsx a sheet's cells depend on: the sheet list (workbook.xml and its
 * rels), which cell styles are dates (styles.xml) and the shared strings. Each is read once,
 * streamed; the rules are ExcelJS 4.4's, so both readers give the same cells. Browser-safe.
 */
import { detach } from '../detach';
import { LIMITS } from '../limits';
import { text } from '../../../i18n/text';
import { AdplanError } from '../../../model/core';
import { escapeControls } from '../escape';
import type { SheetState } from './xlsx';
import { readPart, type Attributes } from './xlsx-xml';
import { XML_TOKEN_CHARS } from '../xml/xml-scan';
import type { ByteSource } from '../bytes';
import type { ZipEntry } from '../zip/zip-guard';

export interface SheetPart {
  name: string;
  state: SheetState;
  entry: ZipEntry;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** Mac Excel's date system: date1904="1" or "true" (kept apart: ExcelJS reads only "1", readXlsxBytes shifts "true" after). */
  date1904: 'no' | '1' | 'true';
}

/** An attribute by its local name (`r:id` is `id`). */
function attr(a: Attributes, name: string): string | undefined {
  if (a[name] !== undefined) return a[name];
  const key = Object.keys(a).find((k) => k.endsWith(`:${name}`));
  return key === undefined ? undefined : a[key];
}

const stateOf = (s: string | undefined): SheetState => (s === 'hidden' || s === 'veryHidden' ? s : 'visible');

/** The worksheets in the workbook's order; a sheet whose part is missing (a chart sheet) is left out, as ExcelJS does. */
export function workbookParts(src: ByteSource, entries: readonly ZipEntry[], fileName: string, piece?: number): WorkbookParts {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const listed: { name: string; state: SheetState; rid: string }[] = [];
  let date1904: WorkbookParts['date1904'] = 'no';
  const wb = byName.get('xl/workbook.xml');
  if (wb) {
    readPart(src, wb, fileName, {
      open(name, a) {
        if (name === 'workbookPr' && date1904 === 'no' && (a.date1904 === '1' || a.date1904 === 'true')) date1904 = a.date1904;
        if (name === 'sheet') listed.push({ name: escapeControls(a.name ?? ''), state: stateOf(a.state), rid: attr(a, 'id') ?? '' });
      },
      text: () => undefined,
      close: () => undefined,
    }, piece);
  }
  const targets = new Map<string, string>();
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    readPart(src, rels, fileName, {
      open(name, a) {
        if (name === 'Relationship' && a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
      },
      text: () => undefined,
      close: () => undefined,
    }, piece);
  }
  const sheets: SheetPart[] = [];
  for (const s of listed) {
    const target = targets.get(s.rid);
    // ExcelJS's resolution: relative to xl/, or absolute /xl/….
    const entry = target === undefined ? undefined : byName.get(`xl/${target.replace(/^(\s|\/xl\/)+/u, '')}`);
    if (entry && entry.name.startsWith('xl/worksheets/')) sheets.push({ name: s.name, state: s.state, entry });
  }
  return { sheets, date1904 };
}

/**
 * Excel's built-in date/time formats by id: 14–22 and 45–47 everywhere, and 27–36 and 50–58, the
 * East Asian ones (in a Chinese Excel 31 is yyyy"年"m"月"d"日", 28 m"月"d"日", 32 h"时"mm"分"). A
 * workbook saved by Chinese Excel stores a 日期 column in those ids with no format code of its
 * own; ExcelJS leaves them unnamed and reads such a cell as a plain serial number.
 */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** ExcelJS's test: a date/time letter outside [brackets] and "quotes". */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/u.test(code.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
}

/** For each cell style (cellXfs index), whether its number format shows a date. */
export function dateStyles(src: ByteSource, entries: readonly ZipEntry[], fileName: string, piece?: number): boolean[] {
  const e = entries.find((x) => x.name === 'xl/styles.xml');
  if (!e) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  readPart(src, e, fileName, {
    open(name, a) {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'numFmt' && inNumFmts && a.numFmtId !== undefined) custom.set(parseInt(a.numFmtId, 10), (a.formatCode ?? '').replace(/\\(.)/gu, '$1'));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfIds.push(parseInt(a.numFmtId ?? '0', 10));
    },
    text: () => undefined,
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      if (name === 'numFmts') inNumFmts = false;
    },
  }, piece);
  return xfIds.map((id) => {
    if (!id) return false;
    const code = custom.get(id);
    return code ? isDateFormat(code) : BUILTIN_DATE_IDS.has(id);
  });
}

/** `_x000D_`-style escapes of characters XML cannot hold, decoded as ExcelJS does. */
export const unescapeX = (s: string): string => s.replace(/_x([0-9A-F]{4})_/gu, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * Characters of all shared strings together: they are held for the whole read (256 MB of
 * UTF-16 at most), far above a real export's (a 100 MB file of unique texts holds ~60 million).
 */
export const SHARED_STRING_CHARS = 128 * 1024 * 1024;

function sharedTooLong(fileName: string, index: number, total = false): AdplanError {
  const what = total
    ? text(`its shared strings pass ${SHARED_STRING_CHARS.toLocaleString('en-US')} characters in all (at string ${index})`, `其共享字符串总计超过 ${SHARED_STRING_CHARS} 个字符（第 ${index} 个）`)
    : text(`its shared string ${index} holds more than ${XML_TOKEN_CHARS.toLocaleString('en-US')} characters (a cell holds ${LIMITS.cellChars} at most, Excel's own limit)`, `其第 ${index} 个共享字符串超过 ${XML_TOKEN_CHARS} 个字符（单元格最多 ${LIMITS.cellChars} 个，与 Excel 相同）`);
  return new AdplanError(
    'input',
    text(`${fileName} is refused: ${what['en-US']}. The file is damaged or was not written by Excel.`, `已拒绝 ${fileName}：${what['zh-CN']}。文件已损坏或并非由 Excel 生成。`),
    'file',
  );
}

/**
 * The shared strings, rich text runs joined, phonetic guides (rPh) left out. An empty `<si/>`
 * is null (no value), as in ExcelJS. Held for the whole read: they are what cells point to.
 */
export function sharedStrings(src: ByteSource, entries: readonly ZipEntry[], fileName: string, piece?: number): (string | null)[] {
  const e = entries.find((x) => x.name === 'xl/sharedStrings.xml');
  const out: (string | null)[] = [];
  if (!e) return out;
  let plain: string | null = null;
  let runs: string[] | null = null;
  let run: string | null = null;
  let inRun = false;
  let phonetic = 0;
  let collecting: string[] | null = null;
  let chars = 0;
  let siChars = 0;
  readPart(src, e, fileName, {
    open(name) {
      if (name === 'si') {
        plain = null;
        runs = null;
        siChars = 0;
      } else if (name === 'rPh') phonetic++;
      else if (phonetic > 0) return;
      else if (name === 'r') {
        inRun = true;
        run = null;
      } else if (name === 't') collecting = [];
    },
    text(t) {
      if (!collecting) return;
      collecting.push(t);
      // Checked as the runs arrive, before they are joined; one past Excel's cell limit but under
      // this is kept, and refused naming the cell that uses it (xlsx-sheet.ts).
      if ((siChars += t.length) > XML_TOKEN_CHARS) throw sharedTooLong(fileName, out.length);
    },
    close(name) {
      if (name === 'rPh') phonetic--;
      else if (phonetic > 0) return;
      else if (name === 't' && collecting) {
        const s = unescapeX(collecting.join(''));
        collecting = null;
        if (inRun) run = s;
        else {
          plain = s;
          runs = null;
        }
      } else if (name === 'r') {
        inRun = false;
        if (plain === null) (runs ??= []).push(run ?? '');
      } else if (name === 'si') {
        const s: string | null = runs === null ? plain : (runs as string[]).join('');
        // Held for the whole read: bounded like the cells they stand for.
        if ((chars += s?.length ?? 0) > SHARED_STRING_CHARS) throw sharedTooLong(fileName, out.length, true);
        out.push(s === null ? null : detach(s));
      }
    },
  }, piece);
  return out;
}
