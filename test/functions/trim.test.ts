/** trimRange against a plain reference: the fast scan drops exactly the trailing blank rows and columns. */
import fc from 'fast-check';
import { trimRange } from '../../src/functions/trim';

type V = string | number | boolean | null | undefined;

/** The definition, written the slow obvious way: blank = null, undefined, '' (and 0 for tables). */
function reference(m: readonly V[][], zeroIsBlank: boolean): V[][] {
  const blank = (c: V) => c === null || c === undefined || c === '' || (zeroIsBlank && c === 0);
  const rows = m.map((r) => r.map((c) => !blank(c)));
  let n = rows.length;
  while (n > 0 && !(rows[n - 1] ?? []).some(Boolean)) n--;
  let width = 0;
  for (let i = 0; i < n; i++) (rows[i] ?? []).forEach((used, j) => used && (width = Math.max(width, j + 1)));
  return m.slice(0, n).map((r) => r.slice(0, width));
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<V>('', null, undefined) },
  { weight: 2, arbitrary: fc.constantFrom<V>(0, ' ', false, '0', 'x', 1) },
);

describe('trimRange', () => {
  it('equals the reference on random ranges, ragged rows included, for tables and value columns', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), fc.boolean(), (m, zero) => {
        // Fresh arrays: trimRange memoises by array identity.
        expect(trimRange(m.map((r) => r.slice()), zero)).toEqual(reference(m, zero));
      }),
      { numRuns: 500 },
    );
  });

  it('sees one value anywhere below the table: last row, last column, under 0s and blanks', () => {
    const rows = (n: number, fill: V) => Array.from({ length: n }, () => new Array<V>(18).fill(fill));
    for (const at of [[199_999, 17], [199_999, 0], [150_000, 9]] as const) {
      const m = [['date', 'gmv'], ...rows(199_999, '')] as V[][];
      (m[at[0]] as V[])[at[1]] = 'stray';
      const out = trimRange(m, true);
      expect(out).toHaveLength(at[0] + 1);
      expect(out[at[0]]?.[at[1]]).toBe('stray');
    }
    // 0 is blank in a table, not in a value column.
    const zeros = [[1], ...rows(10, 0)] as V[][];
    expect(trimRange(zeros, true)).toEqual([[1]]);
    expect(trimRange(zeros.map((r) => r.slice()), false)).toHaveLength(11);
  });
});
