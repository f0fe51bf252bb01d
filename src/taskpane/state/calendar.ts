/**
 * The event calendar in the workbook: the 活动日历 / ADPLAN_Events sheet, read on every reload like
 * the assumptions (the sheet is the source of truth), and the sheet the pane creates for the user
 * to confirm: the upcoming built-in windows as rows, to keep, edit or delete.
 */
import { eventsScore, isEventsSheetName, readEventCalendar, type EventsReadResult } from '../../data/events';
import type { Cell } from '../../data/table';
import { addDays, dayIndex, type History } from '../../model/core';
import { BUILTIN_CALENDAR, PHASE_LABELS, windowsOver } from '../../model/events';
import type { RangeValues, WorkbookGateway } from '../gateway/types';

export const CALENDAR_SHEET = '活动日历';

export async function findCalendar(gw: WorkbookGateway): Promise<RangeValues | null> {
  const sheets = await gw.listSheets();
  const hit = sheets.find((s) => isEventsSheetName(s.name)) ?? sheets.find((s) => s.top !== null && eventsScore(s.top.values) === 4);
  return hit ? gw.readUsedRange(hit.name) : null;
}

export function readCalendarRange(r: RangeValues): EventsReadResult {
  return readEventCalendar(r.values as Cell[][], { sheet: r.sheet, row: r.row, column: r.column });
}

/** The new sheet's cells: a zh-CN header and the built-in windows of the next year after the history. */
export function calendarTemplate(history: History | null): (string | null)[][] {
  const last = history?.days[history.days.length - 1]?.date ?? null;
  const from = last ? addDays(last, 1) : null;
  const rows = from ? windowsOver(BUILTIN_CALENDAR, from, addDays(from, 364)).filter((w) => dayIndex(w.last) >= dayIndex(from)) : [];
  return [['活动', '阶段', '开始日期', '结束日期', '自然流倍数', '投放倍数'], ...rows.map((w) => [w.name, PHASE_LABELS[w.phase]['zh-CN'], w.first, w.last, null, null])];
}
