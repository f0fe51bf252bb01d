import { compareRows, rankRows } from '../../src/portfolio/rank';
import { summarise } from '../../src/portfolio/summary';
import { row } from './fixtures';

describe('ranking', () => {
  const rows = [
    row('e.xlsx', 'data-fix', null, null),
    row('d.xlsx', 'organic-first', null),
    row('c.xlsx', 'steady', 3),
    row('b.xlsx', 'scale', 0.5),
    row('a.xlsx', 'scale', 2),
    row('z.xlsx', 'scale', null),
  ];

  it('orders by tier, then annualised return on capital, highest first, missing last', () => {
    expect(rankRows(rows).map((r) => r.file)).toEqual(['a.xlsx', 'b.xlsx', 'z.xlsx', 'c.xlsx', 'd.xlsx', 'e.xlsx']);
  });

  it('breaks ties by expected profit (highest first), then by file path', () => {
    const tied = [row('b.xlsx', 'scale', 1, 500), row('a.xlsx', 'scale', 1, 500), row('c.xlsx', 'scale', 1, 900), row('0.xlsx', 'scale', 1, null)];
    expect(rankRows(tied).map((r) => r.file)).toEqual(['c.xlsx', 'a.xlsx', 'b.xlsx', '0.xlsx']);
  });

  it('sorts file paths by code unit, not locale (upper case before lower, ASCII before CJK)', () => {
    const tied = [row('商家.xlsx', 'data-fix', null, null), row('b.xlsx', 'data-fix', null, null), row('B.xlsx', 'data-fix', null, null)];
    expect(rankRows(tied).map((r) => r.file)).toEqual(['B.xlsx', 'b.xlsx', '商家.xlsx']);
  });

  it('gives the same order for every input order', () => {
    const want = rankRows(rows).map((r) => r.file);
    for (let k = 0; k < 20; k++) {
      const shuffled = [...rows].sort((a, b) => ((a.file.charCodeAt(0) * (k + 7)) % 11) - ((b.file.charCodeAt(0) * (k + 7)) % 11));
      expect(rankRows(shuffled).map((r) => r.file)).toEqual(want);
    }
    expect(compareRows(rows[0]!, rows[0]!)).toBe(0);
  });
});

describe('summary', () => {
  it('counts every tier and sums money over status ok only', () => {
    const a = row('a', 'scale', 1, 100);
    const b = row('b', 'steady', 1, -30);
    const c = row('c', 'organic-first', null, 5000);
    const d = row('d', 'data-fix', null, null);
    const s = summarise([a, b, c, d]);
    expect(s.merchants).toBe(4);
    expect(s.counts).toEqual({ scale: 1, steady: 1, 'cut-back': 0, 'organic-first': 1, 'data-fix': 1 });
    // Fixture KPIs: spend 90,000 and peak capital 30,000 each; profits 100 and −30.
    expect(s.totalPlannedSpend).toBe(180_000);
    expect(s.totalPeakCapital).toBe(60_000);
    expect(s.totalExpectedProfit).toBe(70);
  });

  it('is all zero for no rows', () => {
    expect(summarise([])).toEqual({
      merchants: 0,
      counts: { scale: 0, steady: 0, 'cut-back': 0, 'organic-first': 0, 'data-fix': 0 },
      totalPlannedSpend: 0,
      totalPeakCapital: 0,
      totalExpectedProfit: 0,
    });
  });
});
