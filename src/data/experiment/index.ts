/** The experiment sheets: 实验结果 (results → history.liftObservations) and 实验计划 (a test's schedule). */
import { headerKey } from '../cells';
import type { HistoryReadResult } from '../table';
import type { SheetCells } from '../formats';
import { readLiftResults, RESULTS_SHEET } from './results';
import { readScheduleSheet, SCHEDULE_SHEET, SCHEDULE_SHEET_EN, type ScheduleRead } from './schedule-sheet';

export { readLiftResults, RESULTS_SHEET, type ResultsRead } from './results';
export { readScheduleSheet, SCHEDULE_SHEET, SCHEDULE_SHEET_EN, type ScheduleRead } from './schedule-sheet';
export { experimentPlanTable, type ExperimentPlanTable, type PlanColumn } from './plan-sheet';

const isNamed = (s: SheetCells, name: string): boolean => headerKey(s.name) === headerKey(name);

export function findResultsSheet(sheets: readonly SheetCells[]): SheetCells | undefined {
  return sheets.find((s) => isNamed(s, RESULTS_SHEET));
}

/** The designer's sheet, by its name in either language (its 日期 · ROI目标 · 口径 header is not a target log). */
export function isScheduleSheet(s: SheetCells): boolean {
  return isNamed(s, SCHEDULE_SHEET) || isNamed(s, SCHEDULE_SHEET_EN);
}

export function findScheduleSheet(sheets: readonly SheetCells[]): SheetCells | undefined {
  return sheets.find(isScheduleSheet);
}

/** A 实验结果 sheet's rows as the history's lift observations; its issues join the history's. */
export function addLiftResults(read: HistoryReadResult, sheet: SheetCells): void {
  const days = read.history.days;
  const span: [string, string] | null = days.length > 0 ? [days[0]!.date, days[days.length - 1]!.date] : null;
  const r = readLiftResults(sheet.cells, { sheet: sheet.name }, span);
  read.issues.push(...r.issues);
  if (r.observations.length > 0) read.history.liftObservations = [...(read.history.liftObservations ?? []), ...r.observations];
}

export function readScheduleOf(sheet: SheetCells): ScheduleRead {
  return readScheduleSheet(sheet.cells, { sheet: sheet.name });
}
