/** toSpill and the model's min/max helpers over data-sized arrays (issue 16: no argument spreading). */
import { toSpill } from '../../src/functions/spill';
import { maxOf, minOf } from '../../src/model/numeric';

describe('data-sized arrays', () => {
  it('spills 200,000 rows without a RangeError, as wide as the widest row, blanks as ""', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => (i === 123_456 ? [i, null, 'x'] : [i]));
    const out = toSpill(rows);
    expect(out).toHaveLength(200_000);
    expect(out[0]).toEqual([0, '', '']);
    expect(out[123_456]).toEqual([123_456, '', 'x']);
    expect(out.every((r) => r.length === 3)).toBe(true);
  });

  it('keeps at least one column for an empty table', () => {
    expect(toSpill([[], []])).toEqual([[''], ['']]);
  });

  it('takes the min and max of 200,000 numbers (room fit, back-test) without a RangeError', () => {
    const xs = Array.from({ length: 200_000 }, (_, i) => ((i * 7919) % 200_003) + 0.5);
    expect(maxOf(xs)).toBe(xs.reduce((m, x) => (x > m ? x : m), -Infinity));
    expect(minOf(xs)).toBe(xs.reduce((m, x) => (x < m ? x : m), Infinity));
  });
});
