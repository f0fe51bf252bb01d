/**
 * One worksheet's rows, streamed from its zip part: rows come out as their `</row>` is parsed,
 * shaped as readXlsxBytes shapes them (row 0 = sheet row 1, a row as long as its last value,
 * [] for a row without values, none after the last row with a value). Browser-safe.
 */
import { LIMITS } from '../limits';
import type { Cell } from '../cell';
import { cellValue, placed, type CellContext, type RawCell } from './xlsx-cell';
import { givenTwice, pastLastRow, tokenTooLong, tooLong } from './xlsx-errors';
import type { XmlTooLong } from '../xml/xml-scan';
import { SheetFacts, type PassFacts, type SideLimits } from './sheet-facts';
import { unescapeX } from './xlsx-parts';
import { walkPart, type Attributes, type XmlHandler } from './xlsx-xml';
import type { ByteSource } from '../bytes';
import type { ZipEntry } from '../zip/zip-guard';
import { columnLetters } from '../address';

export interface SheetContext extends CellContext {
  sheet: string;
}


/** The column (0-based) of an A1 reference; the row digits are ignored, as ExcelJS does. Hot: one call per cell. */
function columnOf(ref: string): number {
  let n = 0;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n > 0 && n <= 16_384 ? n - 1 : -1;
}

class SheetHandler implements XmlHandler {
  /** Index of the next row to hand out; rows without values before a row with one become []. */
  private next = 0;
  private row = -1;
  private line: Cell[] = [];
  private inData = false;
  private col = -1;
  private lastCol = -1;
  private cell: RawCell | null = null;
  private node: 'v' | 't' | 'f' | null = null;
  private run: string[] | null = null;
  private runText: string | undefined;
  /** Characters of the current cell's value so far (refused past Excel's limit before they are joined). */
  private chars = 0;
  /** The last row number given by an `r` (a row given twice or out of order is refused). */
  private lastR = 0;
  /** Cells visited (a side read stops at its limit). */
  private cells = 0;
  /** Set once a side read has taken its limit of cells: the pass ends. */
  full = false;
  private inMerges = false;

  constructor(
    private readonly ctx: SheetContext,
    private readonly start: number,
    private readonly done: Cell[][],
    private readonly facts: PassFacts,
    private readonly side: SideLimits | null = null,
  ) {}

  tooLong(e: XmlTooLong): Error {
    const col = this.cell ? (this.col >= 0 ? this.col : this.lastCol + 1) : 0;
    if (e.token === 'text') return tooLong(this.ctx.fileName, this.ctx.sheet, this.row + 1, col + 1, LIMITS.cellChars, true);
    return tokenTooLong(this.ctx.fileName, `sheet "${this.ctx.sheet}" (near cell ${columnName(col)}${this.row + 1})`, e);
  }

  open(name: string, a: Attributes): void {
    if (name === 'sheetData') this.inData = true;
    if (name === 'mergeCells') this.inMerges = true;
    else if (name === 'mergeCell' && this.inMerges && a.ref !== undefined) this.facts.merge(a.ref);
    if (!this.inData) return;
    if (name === 'row') {
      const r = a.r === undefined ? NaN : parseInt(a.r, 10);
      // A row numbered at or before an earlier one would either overwrite it or count as one more row.
      if (r >= 1 && r <= this.lastR) throw givenTwice(this.ctx.fileName, this.ctx.sheet, `${r}`, false);
      if (r >= 1) this.lastR = r;
      this.row = r >= 1 ? r - 1 : this.row + 1;
      // Rows are taken in file order: one numbered at or before an earlier one follows it.
      if (this.row < this.next) this.row = this.next;
      if (this.row >= LIMITS.rows) throw pastLastRow(this.ctx.fileName, this.ctx.sheet, this.row + 1);
      this.line = [];
      this.lastCol = -1;
      return;
    }
    if (name === 'c') {
      this.col = a.r === undefined ? -1 : columnOf(a.r);
      this.cell = { t: a.t, style: a.s === undefined ? NaN : parseInt(a.s, 10), value: undefined, runs: null, formula: false };
      this.chars = 0;
      return;
    }
    const c = this.cell;
    if (!c) return;
    if (name === 'r') {
      this.run = [];
      this.runText = undefined;
    } else if (name === 't') {
      if (this.run) this.run.length = 0;
      else this.node = 't';
    } else if (name === 'v') this.node = 'v';
    else if (name === 'f') {
      this.node = 'f';
      if (a.t) c.formula = true;
    }
  }

