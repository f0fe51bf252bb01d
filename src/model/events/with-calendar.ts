/**
 * The history with its event calendar attached: the built-in windows merged with the user's
 * (mergeCalendars), over the history's span and the longest plan horizon after it. The reader
 * attaches it when the user has a calendar; flagged days and `event_plan` all use it for the
 * built-ins otherwise, so the CLI, the functions and the pane see the same windows.
 */
import { ASSUMPTIONS } from '../settings';
import { dayIndex, type EventWindow, type History } from '../core';
import { BUILTIN_CALENDAR, mergeCalendars } from './calendar';

/** Days after the last history day the calendar reaches: the longest plan horizon. */
export const CALENDAR_REACH_DAYS = ASSUMPTIONS.horizon_days.max;

/**
 * `history` with `events` set: the user's windows over the built-ins when `user` is given, else
 * the built-ins (a history that already has its windows is returned as it is).
 */
export function withCalendar(history: History, user?: readonly EventWindow[]): History {
  if (user === undefined && history.events !== undefined) return history;
  const days = history.days;
  if (days.length === 0) return { ...history, events: [] };
  const lo = dayIndex(days[0]!.date);
  const hi = dayIndex(days[days.length - 1]!.date) + CALENDAR_REACH_DAYS;
  const merged = user === undefined ? BUILTIN_CALENDAR : mergeCalendars(BUILTIN_CALENDAR, user);
  return { ...history, events: merged.filter((w) => dayIndex(w.last) >= lo && dayIndex(w.first) <= hi) };
}
