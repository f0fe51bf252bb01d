/** Event windows as the experiment sees them: days a test must not run on (大促 phases, pauses). */
import { dayIndex } from '../core';
import type { EventWindow, IsoDate } from '../core';

export function inAnyEvent(date: IsoDate, events: readonly EventWindow[] | undefined): boolean {
  if (!events) return false;
  return events.some((e) => date >= e.first && date <= e.last);
}

/** The events overlapping [first, last], in date order. */
export function eventsOverlapping(first: IsoDate, last: IsoDate, events: readonly EventWindow[]): EventWindow[] {
  return events.filter((e) => e.first <= last && e.last >= first).sort((p, q) => dayIndex(p.first) - dayIndex(q.first));
}
