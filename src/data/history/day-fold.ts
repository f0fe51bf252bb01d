/**
 * Running sums of a day's rows, folded as the rows are read: the reader keeps no row once it has
 * passed it, so a large export costs memory by the days it holds, not by its rows (docs/data.md
 * "Memory"). Rows are added in the order they are read, so each sum is the same additions in the
 * same order as summing the day's rows at the end (results identical to the cent and beyond).
 *
 * All folds of a table live in one growing Float64Array; a fold is its offset. An empty sum is
 * NaN (no value yet), which keeps "no value" (null) apart from 0 without a second array.
 */
import { CORE_NUMERIC, INFO_NUMERIC } from '../table';
import type { HistoryField } from '../table';

export type NumericField = Exclude<HistoryField, 'date'>;
export const NUMERIC: readonly NumericField[] = [...CORE_NUMERIC, ...INFO_NUMERIC] as NumericField[];

/** Where each mapped numeric field sits in a row's values (-1: no such column). One per table. */
export type Layout = Readonly<Record<NumericField, number>>;

/** Slots after the sums: row count, Σ rate·GMV, Σ GMV of rated rows, last rate seen, flags. */
const ROWS = 0;
const RATE_NUM = 1;
const RATE_DEN = 2;
const RATE_LAST = 3;
const FLAGS = 4;
const EXTRA = 5;
/** Some row has spend but no paid GMV: the day cannot be split. */
const PAID_GMV_UNKNOWN = 1;
/** Some row with spend or paid GMV has no paid orders. */
const PAID_ORDERS_GAP = 2;

/** A row's value: undefined when the table has no such column, null when the cell is empty. */
export function valueAt(values: ArrayLike<number>, layout: Layout, f: NumericField): number | null | undefined {
  const p = layout[f];
  if (p < 0) return undefined;
  const v = values[p] as number;
  return Number.isNaN(v) ? null : v;
}

export class FoldStore {
  private buf: Float64Array;
  private end = 0;
  private readonly stride: number;

  constructor(
    readonly layout: Layout,
    /** Number of mapped numeric columns: the length of a row's values. */
    private readonly width: number,
  ) {
    this.stride = width + EXTRA;
    this.buf = new Float64Array(this.stride * 256);
  }

  /** A new, empty fold. */
  open(): number {
    if (this.end + this.stride > this.buf.length) {
      const grown = new Float64Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    const off = this.end;
    this.buf.fill(NaN, off, off + this.width);
    this.buf.fill(0, off + this.width, off + this.stride);
    this.buf[off + this.width + RATE_LAST] = NaN;
    this.end += this.stride;
    return off;
  }

  /** Adds one row's values (in the table's column order, NaN for an empty cell). */
  add(off: number, values: ArrayLike<number>): void {
    const b = this.buf;
    for (let k = 0; k < this.width; k++) {
      const v = values[k] as number;
      if (Number.isNaN(v)) continue;
      const s = b[off + k] as number;
      b[off + k] = Number.isNaN(s) ? v : s + v;
    }
    const x = off + this.width;
    b[x + ROWS] = (b[x + ROWS] as number) + 1;
    const at = (f: NumericField): number | null | undefined => valueAt(values, this.layout, f);
    const rate = at('refund_1h_rate');
    if (rate !== null && rate !== undefined) {
      // A session's 1-hour refund rate weighs by its GMV.
      const g = at('gmv') ?? 0;
      b[x + RATE_NUM] = (b[x + RATE_NUM] as number) + rate * g;
      b[x + RATE_DEN] = (b[x + RATE_DEN] as number) + g;
      b[x + RATE_LAST] = rate;
    }
    const spend = at('spend') ?? 0;
    let flags = b[x + FLAGS] as number;
    if (spend > 0 && (at('paid_gmv') ?? null) === null) flags |= PAID_GMV_UNKNOWN;
    if (at('paid_orders') == null && !(spend === 0 && (at('paid_gmv') ?? 0) === 0)) flags |= PAID_ORDERS_GAP;
    b[x + FLAGS] = flags;
  }

  /** Adds fold `from` into fold `into` (a day made of several dimension rows). */
  merge(into: number, from: number): void {
    const b = this.buf;
    for (let k = 0; k < this.width; k++) {
      const v = b[from + k] as number;
      if (Number.isNaN(v)) continue;
      const s = b[into + k] as number;
      b[into + k] = Number.isNaN(s) ? v : s + v;
    }
    const x = into + this.width;
    const y = from + this.width;
    for (const slot of [ROWS, RATE_NUM, RATE_DEN]) b[x + slot] = (b[x + slot] as number) + (b[y + slot] as number);
    if (!Number.isNaN(b[y + RATE_LAST] as number)) b[x + RATE_LAST] = b[y + RATE_LAST] as number;
    b[x + FLAGS] = (b[x + FLAGS] as number) | (b[y + FLAGS] as number);
  }

  /** The raw running sum (null: no row had a value, or no such column). */
  sum(off: number, f: NumericField): number | null {
    const p = this.layout[f];
    if (p < 0) return null;
    const s = this.buf[off + p] as number;
    return Number.isNaN(s) ? null : s;
  }

  rows(off: number): number {
    return this.buf[off + this.width + ROWS] as number;
  }

  /** GMV-weighted mean of the refund rate; with no GMV, the one row's rate (else unknown). */
  weightedRate(off: number): { num: number; den: number; last: number | null } {
    const x = off + this.width;
    const last = this.buf[x + RATE_LAST] as number;
    return { num: this.buf[x + RATE_NUM] as number, den: this.buf[x + RATE_DEN] as number, last: Number.isNaN(last) ? null : last };
  }

  paidGmvUnknown(off: number): boolean {
    return ((this.buf[off + this.width + FLAGS] as number) & PAID_GMV_UNKNOWN) !== 0;
  }

  paidOrdersComplete(off: number): boolean {
    return ((this.buf[off + this.width + FLAGS] as number) & PAID_ORDERS_GAP) === 0;
  }
}
