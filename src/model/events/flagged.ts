/**
 * The flagged days every surface lists (check --json, plan --json, =ADPLAN.EVENTS, the pane):
 * flagDays on the history with its calendar (the built-ins when the reader attached none).
 */
import type { FlaggedDay, History } from '../core';
import { flagDays } from './flags';
import { withCalendar } from './with-calendar';

export function flaggedDaysOf(history: History): FlaggedDay[] {
  return history.days.length === 0 ? [] : flagDays(withCalendar(history));
}
