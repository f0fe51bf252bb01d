/** Back-test and review on whole-room (全域) accounts: no paid split, the room fit's model (MODEL §11, §13). */
import { backtest } from '../../src/model/review';
import { analyse, planScenario } from '../../src/model/engine';
import { isAdplanError } from '../../src/model/core';
import type { History } from '../../src/model/core';
import { review } from '../../src/model/review';
import type { WorldChange } from '../../src/sample/merchant';
import { generateRoomMerchant } from '../../src/sample/room-merchant';

const D = 90;
const N = D + 28;
const S = { name: 'Base', values: { cogs_rate: 0.3, cash_available: 1_000_000, fee_rate: 0.05 } };

interface Usable {
  seed: number;
  since: string;
  planSpend: number[];
  world: (c: Omit<WorldChange, 'fromDay'>) => History;
}

/** Seeds whose whole-room fit is identified at D (the others refuse to plan without an assumed curve, by design). */
const usable: Usable[] = [];
for (let seed = 1; seed <= 12; seed++) {
  const base = generateRoomMerchant(seed, { days: N });
  const before = { ...base.history, days: base.history.days.slice(0, D) };
  try {
    const plan = planScenario(analyse(before), S, 28);
    if (plan.setup.sustainableSpend <= 0) continue;
    usable.push({
      seed,
      since: base.history.days[D]!.date,
      planSpend: plan.report.days.map((d) => d.spend),
      world: (c) => generateRoomMerchant(seed, { days: N, change: { fromDay: D, ...c } }).history,
    });
  } catch (e) {
    if (!isAdplanError(e)) throw e;
  }
}

it('enough seeded whole-room merchants have an identified fit to test on', () => {
  expect(usable.length).toBeGreaterThanOrEqual(5);
});

describe('whole-room back-test', () => {
  it('tests every origin whose earlier days identify the room fit, and mostly beats the 整体ROI × spend rule', () => {
    let beats = 0;
    for (const u of usable) {
      const b = backtest(generateRoomMerchant(u.seed, { days: D }).history, S);
      expect(b.origins.length).toBeGreaterThanOrEqual(1);
      expect(b.paidMape).toBeNull();
      expect(b.mape!).toBeLessThan(0.2);
      if (b.mape! < b.naiveMape!) beats++;
    }
    expect(beats).toBeGreaterThanOrEqual(Math.ceil(0.8 * usable.length));
  });
});

describe('whole-room review', () => {
  it('the gap parts add up exactly and the split says it is estimated', () => {
    for (const u of usable) {
      const r = review(u.world({ spend: u.planSpend.map((x, i) => x * (i % 3 ? 1.3 : 0.5)), organicFactor: 0.9 }), S, u.since);
      expect(r.split).toBe('estimated');
      expect(r.splitIdentified).toBe(true);
      for (const p of [...r.days, ...r.weeks, r.total]) {
        expect(Math.abs(p.gapSpend + p.gapResponse + p.gapOrganic - (p.actualGmv - p.plannedGmv))).toBeLessThanOrEqual(1e-6 * Math.max(1, p.actualGmv));
      }
    }
  });

  it('spend as planned: the spend part is zero; steady spend leaves response vs organic unidentified (said so)', () => {
    for (const u of usable) {
      const r = review(u.world({ spend: u.planSpend }), S, u.since);
      expect(Math.abs(r.total.gapSpend)).toBeLessThanOrEqual(1e-6 * r.total.plannedGmv);
      expect(r.splitIdentified).toBe(false);
      expect(r.notes.some((n) => /barely varied/.test(n['en-US']))).toBe(true);
    }
  });

  it('where the model holds (unchanged world on track), 40 % less spend is named: spend part largest and negative', () => {
    const holds = usable.filter((u) => review(u.world({ spend: u.planSpend }), S, u.since).verdict.status === 'on-track');
    expect(holds.length).toBeGreaterThanOrEqual(4);
    for (const u of holds) {
      const r = review(u.world({ spend: u.planSpend.map((x) => 0.6 * x) }), S, u.since);
      expect([u.seed, r.verdict.largest]).toEqual([u.seed, 'spend']);
      expect(r.total.gapSpend).toBeLessThan(0);
      expect(r.verdict.status).toBe('re-plan');
    }
  });

  it('organic drops 25 % with steady spend: re-plan, response-or-organic, the unforeseen part negative', () => {
    for (const u of usable) {
      const r = review(u.world({ spend: u.planSpend, organicFactor: 0.75 }), S, u.since);
      expect([u.seed, r.verdict.status]).toEqual([u.seed, 're-plan']);
      expect(r.verdict.cause).toBe('response-or-organic');
      expect(r.total.gapResponse + r.total.gapOrganic).toBeLessThan(0);
      expect(r.verdict.message['zh-CN']).toMatch(/无法区分/);
    }
  });

  it('organic drops 25 % while the budget varies: organic is the larger unforeseen part, negative, in ≥ 80 % of seeds', () => {
    let hits = 0;
    for (const u of usable) {
      const r = review(u.world({ spend: u.planSpend.map((x, i) => x * (i % 2 ? 0.4 : 1.6)), organicFactor: 0.75 }), S, u.since);
      expect(r.splitIdentified).toBe(true);
      if (r.total.gapOrganic < 0 && Math.abs(r.total.gapOrganic) > Math.abs(r.total.gapResponse)) hits++;
    }
    expect(hits).toBeGreaterThanOrEqual(Math.ceil(0.8 * usable.length));
  });

  it('a refit the new days no longer identify is said in a note; the review still stands', () => {
    const reviews = usable.map((u) => review(u.world({ spend: u.planSpend, organicFactor: 0.75 }), S, u.since));
    for (const r of reviews.filter((x) => x.replan === null)) {
      expect(r.changes).toEqual([]);
      expect(r.notes.some((n) => /refit on the whole history could not plan/.test(n['en-US']))).toBe(true);
    }
  });
});
