/**
 * The ROI target log (ROI目标记录, docs/data.md): one row per change of the 全域 target — time,
 * target, basis (支付 / 净成交), mode (控成本 / 放量) — in zh-CN or en-US headers, from a sheet of a
 * workbook or a CSV of its own; several per merchant are merged. It is the exogenous lever the
 * fit uses, so a bad cell is reported by its address and the row left out, never guessed.
 */
import { text } from '../../i18n/text';
import type { IsoDate, TargetLogEntry } from '../../model/core';
import { isMissing, parseDate, parseNumber, toHalfWidth } from '../cells';
import { columnLetters, type SheetCells } from '../formats';
import { excerpt, sheetTop, sideTable, type Cell, type DataIssue } from '../table';
import { isScheduleSheet } from '../experiment';

/** The sheet name the product documents (a sheet so named is always read as the log). */
export const TARGET_LOG_SHEET = 'ROI目标记录';

type LogField = 'time' | 'target' | 'basis' | 'mode';

const HEADERS: Readonly<Record<LogField, readonly string[]>> = {
  time: ['时间', '修改时间', '生效时间', '调整时间', '日期', 'time', 'date', 'changed at'],
  target: ['roi目标', '目标roi', '目标', 'roi', '出价', 'target', 'roi target', 'target roi'],
  basis: ['口径', 'roi类型', '目标类型', '优化目标', 'basis', 'roi type'],
  mode: ['投放模式', '模式', '投放方式', 'mode', 'delivery mode'],
};

const norm = (c: Cell): string => toHalfWidth(String(c ?? '')).trim().toLowerCase().replace(/\s+/gu, ' ');

/** Column of each field in a header row; null when time or target is missing. */
function mapLogHeader(row: readonly Cell[]): Partial<Record<LogField, number>> | null {
  const out: Partial<Record<LogField, number>> = {};
  row.forEach((c, j) => {
    const h = norm(c);
    for (const f of Object.keys(HEADERS) as LogField[]) if (out[f] === undefined && HEADERS[f].includes(h)) out[f] = j;
  });
  return out.time !== undefined && out.target !== undefined ? out : null;
}

/** Is this a target log: a header with time and target, and a basis or mode column (or the documented sheet name)? */
export function targetLogHeader(sheet: SheetCells): { row: number; cols: Partial<Record<LogField, number>> } | null {
  const named = sheet.name.trim() === TARGET_LOG_SHEET;
  // The top rows only: a streamed CSV of order lines is never turned into a grid here.
  const top = sheetTop(sheet, 10);
  for (let i = 0; i < top.length; i++) {
    const cols = mapLogHeader(top[i] ?? []);
    if (cols && (named || cols.basis !== undefined || cols.mode !== undefined)) return { row: i, cols };
  }
  return null;
}

/**
 * The one rule every surface uses to tell a target-log sheet: its header, and not the 实验计划
 * schedule (which has a log's header, 日期 · ROI目标 · 口径, but is a plan, not a log).
 */
export function isTargetLogSheet(sheet: SheetCells): boolean {
  return !isScheduleSheet(sheet) && targetLogHeader(sheet) !== null;
}

function basisOf(c: Cell): TargetLogEntry['basis'] | null | 'bad' {
  if (isMissing(c)) return null;
  const s = norm(c);
  if (/净成交|net/u.test(s)) return 'net';
  if (/支付|pay|gmv/u.test(s)) return 'pay';
  return 'bad';
}

function modeOf(c: Cell): TargetLogEntry['mode'] | null | 'bad' {
  if (isMissing(c)) return null;
  const s = norm(c);
  if (/控成本|cost/u.test(s)) return 'cost';
  if (/放量|volume|max/u.test(s)) return 'volume';
  return 'bad';
}

export interface TargetLogRead {
  entries: TargetLogEntry[];
  issues: DataIssue[];
}

