/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone shifts a trading day. */
import type { IsoDate } from './history';

const DAY_MS = 86400000;

/** Days since 1970-01-01. */
export function dayIndex(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return new Date((dayIndex(date) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** JS weekday (0 = Sunday … 6 = Saturday). */
export function weekdayOf(date: IsoDate): number {
  return (((dayIndex(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
