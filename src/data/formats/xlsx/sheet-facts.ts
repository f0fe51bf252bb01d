/**
 * What a whole pass over a worksheet part learns that no single row tells: its merged ranges
 * (listed after the cells, so known only once a pass has reached the end) and the formula cells
 * without a saved value. The reader asks for them after its walk (workbook.ts), so learning them
 * costs no pass of its own. Browser-safe.
 */
import { columnLetters } from '../address';

/** A side read's bounds: the first `columns` columns kept, and the pass ends after `cells` cells. */
export interface SideLimits {
  columns: number;
  cells: number;
}

/** Formula cells without a saved value listed by address, at most this many (the rest counted). */
const LISTED = 20;

/** A merged range, 0-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One pass's findings, kept only if the pass reaches the end of the part. */
export class PassFacts {
  readonly merges: MergedRange[] = [];
  readonly uncachedCells: string[] = [];
  uncachedCount = 0;

  merge(ref: string): void {
    const r = parseRange(ref);
    if (r) this.merges.push(r);
  }

  uncached(row0: number, col0: number): void {
    if (this.uncachedCount++ < LISTED) this.uncachedCells.push(`${columnLetters(col0 + 1)}${row0 + 1}`);
  }
}

export class SheetFacts {
  private known: PassFacts | null = null;

  pass(): PassFacts {
    return new PassFacts();
  }

  complete(p: PassFacts): void {
    this.known = p;
  }

  /** Null until a pass has read the whole sheet. */
  get whole(): PassFacts | null {
    return this.known;
  }
}

/** "A2:A5" (or "B3") → a range; null for a reference that is not one. */
export function parseRange(ref: string): MergedRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/u.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string): number => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const a = { row: Number(m[2]) - 1, col: col(m[1] as string) };
  const b = m[3] ? { row: Number(m[4]) - 1, col: col(m[3]) } : a;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}
