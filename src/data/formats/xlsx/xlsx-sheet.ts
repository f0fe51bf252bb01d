/**
 * One worksheet's rows, streamed from its zip part: rows come out as their `</row>` is parsed,
 * shaped as readXlsxBytes shapes them (row 0 = sheet row 1, a row as long as its last value,
 * [] for a row without values, none after the last row with a value). Browser-safe.
 */
import { LIMITS } from '../limits';
import type { Cell } from '../cell';
import { cellValue, placed, type CellContext, type RawCell } from './xlsx-cell';
import { pastLastRow, tooLong } from './xlsx-errors';
import { unescapeX } from './xlsx-parts';
import { walkPart, type Attributes, type XmlHandler } from './xlsx-xml';
import type { ByteSource } from '../bytes';
import type { ZipEntry } from '../zip/zip-guard';

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

  constructor(
    private readonly ctx: SheetContext,
    private readonly start: number,
    private readonly done: Cell[][],
  ) {}

  open(name: string, a: Attributes): void {
    if (name === 'sheetData') this.inData = true;
    if (!this.inData) return;
    if (name === 'row') {
      const r = a.r === undefined ? NaN : parseInt(a.r, 10);
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
    if (this.run) this.run.push(t);
    else if (this.node === 'v' || this.node === 't') c.value = c.value === undefined ? t : c.value + t;
    else if (this.node === 'f' && t) c.formula = true;
  }

  close(name: string): void {
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
    this.lastCol = col;
    if (this.row < this.start) return;
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

/** The sheet's rows from row `start` (0-based) on; each call is a new pass over the part. */
export function* sheetRows(src: ByteSource, e: ZipEntry, ctx: SheetContext, start = 0, piece?: number): Generator<Cell[]> {
  const done: Cell[][] = [];
  yield* walkPart(src, e, ctx.fileName, new SheetHandler(ctx, start, done), done, piece);
}
