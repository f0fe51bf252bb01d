/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone shifts a trading day. */
import { text } from '../i18n/text';
import { AdplanError } from './errors';
import type { IsoDate } from './history';

const DAY_MS = 86400000;

/** Days since 1970-01-01. */
export function dayIndex(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

/** 9999-12-31, the last date Excel (and a 4-digit ISO year) can hold. */
const LAST_DAY = dayIndex('9999-12-31');

/** `date` + n days; a day past 9999-12-31 is an input error (not "+010000-01-01"). */
export function addDays(date: IsoDate, n: number): IsoDate {
  const day = dayIndex(date) + n;
  if (day > LAST_DAY) {
    throw new AdplanError(
      'input',
      text(
        `${date} + ${n} days runs past 9999-12-31, the last date Excel can hold: check the dates of the history.`,
        `${date} 之后 ${n} 天超出 9999-12-31(Excel 可表示的最后日期):请检查历史数据的日期。`,
      ),
      'date',
    );
  }
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** JS weekday (0 = Sunday … 6 = Saturday). */
export function weekdayOf(date: IsoDate): number {
  return (((dayIndex(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
