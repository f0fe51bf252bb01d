/**
 * The hard-room generator is what it says: the platform's spend follows the demand shock more as
 * coupling rises and falls as the target rises; events, the pause and stock-outs are where the
 * truth says; the curve's ROI at the typical spend is 2–5.
 */
import { hill } from '../../src/sample/merchant';
import { generateHardRoom, hardRoomFamily } from '../../src/sample/hard-room';

function corr(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((p, q) => p + q, 0) / n;
  const my = y.reduce((p, q) => p + q, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('hard-room generator', () => {
  it('spend follows the demand shock more as coupling rises', () => {
    const at = (c: number): number => {
      const g = generateHardRoom(11, { coupling: c, events: false, pause: false, stockouts: 0, missing: 0 });
      return corr(g.shock, g.spend.map(Math.log));
    };
    const r = [0, 0.5, 1].map(at);
    expect(Math.abs(r[0]!)).toBeLessThan(0.2);
    expect(r[1]!).toBeGreaterThan(r[0]! + 0.2);
    expect(r[2]!).toBeGreaterThan(r[1]!);
    expect(r[2]!).toBeGreaterThan(0.6);
  });

  it('spend falls as the target rises; target steps are ≤ 10 % and days apart', () => {
    const g = generateHardRoom(5, { coupling: 0, events: false, pause: false, stockouts: 0, missing: 0 });
    const log = g.history.targetLog!;
    expect(log.length).toBeGreaterThan(8);
    for (let i = 1; i < log.length; i++) {
      expect(Math.abs(log[i]!.target / log[i - 1]!.target - 1)).toBeLessThanOrEqual(0.1001);
      const gap = (Date.parse(log[i]!.date) - Date.parse(log[i - 1]!.date)) / 864e5;
      expect(gap).toBeGreaterThanOrEqual(6);
    }
    const byDay = new Map(log.map((e) => [e.date, e.target]));
    let cur = log[0]!.target;
    const lt: number[] = [];
    for (const d of g.history.days) {
      cur = byDay.get(d.date) ?? cur;
      lt.push(Math.log(cur));
    }
    expect(corr(lt, g.history.days.map((d) => Math.log(d.spend)))).toBeLessThan(-0.5);
  });

  it('events, the 春节 pause, stock-outs and missing dates are where the truth says', () => {
    const g = generateHardRoom(3, { startDate: '2025-01-05', days: 330 });
    const names = new Set(g.phases.map((p) => p.name));
    expect(names).toEqual(new Set(['618', '双11']));
    expect(g.history.events!.some((w) => w.name === '春节' && w.phase === 'pause')).toBe(true);
    const peak = g.phases.find((p) => p.name === '双11' && p.phase === 'peak')!;
    expect(peak.organic).toBeCloseTo(2.2, 6);
    const gmvOn = new Map(g.history.days.map((d) => [d.date, d]));
    const kinds = [...g.dayKind.entries()];
    const normalGmv = kinds.filter(([, k]) => k === 'normal').map(([d]) => gmvOn.get(d)?.gmv ?? NaN).filter(Number.isFinite);
    const med = normalGmv.sort((p, q) => p - q)[normalGmv.length >> 1]!;
    for (const [d, k] of kinds) {
      const day = gmvOn.get(d);
      if (!day) continue;
      if (k === 'pause') {
        expect(day.gmv).toBeLessThan(0.1 * med);
        expect(day.spend).toBe(0);
      }
      if (k === 'stockout') expect(day.gmv).toBeLessThan(0.6 * med);
    }
    expect(kinds.filter(([, k]) => k === 'stockout')).toHaveLength(2);
    expect(g.dayKind.size - g.history.days.length).toBe(3);
    // Spend rises into the peak (the platform spends into the event).
    const spendIn = (phase: string): number => {
      const w = g.history.events!.filter((e) => e.name === '双11' && e.phase === phase)[0]!;
      const xs = g.history.days.filter((d) => d.date >= w.first && d.date <= w.last).map((d) => d.spend);
      return xs.reduce((p, q) => p + q, 0) / xs.length;
    };
    expect(spendIn('peak')).toBeGreaterThan(1.5 * spendIn('build'));
  });

  it('family: ROI 2–5 at the typical spend, 120–400 days, both shapes', () => {
    for (const h of hardRoomFamily(20, 1000)) {
      const roi = hill(h.truth.spend0, h.truth.curve) / h.truth.spend0;
      expect(roi).toBeGreaterThanOrEqual(2);
      expect(roi).toBeLessThanOrEqual(5);
      expect(h.truth.days).toBeGreaterThanOrEqual(120);
      expect(h.truth.days).toBeLessThanOrEqual(400);
      expect(h.sStarAt(h.target)).toBeCloseTo(h.sTrue, 4);
    }
    const direct = generateHardRoom(2, { kind: 'direct' });
    expect(direct.history.days.every((d) => d.paidGmv !== null && d.organicGmv !== null)).toBe(true);
    const whole = generateHardRoom(2, { kind: 'whole-room' });
    expect(whole.history.days.filter((d) => d.spend > 0).every((d) => d.paidGmv === null)).toBe(true);
  });
});
