/**
 * Where the user's calendar is found: a sheet named 活动日历 / ADPLAN_Events (any case), else the
 * one sheet whose header has all of 活动, 阶段, 开始日期, 结束日期; or a whole file (`--events FILE`).
 */
import { text } from '../../i18n/text';
import { AdplanError } from '../../model/core';
import { openSheets, type FileData, type SheetCells } from '../formats';
import { sheetTop, SIDE_TABLE_ROWS } from '../table';
import { eventsScore, isEventsSheetName, readEventCalendar, type EventsReadResult } from '../events';

/** A calendar as read, with where it came from (a sheet name, or a file for --events). */
export interface EventsSource {
  source: string;
  read: EventsReadResult;
}

/** The calendar sheet of a workbook, history and assumptions sheets excluded. */
export function eventsSheetOf(sheets: readonly SheetCells[], exclude: readonly SheetCells[]): SheetCells | undefined {
  const rest = sheets.filter((s) => !exclude.includes(s));
  return rest.find((s) => isEventsSheetName(s.name)) ?? rest.find((s) => eventsScore(sheetTop(s, 10)) === 4);
}

/** Reads a calendar sheet, its issues naming the sheet. */
export function readEventsSheet(s: SheetCells): EventsSource {
  return { source: s.name, read: readEventCalendar(sheetTop(s, SIDE_TABLE_ROWS), { sheet: s.name }) };
}

/** `--events FILE`: the calendar sheet of a workbook, or a CSV's one table. */
export async function readEventsBuffer(data: FileData, fileName: string): Promise<EventsSource> {
  const { sheets } = await openSheets(data, fileName);
  const s = sheets.length === 1 ? sheets[0] : eventsSheetOf(sheets, []);
  if (!s) {
    throw new AdplanError(
      'input',
      text(
        `${fileName} has no event calendar (a sheet named 活动日历 or ADPLAN_Events with columns 活动, 阶段, 开始日期, 结束日期).`,
        `${fileName} 中没有活动日历（需要名为“活动日历”或“ADPLAN_Events”的工作表，列为：活动、阶段、开始日期、结束日期）。`,
      ),
      'events',
    );
  }
  return { source: fileName, read: readEventsSheet(s).read };
}
