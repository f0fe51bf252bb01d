import { generateMerchant, hill } from '../../src/sample/merchant';
import { Rng } from '../../src/model/numeric';

describe('seeded random source', () => {
  it('is deterministic and uniform-ish', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 20000 }, () => a.uniform());
    expect(xs.slice(0, 50)).toEqual(Array.from({ length: 50 }, () => b.uniform()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('draws standard normals and betas with the right moments', () => {
    const r = new Rng(7);
    const n = 40000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
    let b = 0;
    for (let i = 0; i < 20000; i++) b += r.beta(20, 80);
    expect(Math.abs(b / 20000 - 0.2)).toBeLessThan(0.005);
  });

  it('differs between seeds', () => {
    expect(new Rng(1).uniform()).not.toBe(new Rng(2).uniform());
  });
});

describe('sample merchant generator', () => {
  it('is pure: same seed ⇒ same merchant', () => {
    expect(generateMerchant(5)).toEqual(generateMerchant(5));
    expect(generateMerchant(5).history).not.toEqual(generateMerchant(6).history);
  });

  it('produces consecutive days with a consistent organic/paid split', () => {
    const { history, truth } = generateMerchant(3);
    expect(history.days).toHaveLength(90);
    expect(history.days[0]!.date).toBe('2024-03-01');
    expect(history.days[89]!.date).toBe('2024-05-29');
    for (const d of history.days) {
      expect(d.organicGmv).toBeCloseTo(d.gmv - (d.paidGmv ?? 0), 9);
      expect(d.organicOrders).toBe(d.orders - (d.paidOrders ?? 0));
      expect(d.views).toBe((d.organicViews ?? 0) + (d.paidViews ?? 0));
      expect(d.orders).toBeLessThanOrEqual(d.views ?? 0);
      expect(d.spend).toBeGreaterThanOrEqual(0);
    }
    const paid = history.days.filter((d) => d.spend > 0);
    expect(paid).toHaveLength(60);
    const k = truth.curve.k;
    for (const d of paid) {
      expect(d.spend).toBeGreaterThanOrEqual(0.25 * k - 0.01);
      expect(d.spend).toBeLessThanOrEqual(4 * k + 0.01);
    }
    // Spend spans most of the band, so the curve is identifiable.
    const spends = paid.map((d) => d.spend);
    expect(Math.max(...spends) / Math.min(...spends)).toBeGreaterThan(10);
  });

  it('follows the true curve in the median', () => {
    const { history, truth } = generateMerchant(11, { days: 400, spend: { pattern: 'walk', startDay: 0, lowMultiple: 0.25, highMultiple: 4, stepSd: 0.5, pauseProbability: 0 } });
    const ratios = history.days.map((d) => Math.log((d.paidGmv ?? 0) / hill(d.spend, truth.curve))).sort((a, b) => a - b);
    expect(Math.abs(ratios[200]!)).toBeLessThan(0.03);
  });

  it('can have no paid history', () => {
    const { history } = generateMerchant(2, { spend: null });
    expect(history.days.every((d) => d.spend === 0 && d.paidGmv === 0 && d.organicGmv === d.gmv)).toBe(true);
  });
});
