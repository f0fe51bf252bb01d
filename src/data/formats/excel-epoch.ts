/**
 * Excel's date serials, said once: serial 25569 is 1970-01-01 (the Unix epoch) in the 1900 date
 * system, and the 1904 system (old Mac Excel) counts 1,462 days fewer for the same date.
 */
export const MS_PER_DAY = 86_400_000;
/** The 1900-system serial of 1970-01-01. */
export const UNIX_EPOCH_SERIAL = 25569;
/** Serial-day offset between Excel's 1900 and 1904 date systems. */
export const DAYS_1900_TO_1904 = 1462;

/** A JS time (ms since 1970, UTC) as a 1900-system serial, fractional days kept. */
export function msToSerial(ms: number): number {
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** A 1900-system serial (serials ≥ 61, where the Lotus leap-day bug no longer matters) as JS time. */
export function serialToMs(serial: number): number {
  return (serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY;
}
