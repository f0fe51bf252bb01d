import { classify, DEFAULT_TIER_THRESHOLDS, peakCapitalOf } from '../../src/portfolio/tiers';
import { CTX, report, scenario, type ScenarioOver } from './fixtures';

function tierOf(o: ScenarioOver, ctx = CTX) {
  const s = scenario(o);
  return classify(report([s]), s, ctx);
}

describe('tiering of a ready merchant', () => {
  it('is scale with headroom, profit and capital that fits, and says so with the numbers', () => {
    const v = tierOf({});
    expect(v).toMatchObject({ status: 'ok', tier: 'scale' });
    expect(v.reason['en-US']).toContain('¥1,500/day');
    expect(v.reason['en-US']).toContain('¥35,000 of ¥90,000 free');
    expect(v.reason['zh-CN']).toContain('可放量');
  });

  it('documents its thresholds', () => {
    expect(DEFAULT_TIER_THRESHOLDS).toEqual({ minHeadroom: 0.25, maxCashBoundShare: 0.1, maxPCashShort: 0.05, maxPLoss: 0.2 });
  });

  it('is cut back when paid traffic cannot pay (S* = 0) but the merchant spends now; steady when not spending', () => {
    const v = tierOf({ kpis: { sustainableSpend: 0 } });
    expect(v.tier).toBe('cut-back');
    expect(v.reason['en-US']).toMatch(/No profitable paid spend.*2\.75/u);
    expect(tierOf({ kpis: { sustainableSpend: 0 } }, { ...CTX, currentSpend: 0 }).tier).toBe('steady');
  });

  it('needs S* ≥ 1.25 × current spend: 1250 passes, 1249 does not', () => {
    expect(tierOf({ kpis: { sustainableSpend: 1250 } }).tier).toBe('scale');
    const v = tierOf({ kpis: { sustainableSpend: 1249 } });
    expect(v.tier).toBe('steady');
    expect(v.reason['en-US']).toContain('Little headroom');
  });

  it('says over-spending when S* is below current spend', () => {
    const v = tierOf({ kpis: { sustainableSpend: 270 } });
    // Told to cut spend by 73 %: never "steady" (issue 14).
    expect(v.tier).toBe('cut-back');
    expect(v.reason['en-US']).toBe("Over-spending: cut the daily budget from the last 7 days' ¥1,000/day down to ¥270/day (−73%), to the sustainable level.");
    expect(v.reason['zh-CN']).toContain('降到 ¥270/天（−73%）');
    expect(tierOf({ kpis: { sustainableSpend: 999 } }).tier).toBe('cut-back');
    expect(tierOf({ kpis: { sustainableSpend: 1000 } }).reason['en-US']).toContain('Little headroom');
  });

  it('counts any S* > 0 as headroom for a merchant not paying for traffic yet', () => {
    const v = tierOf({ kpis: { sustainableSpend: 300 } }, { ...CTX, currentSpend: 0 });
    expect(v.tier).toBe('scale');
    expect(v.reason['en-US']).toContain('no paid spend now');
  });

  it('is capital-bound when the P90 peak capital exceeds cash above the reserve (boundary inclusive)', () => {
    expect(tierOf({ risk: { peakCapitalP90: 90_000 } }).tier).toBe('scale');
    const v = tierOf({ risk: { peakCapitalP90: 90_001 } });
    expect(v.tier).toBe('steady');
    expect(v.reason['en-US']).toContain('Capital-bound');
    expect(v.reason['en-US']).toContain('¥90,001');
  });

  it('uses the plan peak capital when it is above the P90, and when risk was not simulated', () => {
    const s = scenario({ kpis: { peakCapital: 50_000 }, risk: { peakCapitalP90: 40_000 } });
    expect(peakCapitalOf(s)).toBe(50_000);
    expect(peakCapitalOf(scenario({ kpis: { peakCapital: 50_000 }, risk: null }))).toBe(50_000);
    expect(tierOf({ kpis: { peakCapital: 95_000 }, risk: null }).tier).toBe('steady');
  });

  it('is capital-bound when cash limits spend on more than 10% of plan days (9/90 fits, 10/90 does not)', () => {
    expect(tierOf({ cashDays: 9 }).tier).toBe('scale');
    const v = tierOf({ cashDays: 10 });
    expect(v.tier).toBe('steady');
    expect(v.reason['en-US']).toContain('10 of 90 plan days');
  });

  it('is capital-bound when P(cash short) > 5%', () => {
    expect(tierOf({ risk: { pCashShort: 0.05 } }).tier).toBe('scale');
    expect(tierOf({ risk: { pCashShort: 0.06 } }).reason['en-US']).toContain('6% chance cash falls below the reserve');
  });

  it('is cut back when the plan does not beat break-even ROI (equal passes)', () => {
    expect(tierOf({ kpis: { incrementalRoi: 2.75 } }).tier).toBe('scale');
    const v = tierOf({ kpis: { incrementalRoi: 2.7 } });
    expect(v.tier).toBe('cut-back');
    expect(v.reason['en-US']).toContain('incremental ROI 2.70 is below break-even 2.75');
  });

  it('is steady when the plan spends nothing', () => {
    expect(tierOf({ kpis: { totalSpend: 0, incrementalRoi: null } }).reason['en-US']).toContain('spends nothing');
  });

  it('is steady when P(loss) > 20% (20% passes); without risk the check is skipped', () => {
    expect(tierOf({ risk: { pLoss: 0.2 } }).tier).toBe('scale');
    expect(tierOf({ risk: { pLoss: 0.21 } }).reason['en-US']).toContain('Too risky');
    expect(tierOf({ risk: null }).tier).toBe('scale');
  });

  it('reports capital before profitability when both fail', () => {
    expect(tierOf({ cashDays: 50, kpis: { incrementalRoi: 1 } }).reason['en-US']).toContain('Capital-bound');
  });
});

describe('tiering of a merchant that is not ready', () => {
  it('is organic-first with the first reason and how many more', () => {
    const s = scenario();
    const v = classify(report([s], false, 3), s, CTX);
    expect(v).toMatchObject({ status: 'not_ready', tier: 'organic-first' });
    expect(v.reason['en-US']).toBe('Organic first: reason 1 (+2 more)');
    expect(v.reason['zh-CN']).toBe('先做自然流：原因 1（另有 2 项）');
  });

  it('does not count a single reason as more', () => {
    const s = scenario();
    expect(classify(report([s], false, 1), s, CTX).reason['en-US']).toBe('Organic first: reason 1');
  });
});
