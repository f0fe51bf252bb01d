import { review } from '../../src/model/review';
import { analyse, planScenario } from '../../src/model/engine';
import type { Scenario } from '../../src/model/settings';
import { generateMerchant, type WorldChange } from '../../src/sample/merchant';
import type { History } from '../../src/model/core';

const D = 90; // plan start: day index 90 of a 118-day merchant (four weeks reviewed)
const DAYS = D + 28;
const SCENARIO: Scenario = { name: 'Base', values: { cogs_rate: 0.3, cash_available: 1_000_000, fee_rate: 0.05, safety_margin: 0.15, ramp_rate: 0.2 } };

/** The plan the merchant made at D (history before D), and the merchant's actual world after D. */
function world(seed: number, change: (planSpend: number[]) => Omit<WorldChange, 'fromDay'>): { history: History; since: string } {
  const base = generateMerchant(seed, { days: DAYS });
  const before = { ...base.history, days: base.history.days.slice(0, D) };
  const plan = planScenario(analyse(before), SCENARIO, 28);
  const spend = plan.report.days.map((d) => d.spend);
  const changed = generateMerchant(seed, { days: DAYS, change: { fromDay: D, ...change(spend) } });
  // Days before D are the same merchant (the generator's promise): the plan is the one made at D.
  expect(changed.history.days.slice(0, D)).toEqual(before.days);
  return { history: changed.history, since: base.history.days[D]!.date };
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function causeHits(change: (s: number[]) => Omit<WorldChange, 'fromDay'>, part: 'gapSpend' | 'gapResponse' | 'gapOrganic'): number {
  let hits = 0;
  for (const seed of SEEDS) {
    const { history, since } = world(seed, change);
    const r = review(history, SCENARIO, since);
    const t = r.total;
    const parts = { gapSpend: t.gapSpend, gapResponse: t.gapResponse, gapOrganic: t.gapOrganic };
    const largest = (Object.keys(parts) as (keyof typeof parts)[]).reduce((a, b) => (Math.abs(parts[b]) > Math.abs(parts[a]) ? b : a));
    if (largest === part && parts[part] < 0) hits++;
  }
  return hits;
}

describe('review on merchants whose world changes after the plan date', () => {
  it('organic drops 25 %: organic off is the largest part, negative, in ≥ 9 of 10 seeds', () => {
    expect(causeHits((s) => ({ spend: s, organicFactor: 0.75 }), 'gapOrganic')).toBeGreaterThanOrEqual(9);
  });
  it('curve level drops 30 %: response off is the largest part, negative, in ≥ 9 of 10 seeds', () => {
    expect(causeHits((s) => ({ spend: s, curveFactor: 0.7 }), 'gapResponse')).toBeGreaterThanOrEqual(9);
  });
  it('the merchant spent 40 % less than planned: spend is the largest part, negative, in ≥ 9 of 10 seeds', () => {
    expect(causeHits((s) => ({ spend: s.map((x) => 0.6 * x) }), 'gapSpend')).toBeGreaterThanOrEqual(9);
  });

  it('an unchanged world: small gap inside the plan’s P10–P90 band, on track', () => {
    let onTrack = 0;
    for (const seed of SEEDS) {
      const { history, since } = world(seed, (s) => ({ spend: s }));
      const r = review(history, SCENARIO, since);
      expect(r.total.actualGmv).toBeGreaterThanOrEqual(r.total.plannedGmvP10);
      expect(r.total.actualGmv).toBeLessThanOrEqual(r.total.plannedGmvP90);
      expect(Math.abs(r.total.actualGmv - r.total.plannedGmv) / r.total.plannedGmv).toBeLessThan(0.08);
      if (r.verdict.status === 'on-track') onTrack++;
    }
    expect(onTrack).toBeGreaterThanOrEqual(9);
  });

  it('verdicts name the cause of a changed world', () => {
    const organic = world(3, (s) => ({ spend: s, organicFactor: 0.75 }));
    const r1 = review(organic.history, SCENARIO, organic.since);
    expect(r1.verdict).toMatchObject({ status: 're-plan', cause: 'organic' });
    const lazy = world(3, (s) => ({ spend: s.map((x) => 0.6 * x) }));
    const r2 = review(lazy.history, SCENARIO, lazy.since);
    expect(r2.verdict).toMatchObject({ status: 're-plan', cause: 'spend' });
    expect(r2.verdict.message['zh-CN']).toMatch(/重新规划/);
    const curve = world(3, (s) => ({ spend: s, curveFactor: 0.7 }));
    const r3 = review(curve.history, SCENARIO, curve.since);
    expect(r3.verdict).toMatchObject({ status: 're-plan', cause: 'response' });
    // The refit learns the weaker curve: less paid GMV at the old sustainable spend.
    const c = r3.changes.find((x) => x.key === 'paid_gmv_at_old_spend')!;
    expect(c.after).toBeLessThan(c.before);
  });
});

describe('review arithmetic', () => {
  it('gap parts add up to actual − planned GMV for every day, week and the total (1e-6 relative)', () => {
    const { history, since } = world(7, (s) => ({ spend: s.map((x, i) => x * (i % 3 === 0 ? 0.5 : 1.2)), organicFactor: 0.9, curveFactor: 1.1 }));
    const r = review(history, SCENARIO, since);
    expect(r.days).toHaveLength(28);
    expect(r.weeks).toHaveLength(4);
    for (const p of [...r.days, ...r.weeks, r.total]) {
      const gap = p.actualGmv - p.plannedGmv;
      expect(Math.abs(p.gapSpend + p.gapResponse + p.gapOrganic - gap)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(p.actualGmv), Math.abs(p.plannedGmv)));
    }
    const sum = r.weeks.reduce((t, w) => t + w.actualGmv, 0);
    expect(sum).toBeCloseTo(r.total.actualGmv, 6);
    expect(r.weeks[0]!.start).toBe(since);
    expect(r.total.plannedCash).toBe(r.plan.report.days[27]!.cash);
  });

  it('planned numbers are the plan made at the start (same as planning the history before it)', () => {
    const { history, since } = world(2, (s) => ({ spend: s }));
    const r = review(history, SCENARIO, since);
    const direct = planScenario(analyse({ ...history, days: history.days.filter((d) => d.date < since) }), SCENARIO, 90);
    expect(r.days.map((d) => d.plannedSpend)).toEqual(direct.report.days.slice(0, 28).map((d) => d.spend));
    expect(r.replan!.setup.lastDate).toBe(history.days[history.days.length - 1]!.date);
  });

  it('a plan start outside the history is an input error naming plan_start, in both languages', () => {
    const { history } = generateMerchant(1);
    expect(() => review(history, SCENARIO, '2000-01-01')).toThrow(/plan_start/);
    expect(() => review(history, SCENARIO, '2099-01-01')).toThrow(/nothing to review/);
  });
});
