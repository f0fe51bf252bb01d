import { checkPeriod, planByPeriod } from '../../src/model/report';
import type { Limit, PlanDay } from '../../src/model/report';

function day(i: number, spend: number, limit: Limit, mroi: number | null): PlanDay {
  return { date: `2024-07-${String(i + 1).padStart(2, '0')}`, spend, paidGmv: 4 * spend, organicGmv: 100, gmv: 4 * spend + 100, orders: 1, profit: 10, cash: 1000 + i, roi: spend > 0 ? 4 : null, marginalRoi: mroi, limit, roiTarget: spend > 0 ? (4 * spend + 100) / spend : null };
}

describe('plan periods', () => {
  it('weeks: sums, closing cash, spend-weighted marginal ROI, the limit that bound most', () => {
    const days = [
      day(0, 100, 'ramp', 3),
      day(1, 120, 'ramp', 2.5),
      day(2, 0, 'cash', null),
      day(3, 200, 'target', 2),
      day(4, 200, 'target', 2),
      day(5, 200, 'target', 2),
      day(6, 200, 'cash', 2),
      day(7, 0, 'target', null),
    ];
    const [w1, w2] = planByPeriod(days, 'week');
    expect(w1!.date).toBe('2024-07-01');
    expect(w1!.spend).toBe(1020);
    expect(w1!.paidGmv).toBe(4080);
    expect(w1!.gmv).toBe(4780);
    expect(w1!.profit).toBe(70);
    expect(w1!.cash).toBe(1006);
    expect(w1!.roi).toBe(4);
    // (100·3 + 120·2.5 + 800·2) / 1020
    expect(w1!.marginalRoi).toBeCloseTo(2200 / 1020, 12);
    expect(w1!.limit).toBe('target'); // 3 target, 2 ramp, 2 cash
    // A partial last week with no spend: no ROI, no marginal ROI.
    expect(w2).toMatchObject({ date: '2024-07-08', spend: 0, roi: null, marginalRoi: null, cash: 1007, limit: 'target' });
  });

  it('period is day or week', () => {
    expect(checkPeriod(null)).toBe('day');
    expect(checkPeriod(' Week ')).toBe('week');
    expect(() => checkPeriod('month')).toThrow(/period must be "day" or "week", got "month"/);
  });
});
