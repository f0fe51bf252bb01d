/** A1-style addresses, so every issue can name the cell the user has to fix. */

export function columnLetters(col1: number): string {
  let n = col1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Resolves 0-based positions inside a range to sheet rows/columns and A1 addresses. */
export class Locator {
  readonly sheet: string | undefined;
  private readonly row0: number;
  private readonly col0: number;

  constructor(origin: RangeOrigin = {}) {
    this.sheet = origin.sheet;
    this.row0 = origin.row ?? 1;
    this.col0 = origin.column ?? 1;
  }

  row(i: number): number {
    return this.row0 + i;
  }

  address(i: number, j: number): string {
    return `${columnLetters(this.col0 + j)}${this.row0 + i}`;
  }
}

/** Where a range sits in its sheet, so issues can name real cells. */
export interface RangeOrigin {
  sheet?: string;
  /** 1-based sheet row of the range's first row (default 1). */
  row?: number;
  /** 1-based sheet column of the range's first column (default 1). */
  column?: number;
  /**
   * The workbook counts serial dates from 1904 (old Mac Excel): a plain number in the date column
   * is a 1904 serial (1,462 days later than the same number in the 1900 system).
   */
  date1904?: boolean;
}
