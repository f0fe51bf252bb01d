import { computeBaseline } from '../../src/model/fit';
import { addDays, weekdayOf } from '../../src/model/core';
import type { DayRecord, History } from '../../src/model/core';
import { assessReadiness, thresholdsOf } from '../../src/model/readiness';

/** The registry's defaults (no scenario values). */
const DEFAULT_THRESHOLDS = thresholdsOf({});

function day(p: Partial<DayRecord> & { date: string }): DayRecord {
  return {
    views: null,
    organicViews: null,
    paidViews: null,
    orders: 0,
    gmv: 0,
    refundAmount: null,
    spend: 0,
    paidGmv: 0,
    paidOrders: 0,
    organicGmv: 0,
    organicOrders: 0,
    buyers: null,
    impressions: null,
    clicks: null,
    ...p,
  };
}

const history: History = {
  viewsMeasure: 'count',
  days: [
    day({ date: '2024-01-01', views: 1000, organicViews: 800, paidViews: 200, orders: 20, gmv: 2000, refundAmount: 200, spend: 100, paidGmv: 500, paidOrders: 5, organicGmv: 1500, organicOrders: 15 }),
    day({ date: '2024-01-02', views: 1000, organicViews: 1000, orders: 30, gmv: 3300, refundAmount: 330, organicGmv: 3300, organicOrders: 30 }),
    day({ date: '2024-01-03', organicViews: 500, orders: 12, gmv: 1300, spend: 200, paidGmv: 700, paidOrders: 6, organicGmv: 600, organicOrders: 6 }),
    day({ date: '2024-01-04', orders: 10, gmv: 1000, refundAmount: 0, organicGmv: 1000, organicOrders: 10 }),
    // Spend without paid GMV: cannot be split, so it is not a baseline day.
    day({ date: '2024-01-05', orders: 99, gmv: 9999, spend: 50, paidGmv: null, organicGmv: null, organicOrders: null }),
  ],
};

const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
};

describe('baseline metrics (MODEL §2), by hand', () => {
  it('ratio-of-sums metrics over the valid days of the window', () => {
    const m = computeBaseline(history, 28);
    expect(m.days).toBe(4);
    expect([m.from, m.to]).toEqual(['2024-01-01', '2024-01-04']);
    // CVR and GPM over days with known organic views (1–3): orders 15+30+6, views 800+1000+500.
    close(m.cvr!, 51 / 2300);
    close(m.gpm!, (1000 * (1500 + 3300 + 600)) / 2300);
    close(m.aov, (2000 + 3300 + 1300 + 1000) / (20 + 30 + 12 + 10));
    // Refunds over days that report them (1, 2, 4).
    close(m.refundRate!, (200 + 330 + 0) / (2000 + 3300 + 1000));
    close(m.organicGmvPerDay, (1500 + 3300 + 600 + 1000) / 4);
    close(m.organicOrdersPerDay, (15 + 30 + 6 + 10) / 4);
    // Daily CVR 0.01875, 0.03, 0.012: mean 0.02025, squared deviations sum 1.65375e-4.
    close(m.cvrCv!, Math.sqrt(1.65375e-4 / 2) / 0.02025);
    // Slope of (0,1500) (1,3300) (2,600) (3,1000): Sxy −2100 / Sxx 5 = −420 per day, / mean 1600.
    close(m.trend, -420 / 1600);
    expect(m.weekdayFactors).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('honours the window (last N valid days)', () => {
    const m = computeBaseline(history, 2);
    expect(m.days).toBe(2);
    expect(m.historyDays).toBe(4);
    close(m.cvr!, 6 / 500);
    close(m.aov, 2300 / 22);
    close(m.organicGmvPerDay, 800);
    expect(m.refundRate).toBe(0); // only day 4 reports refunds in this window: 0 / 1000
  });

  it('weekday factors = mean per weekday / overall mean once the window holds 28 days', () => {
    const days = Array.from({ length: 28 }, (_, i) => {
      const date = addDays('2024-03-04', i);
      const g = 100 * (1 + weekdayOf(date));
      return day({ date, organicViews: 1000, orders: 10, gmv: g, organicGmv: g, organicOrders: 10 });
    });
    const m = computeBaseline({ days, viewsMeasure: 'count' }, 28);
    // Weekday k earns 100(1 + k); the mean over a whole number of weeks is 400.
    m.weekdayFactors.forEach((f, k) => close(f, (1 + k) / 4));
    expect(m.refundRate).toBeNull();
  });

  it('rejects an empty history with a bilingual message', () => {
    expect(() => computeBaseline({ days: [], viewsMeasure: 'count' })).toThrow(/no usable days/);
  });
});

describe('readiness (MODEL §2)', () => {
  const m = computeBaseline(history, 28);

  it('lists one reason per failed check, organic first', () => {
    const r = assessReadiness({ ...m, organicOrdersPerDay: 2, cvrCv: 0.5 }, DEFAULT_THRESHOLDS, 0.6, -0.1);
    expect(r.ready).toBe(false);
    // 4 days < 14, 2 orders/day < 3, CVR variation 50% > 35%, refunds 60% > 50%, u ≤ 0.
    expect(r.reasons).toHaveLength(5);
    expect(r.reasons[0]!['en-US']).toMatch(/Only 4 days/);
    expect(r.reasons[1]!['en-US']).toMatch(/Optimise natural-recommendation traffic .*before paying for traffic/);
    expect(r.reasons[1]!['zh-CN']).toMatch(/自然推荐流量/);
    expect(r.reasons[4]!['en-US']).toMatch(/Unit margin/);
    expect(r.fixFirst!['en-US']).toMatch(/^Fix first: Keep trading on organic traffic/);
  });

  it('is ready when every check passes', () => {
    const r = assessReadiness({ ...m, historyDays: 28, organicOrdersPerDay: 20, cvrCv: 0.1 }, DEFAULT_THRESHOLDS, 0.2, 0.3);
    expect(r).toEqual({ ready: true, reasons: [], notes: [], fixFirst: null });
  });

  it('puts weak organic traffic first when history is long enough', () => {
    const r = assessReadiness({ ...m, historyDays: 30, organicOrdersPerDay: 1, cvrCv: 0.1 }, DEFAULT_THRESHOLDS, 0.1, 0.3);
    expect(r.reasons).toHaveLength(1);
    expect(r.fixFirst!['en-US']).toMatch(/Optimise natural-recommendation traffic/);
  });
});
