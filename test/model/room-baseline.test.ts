/**
 * A 全域 export without views (the 千川全域 抖音号 daily shape): conversion is unknown, not zero;
 * readiness judges orders per day and the stability of daily organic GMV instead; the baseline
 * trend is the room fit's organic growth, not the proportional split's (which follows spend);
 * the Conservative preset's lift_lambda 0 raises no whole-room warning.
 */
import { computeBaseline, type BaselineMetrics } from '../../src/model/fit';
import { analyse, baselineOf, buildPlanReport, planScenario } from '../../src/model/engine';
import type { History } from '../../src/model/core';
import { assessReadiness, MAX_ORGANIC_GMV_CV, type ReadinessThresholds } from '../../src/model/readiness';
import { fitRoom } from '../../src/model/fit';
import { DEFAULT_PRESETS } from '../../src/model/economics';
import { generateRoomMerchant } from '../../src/sample/room-merchant';
import { SAMPLE_BASE } from '../../src/sample/workbook';

const withoutViews = (h: History): History => ({ ...h, days: h.days.map((d) => ({ ...d, views: null, organicViews: null })) });

/** Organic-only days with a given daily GMV sequence and no views. */
function organicDays(gmvs: number[]): History {
  return {
    days: gmvs.map((g, i) => ({
      date: `2024-03-${String(i + 1).padStart(2, '0')}`,
      views: null,
      organicViews: null,
      gmv: g,
      orders: g / 100,
      organicGmv: g,
      organicOrders: g / 100,
      paidGmv: 0,
      paidOrders: 0,
      spend: 0,
      refundAmount: null,
    })),
  } as unknown as History;
}

const T: ReadinessThresholds = { minDays: 7, maxCvrCv: 0.35, maxRefundRate: 0.5, minOrdersPerDay: 3 };

describe('no views: conversion unknown, readiness on organic GMV stability', () => {
  it('cvr, gpm and cvrCv are null (not 0); organic GMV variation is measured by hand', () => {
    const m = computeBaseline(organicDays([1000, 1200, 800, 1000]));
    expect(m.cvr).toBeNull();
    expect(m.gpm).toBeNull();
    expect(m.cvrCv).toBeNull();
    // Trend of (0,1000) (1,1200) (2,800) (3,1000): Sxy −200 / Sxx 5 = −40 per day, / mean 1000.
    expect(m.trend).toBeCloseTo(-0.04, 12);
    // Detrended: g / (1 − 0.04·(i − 1.5)) = 1000/1.06, 1200/1.02, 800/0.98, 1000/0.94.
    const adj = [1000 / 1.06, 1200 / 1.02, 800 / 0.98, 1000 / 0.94];
    const mean = adj.reduce((s, x) => s + x, 0) / 4;
    const sd = Math.sqrt(adj.reduce((s, x) => s + (x - mean) ** 2, 0) / 3);
    expect(m.organicGmvCv).toBeCloseTo(sd / mean, 12);
  });

  it('a steady room is ready and says conversion is unknown; a jumpy one is not ready', () => {
    const steady = computeBaseline(organicDays([1000, 1050, 980, 1020, 990, 1010, 1000, 1030]));
    const r = assessReadiness(steady, T, null, 0.3);
    expect(r.ready).toBe(true);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]!['zh-CN']).toMatch(/没有观看数.*转化率.*未知/u);
    expect(r.notes[0]!['en-US']).toMatch(/No views.*unknown/u);

    const jumpy = computeBaseline(organicDays([300, 2500, 400, 2200, 350, 2600, 500, 2000]));
    expect(jumpy.organicGmvCv).toBeGreaterThan(MAX_ORGANIC_GMV_CV);
    const j = assessReadiness(jumpy, T, null, 0.3);
    expect(j.ready).toBe(false);
    expect(j.reasons[0]!['zh-CN']).toMatch(/自然成交不稳定/u);
  });

  it('with views, readiness is unchanged: CVR variation is checked and no note is added', () => {
    const m: BaselineMetrics = { ...computeBaseline(organicDays([1000, 1000, 1000, 1000, 1000, 1000, 1000])), cvr: 0.01, gpm: 1000, cvrCv: 0.5 };
    const r = assessReadiness(m, T, null, 0.3);
    expect(r.notes).toEqual([]);
    expect(r.reasons[0]!['en-US']).toMatch(/Organic conversion is unstable/u);
  });

  it('the Monte Carlo organic noise falls back on organic GMV variation, not a silent 0', () => {
    const { history } = generateRoomMerchant(3, { preAdDays: 14, days: 90 });
    const a = analyse(withoutViews(history));
    const p = planScenario(a, { name: 'Base', values: SAMPLE_BASE });
    expect(a.baseline.cvrCv).toBeNull();
    expect(p.uncertainty.organicSd).toBeCloseTo(Math.max(0.05, a.baseline.organicGmvCv / Math.sqrt(a.baseline.days)), 12);
    expect(Number.isFinite(p.uncertainty.organicSd)).toBe(true);
  });
});

describe('whole-room baseline follows the fit', () => {
  it('trend is the fitted organic growth even when spend rises (the split would follow spend)', () => {
    let checked = 0;
    for (const seed of [1, 2, 3]) {
      const { history } = generateRoomMerchant(seed, { preAdDays: 14, days: 90, growth: 0 });
      const h = withoutViews(history);
      const room = fitRoom(h);
      if (!room.identified) continue;
      const b = baselineOf(h, 28);
      expect(b.trend).toBeCloseTo(Math.expm1(room.organic.growth), 12);
      expect(Math.abs(b.trend)).toBeLessThan(0.005);
      expect(b.cvr).toBeNull();
      expect(Number.isFinite(b.organicGmvCv)).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the Conservative preset (lift_lambda 0) raises no lift warning; a non-zero override does', () => {
    const { history } = generateRoomMerchant(5, { preAdDays: 14, days: 90 });
    const cons = DEFAULT_PRESETS.find((s) => s.name === 'Conservative')!;
    const report = buildPlanReport({
      history,
      scenarios: [
        { name: 'Conservative', values: { ...SAMPLE_BASE, ...cons.values } },
        { name: 'Override', values: { ...SAMPLE_BASE, lift_lambda: 0.4 } },
      ],
      runs: 0,
    });
    const said = (i: number): boolean => report.scenarios[i]!.notes.some((n) => n['en-US'].includes('lift_lambda'));
    expect(said(0)).toBe(false);
    expect(said(1)).toBe(true);
  });
});
