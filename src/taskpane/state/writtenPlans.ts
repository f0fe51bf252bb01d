/**
 * Plans written to the workbook (Write plan: a sheet "Plan – <scenario>" with the plan table at
 * PLAN_ROW) and the day each starts, so the 复盘 section can offer to review them once the
 * history runs past that day. A live plan (ADPLAN.PLAN formula) always starts after the history,
 * so only plans written as values, or ones whose history has since grown, qualify.
 */
import { parseDate } from '../../data/cells';
import { liveSheetOf } from '../../data/formats';
import type { IsoDate } from '../../model/core';
import type { RangeValues } from '../gateway/types';
import { PLAN_ROW } from './planSheet';

export const PLAN_SHEET_PREFIX = 'Plan – ';
/** Plan sheets are named in the pane's language (planSheet labels: 'plan.sheetName'). */
const PLAN_SHEET_PREFIXES = [PLAN_SHEET_PREFIX, '投放计划 – '] as const;
const DATE_HEADERS: readonly unknown[] = ['date', '日期'];

function prefixOf(name: string): string | undefined {
  return PLAN_SHEET_PREFIXES.find((p) => name.startsWith(p));
}

export interface WrittenPlan {
  sheet: string;
  /** The scenario named in the sheet's name (a " (2)" suffix from a second write, a values copy's suffix dropped). */
  scenario: string;
  start: IsoDate;
}

export function isPlanSheet(name: string): boolean {
  return prefixOf(name) !== undefined;
}

/** The first plan day of a written plan sheet, or null when the sheet does not hold one. */
export function writtenPlanOf(range: RangeValues): WrittenPlan | null {
  if (!isPlanSheet(range.sheet)) return null;
  const r = PLAN_ROW + 1 - range.row;
  const c = 1 - range.column;
  const cell = range.values[r]?.[c];
  const header = range.values[r - 1]?.[c];
  if (!DATE_HEADERS.includes(header) || cell === undefined) return null;
  const p = parseDate(cell);
  if (!p.ok || !p.value) return null;
  // A second write's " (2)", then a saved file's values copy "（数值）" / " (values)" (xlsx-values-copy.ts).
  const base = range.sheet.replace(/\s*\(\d+\)$/u, '');
  const scenario = (liveSheetOf(base) ?? base).slice((prefixOf(range.sheet) ?? '').length);
  return { sheet: range.sheet, scenario, start: p.value.date };
}