  text(t: string): void {
    const c = this.cell;
    if (!c) return;
    if (this.node !== 'f' && (this.chars += t.length) > LIMITS.cellChars) {
      throw tooLong(this.ctx.fileName, this.ctx.sheet, this.row + 1, (this.col >= 0 ? this.col : this.lastCol + 1) + 1, LIMITS.cellChars, true);
    }
    if (this.run) this.run.push(t);
    else if (this.node === 'v' || this.node === 't') c.value = c.value === undefined ? t : c.value + t;
    else if (this.node === 'f' && t) c.formula = true;
  }

  close(name: string): void {
    if (name === 'mergeCells') this.inMerges = false;
    if (!this.inData) return;
    const c = this.cell;
    if (name === 't' && this.run) this.runText = unescapeX(this.run.join(''));
    else if (name === 'r' && this.run && c) {
      (c.runs ??= []).push(this.runText ?? '');
      this.run = null;
    } else if (name === 'v' || name === 't' || name === 'f' || name === 'is') this.node = null;
    else if (name === 'c' && c) this.endCell(c);
    else if (name === 'row') this.endRow();
    else if (name === 'sheetData') this.inData = false;
  }

  private endCell(c: RawCell): void {
    this.cell = null;
    this.run = null;
    this.node = null;
    if (!placed(c)) return;
    // A cell without `r` is the one after the previous placed cell (ExcelJS's rule).
    const col = this.col >= 0 ? this.col : this.lastCol + 1;
    // Given twice (or out of order): the second would silently overwrite the first.
    if (col <= this.lastCol) throw givenTwice(this.ctx.fileName, this.ctx.sheet, `${columnName(col)}${this.row + 1}`, true);
    this.lastCol = col;
    if (c.formula && !c.value) this.facts.uncached(this.row, col);
    if (this.row < this.start) return;
    if (this.side) {
      if (++this.cells >= this.side.cells) this.full = true;
      if (col >= this.side.columns) return;
    }
    const v = cellValue(c, this.ctx);
    if (v === null) return;
    if (typeof v === 'string' && v.length > LIMITS.cellChars) throw tooLong(this.ctx.fileName, this.ctx.sheet, this.row + 1, col + 1, v.length);
    while (this.line.length < col) this.line.push(null);
    this.line[col] = v;
  }

  private endRow(): void {
    if (this.line.length === 0) return;
    for (; this.next < this.row; this.next++) if (this.next >= this.start) this.done.push([]);
    if (this.row >= this.start) this.done.push(this.line);
    this.next = this.row + 1;
    this.line = [];
  }
}

const columnName = (col0: number): string => columnLetters(col0 + 1);

/**
 * The sheet's rows from row `start` (0-based) on; each call is a new pass over the part. A pass
 * that reaches the end records what it saw of the whole sheet in `facts` (merged ranges,
 * formulas without a saved value). A side read (`side`) keeps only the first columns and stops
 * after its number of cells, so a sheet 16,384 columns wide costs no more than a narrow one.
 */
export function* sheetRows(src: ByteSource, e: ZipEntry, ctx: SheetContext, start = 0, piece?: number, facts = new SheetFacts(), side: SideLimits | null = null): Generator<Cell[]> {
  const done: Cell[][] = [];
  const seen = facts.pass();
  const h = new SheetHandler(ctx, start, done, seen, side);
  for (const row of walkPart(src, e, ctx.fileName, h, done, piece)) {
    yield row;
    if (h.full) return;
  }
  facts.complete(seen);
}