/**
 * Rows → entries, ascending by date; `origin` is where the cells start on the sheet (1-based). Several changes on one day: the last one in the sheet wins
 * (the target in force at the end of the day). Missing basis: 净成交 (the platform default since
 * the switch); missing mode: 控成本 — both said once as info.
 */
export function readTargetLog(sheet: SheetCells, origin: { row: number; column: number } = { row: 1, column: 1 }): TargetLogRead {
  const head = targetLogHeader(sheet);
  if (!head) return { entries: [], issues: [] };
  const { row: h, cols } = head;
  const cells = sideTable(sheet);
  const issues: DataIssue[] = [];
  const byDay = new Map<IsoDate, TargetLogEntry>();
  let defaultedBasis = 0;
  let defaultedMode = 0;
  const headerText = (j: number | undefined): string => (j === undefined ? '' : String(cells[h]?.[j] ?? ''));
  const bad = (i: number, j: number, en: string, zh: string): void => {
    const v = cells[i]?.[j];
    // Addresses on the sheet, also when the cells are a used range that starts below or right of A1 (the pane).
    const row = i + origin.row;
    issues.push({ severity: 'error', sheet: sheet.name, row, column: headerText(j), value: excerpt(String(v ?? ''), 80), address: `${columnLetters(j + origin.column)}${row}`, message: text(en, zh) });
  };
  for (let i = h + 1; i < cells.length; i++) {
    const r = cells[i] ?? [];
    if (r.every(isMissing)) continue;
    const d = parseDate(r[cols.time!] ?? null);
    if (!d.ok || d.value === null) {
      bad(i, cols.time!, 'target log: expected the time of the change (e.g. 2026-06-01 14:30); row left out', 'ROI目标记录:应为调整时间(如 2026-06-01 14:30);该行未使用');
      continue;
    }
    const t = parseNumber(r[cols.target!] ?? null, 'money');
    if (!t.ok || t.value === null || !(t.value > 0) || t.value > 1000) {
      bad(i, cols.target!, 'target log: expected an ROI target > 0 (e.g. 2.7); row left out', 'ROI目标记录:ROI目标应为大于 0 的数(如 2.7);该行未使用');
      continue;
    }
    const b = cols.basis === undefined ? null : basisOf(r[cols.basis] ?? null);
    if (b === 'bad') {
      bad(i, cols.basis!, 'target log: basis must be 支付 (pay) or 净成交 (net); row left out', 'ROI目标记录:口径应为 支付 或 净成交;该行未使用');
      continue;
    }
    const m = cols.mode === undefined ? null : modeOf(r[cols.mode] ?? null);
    if (m === 'bad') {
      bad(i, cols.mode!, 'target log: mode must be 控成本 (cost) or 放量 (volume); row left out', 'ROI目标记录:投放模式应为 控成本 或 放量;该行未使用');
      continue;
    }
    if (b === null) defaultedBasis++;
    if (m === null) defaultedMode++;
    byDay.set(d.value.date, { date: d.value.date, target: t.value, basis: b ?? 'net', mode: m ?? 'cost' });
  }
  if (defaultedBasis > 0) issues.push({ severity: 'info', sheet: sheet.name, message: text(`target log: ${defaultedBasis} row(s) without a basis read as 净成交 (the platform default)`, `ROI目标记录：${defaultedBasis} 行未写口径，按净成交（平台默认）读取`) });
  if (defaultedMode > 0) issues.push({ severity: 'info', sheet: sheet.name, message: text(`target log: ${defaultedMode} row(s) without a mode read as 控成本`, `ROI目标记录：${defaultedMode} 行未写投放模式，按控成本读取`) });
  const entries = [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { entries, issues };
}

/** Several logs of one merchant → one, ascending; the later source wins on a shared day. */
export function mergeTargetLogs(logs: readonly TargetLogEntry[][]): TargetLogEntry[] {
  const byDay = new Map<IsoDate, TargetLogEntry>();
  for (const l of logs) for (const e of l) byDay.set(e.date, e);
  return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
