/**
 * Invariants of the dimension rules (issue 12): a 罗盘 成交分析 table reads to the same days and
 * totals whatever the column order, row order, extra columns or where the period-total row sits;
 * and its totals are never the plain row sum (the double-counting trap).
 */
import fc from 'fast-check';
import { readHistory } from '../../src/data/history';
import { joinSources } from '../../src/data/merchant';
import type { Cell } from '../../src/data/table';

const HEAD = ['日期', '载体类型', '投放时段', '成交金额', '成交订单数', '投放消耗(店铺被投)'];
const CARRIERS = ['直播', '短视频', '商品卡'];

interface Day {
  live: number;
  video: number;
  card: number;
  offShare: number;
  spend: number;
}

/** A day's rows: 全部×不限 = Σ 载体, plus 全域投放时段 / 非投放时段 splits of each. */
function rowsOf(date: string, d: Day): Cell[][] {
  const per = [d.live, d.video, d.card];
  const total = per.reduce((a, b) => a + b, 0);
  const rows: Cell[][] = [[date, '全部', '不限', total, total, d.spend]];
  const off = (g: number) => Math.round(g * d.offShare);
  rows.push([date, '全部', '全域投放时段', total - per.reduce((a, g) => a + off(g), 0), 1, d.spend]);
  rows.push([date, '全部', '非投放时段', per.reduce((a, g) => a + off(g), 0), 1, 0]);
  per.forEach((g, i) => {
    rows.push([date, CARRIERS[i] as string, '不限', g, g, i === 0 ? d.spend : 0]);
    rows.push([date, CARRIERS[i] as string, '非投放时段', off(g), 1, 0]);
  });
  return rows;
}

const day = fc.record({
  live: fc.integer({ min: 1, max: 100000 }),
  video: fc.integer({ min: 0, max: 50000 }),
  card: fc.integer({ min: 0, max: 50000 }),
  offShare: fc.double({ min: 0, max: 1, noNaN: true }),
  spend: fc.integer({ min: 0, max: 20000 }),
});

describe('罗盘 成交分析 invariants', () => {
  it('totals are the 全部×不限 rows, whatever the column order, row order and where the 全部 row is', () => {
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), fc.nat(), (days, colSeed, rowSeed, totalAt) => {
        const body = days.flatMap((d, i) => rowsOf(`202607${String(10 + i)}`, d));
        const period: Cell[] = ['全部', '全部', '不限', 1e6, 1e6, 1e6];
        const rows = shuffle(body, rowSeed);
        rows.splice(totalAt % (rows.length + 1), 0, period);
        const perm = shuffle([0, 1, 2, 3, 4, 5], colSeed);
        const extra = (r: readonly Cell[], h: boolean): Cell[] => [...perm.map((j) => r[j] ?? null), h ? '备注' : 'x'];
        const r = readHistory([extra(HEAD, true), ...rows.map((x) => extra(x, false))]);
        const gmv = days.reduce((a, d) => a + d.live + d.video + d.card, 0);
        const spend = days.reduce((a, d) => a + d.spend, 0);
        expect(r.history.days).toHaveLength(days.length);
        expect(r.totals.gmv).toBe(gmv);
        expect(r.totals.orders).toBe(gmv);
        expect(r.totals.spend).toBe(spend);
        expect(r.totals.paidGmv).toBeNull();
        // The organic (非投放时段) measure is the 全部 row's.
        days.forEach((d, i) => {
          const off = [d.live, d.video, d.card].reduce((a, g) => a + Math.round(g * d.offShare), 0);
          expect(r.history.days[i]?.organicGmvObserved).toBe(off);
        });
      }),
      { numRuns: 60 },
    );
  });
});

/** Deterministic shuffle from a seed (Fisher–Yates with an LCG). */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('join invariants', () => {
  it('a merchant split into a 罗盘 table (GMV, orders) and a 千川全域 table (spend) joins back to its days over the overlap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gmv: fc.integer({ min: 1, max: 1e6 }), orders: fc.integer({ min: 1, max: 5000 }), spend: fc.integer({ min: 0, max: 1e5 }) }), { minLength: 2, maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (days, cutA, cutB) => {
          const date = (i: number) => `2026-06-${String(i + 1).padStart(2, '0')}`;
          const a = cutA % days.length; // 罗盘 starts later…
          const b = days.length - (cutB % (days.length - a)); // …千川 ends earlier
          const compass = readHistory([['日期', '成交金额', '成交订单数'], ...days.slice(a).map((d, i) => [date(a + i), d.gmv, d.orders])]);
          const uni = readHistory([['日期', '抖音号', '整体消耗', '整体成交金额', '整体成交订单数', '净成交金额'], ...days.slice(0, b).map((d, i) => [date(i), '号', d.spend, 1, 1, 1])]);
          const j = joinSources([{ file: 'a.xlsx', sheet: '罗盘', read: compass }, { file: 'b.csv', sheet: null, read: uni }]);
          const kept = days.slice(a, b);
          expect(j.overlap).toEqual({ from: date(a), to: date(b - 1), days: kept.length });
          expect(j.read.totals.gmv).toBe(kept.reduce((s, d) => s + d.gmv, 0));
          expect(j.read.totals.orders).toBe(kept.reduce((s, d) => s + d.orders, 0));
          expect(j.read.totals.spend).toBe(kept.reduce((s, d) => s + d.spend, 0));
          expect(j.read.totals.paidGmv).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });
});
