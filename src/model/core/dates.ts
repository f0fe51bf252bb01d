/**
 * The one calendar: ISO dates (YYYY-MM-DD) as whole days since 1970-01-01, with no Date objects
 * and no time zone, so no zone shifts a trading day. The reader (src/data/cells.ts) uses it too.
 */
import { text } from '../../i18n/text';
import { AdplanError } from './errors';
import type { IsoDate } from './history';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms): plain arithmetic,
 * several times faster than Date objects on the reader's hot path.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayIndex(date: IsoDate): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
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
        `${date} 之后 ${n} 天超出 9999-12-31（Excel 可表示的最后日期）：请检查历史数据的日期。`,
      ),
      'date',
    );
  }
  return civilFromDays(day);
}

/** JS weekday (0 = Sunday … 6 = Saturday). */
export function weekdayOf(date: IsoDate): number {
  return (((dayIndex(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}
