import { backtest, naiveRule, BACKTEST_STEP } from '../../src/model/review';
import { generateMerchant, hill, type MerchantTruth } from '../../src/sample/merchant';
import { weekdayOf } from '../../src/model/core';
import type { History } from '../../src/model/core';

/** MAPE of the true model (the generator's expected GMV) over the same held-out days. */
function truthMape(history: History, truth: MerchantTruth, origins: number): number {
  const n = history.days.length;
  let sum = 0;
  let cnt = 0;
  for (let i = n - origins * BACKTEST_STEP; i < n; i++) {
    const d = history.days[i]!;
    const organic = truth.organicViewsPerDay * (truth.weekday[weekdayOf(d.date)] ?? 1) * truth.organicCvr * truth.aov;
    const f = organic + hill(d.spend, truth.curve);
    if (d.gmv > 0) {
      sum += Math.abs(f - d.gmv) / d.gmv;
      cnt++;
    }
  }
  return sum / cnt;
}

describe('backtest on seeded stationary merchants', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
  it.each(seeds)('seed %i: MAPE within 1.5× of the true curve’s own MAPE, four weekly origins', (seed) => {
    const { truth, history } = generateMerchant(seed);
    const r = backtest(history, null);
    expect(r.origins).toHaveLength(4);
    expect(r.mape).not.toBeNull();
    const own = truthMape(history, truth, 4);
    expect(r.mape!).toBeLessThanOrEqual(1.5 * own);
    expect(r.grade).not.toBe('weak');
    expect(Math.abs(r.bias!)).toBeLessThan(0.1);
    expect(r.verdict['zh-CN']).toMatch(/^模型在你的历史上的预测误差 ±\d+%（朴素方法 ±\d+%）/);
  });
});

describe('backtest grades and reasons', () => {
  it('too few days: no origin, weak, says why', () => {
    const { history } = generateMerchant(3, { days: 25 });
    const r = backtest(history, null);
    expect(r.origins).toHaveLength(0);
    expect(r.mape).toBeNull();
    expect(r.grade).toBe('weak');
    expect(r.reasons).toContain('few-days');
    expect(r.verdict['en-US']).toMatch(/not possible/);
  });

  it('flat spend is weak with its reason', () => {
    const { history } = generateMerchant(4, { spend: { pattern: 'walk', startDay: 10, lowMultiple: 1, highMultiple: 1.2, stepSd: 0.02, pauseProbability: 0 } });
    const r = backtest(history, null);
    expect(r.grade).toBe('weak');
    expect(r.reasons).toContain('flat-spend');
  });

  it('regime change in the last week is named', () => {
    const { history } = generateMerchant(5);
    const days = history.days.map((d, i) => (i >= history.days.length - 7 ? { ...d, gmv: d.gmv * 0.5, organicGmv: (d.organicGmv ?? 0) * 0.5 } : d));
    const r = backtest({ ...history, days }, null);
    expect(r.reasons).toContain('regime-change');
    expect(r.grade).toBe('weak');
    expect(r.origins[r.origins.length - 1]!.bias).toBeGreaterThan(0.3);
  });

  it('organic-only merchant: the organic forecast is still tested', () => {
    const { history } = generateMerchant(6, { spend: null });
    const r = backtest(history, null);
    expect(r.origins).toHaveLength(4);
    expect(r.mape!).toBeLessThan(0.2);
  });

  it('spend only in the held-out days and no assumed curve: weak, no model, says why', () => {
    const { history } = generateMerchant(6, { days: 40, spend: { pattern: 'sweep', startDay: 30, lowMultiple: 0.5, highMultiple: 1, stepSd: 0.1, pauseProbability: 0 } });
    const r = backtest(history, null);
    expect(r.origins).toHaveLength(0);
    expect(r.reasons).toContain('no-model');
    expect(r.grade).toBe('weak');
    expect(r.verdict['zh-CN']).toMatch(/无法回测/);
  });
});

describe('naive rule', () => {
  it('is last-14-day ROI × spend + last-14-day organic GMV (worked example)', () => {
    const days = Array.from({ length: 20 }, (_, i) => ({
      date: `2024-01-${String(i + 1).padStart(2, '0')}`,
      views: null, organicViews: null, paidViews: null, orders: 10, refundAmount: null,
      gmv: i < 6 ? 999 : 1000 + 300, spend: i < 6 ? 0 : 100, paidGmv: i < 6 ? 0 : 300, paidOrders: null,
      organicGmv: i < 6 ? 999 : 1000, organicOrders: null, buyers: null, impressions: null, clicks: null,
    }));
    expect(naiveRule(days)(200)).toBeCloseTo(3 * 200 + 1000, 9);
    const room = days.map((d) => ({ ...d, paidGmv: null, organicGmv: null }));
    expect(naiveRule(room)(200)).toBeCloseTo(13 * 200, 9);
  });
});
