/** Whole-column ranges and byte-bounded memos (issue 16 item 5). */
import { thrownBy } from '../functions/fake-runtime';
import { cashflowfn, fitcurve, kpi } from '../../src/functions/as-called';
import { approxBytes, Lru } from '../../src/functions/memo';
import { trimRange } from '../../src/functions/trim';
import type { Cell } from '../../src/data/table';
import { sampleRanges } from '../functions/sample-ranges';

const EXCEL_ROWS = 1_048_576;

/** A range as Excel hands a whole-column reference: the table, then blank rows to row 1,048,576. */
function wholeColumns(table: readonly Cell[][], width: number, blank: null | 0 = null): Cell[][] {
  const out: Cell[][] = table.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? blank));
  const empty = new Array<Cell>(width).fill(blank);
  while (out.length < EXCEL_ROWS) out.push(empty);
  return out;
}

describe('whole-column ranges', () => {
  it('KPI over A:R and assumptions A:G gives the number it gives over the tables', async () => {
    const { history, assumptions } = await sampleRanges();
    const expected = kpi(history, assumptions, 'total_profit');
    expect(typeof expected).toBe('number');
    expect(kpi(wholeColumns(history, 18), wholeColumns(assumptions, 7), 'total_profit')).toBe(expected);
    // Desktop builds that send 0 for blanks.
    expect(kpi(wholeColumns(history, 18, 0), wholeColumns(assumptions, 7), 'peak_capital')).toBe(kpi(history, assumptions, 'peak_capital'));
  });

  it('FITCURVE(A:A,B:B) and CASHFLOW(A:A,B:B,…) do not overflow the stack', async () => {
    const { assumptions } = await sampleRanges();
    const spend = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000];
    const gmv = spend.map((s) => 3 * s * (1 - s / 20000));
    const col = (xs: number[]): Cell[][] => wholeColumns(xs.map((x) => [x]), 1);
    const fitWhole = fitcurve(col(spend), col(gmv));
    const fitTable = fitcurve(spend.map((x) => [x]), gmv.map((x) => [x]));
    expect(fitWhole).toEqual(fitTable);
    const outcome = (f: () => unknown): unknown => {
      let v: unknown;
      const e = thrownBy(() => (v = f()));
      return e ? `error: ${e.message}` : v;
    };
    const whole = outcome(() => cashflowfn(col(spend), col(gmv), wholeColumns(assumptions, 7)));
    expect(String(whole)).not.toMatch(/call stack/u);
    expect(whole).toEqual(outcome(() => cashflowfn(spend.map((x) => [x]), gmv.map((x) => [x]), assumptions)));
  });

  it('trims trailing blank rows and columns only; a last 0 stays in a value column', () => {
    expect(trimRange([[1, null], [null, null], ['', null]], false)).toEqual([[1]]);
    expect(trimRange([[1, 0], [0, 0]], false)).toEqual([[1, 0], [0, 0]]);
    expect(trimRange([[1, 0], [0, 0]], true)).toEqual([[1]]);
    expect(trimRange([[null, 'x'], [null, null]], true)).toEqual([[null, 'x']]);
  });
});

describe('memos are bounded by bytes, not entries', () => {
  it('evicts the least recently used entries once the bytes are spent', () => {
    const lru = new Lru<string>(1000, 10_000);
    for (let i = 0; i < 100; i++) lru.set(`k${i}`, 'x'.repeat(1000));
    expect(lru.bytes).toBeLessThanOrEqual(10_000);
    expect(lru.size).toBeLessThan(10);
    expect(lru.get('k99')).toBeDefined();
    expect(lru.get('k0')).toBeUndefined();
    lru.set('huge', 'y'.repeat(20_000));
    expect(lru.get('huge')).toBeUndefined();
  });

  it('measures values iteratively (a long or deep value cannot overflow the stack)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(approxBytes(deep)).toBeGreaterThan(200_000);
    expect(approxBytes({ a: 'ab', b: [1, 2] })).toBe(16 + 2 * 8 + (16 + 2 * 2) + (16 + 2 * 8) + 2 * 8);
  });
});
