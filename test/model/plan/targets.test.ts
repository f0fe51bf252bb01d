/**
 * The target table (docs/model.md "The target table"): the platform's spend rises as the target
 * falls (property), P(成本保障) and the expected 赠款 match a direct simulation of the same room,
 * 净成交/支付 conversions are exact on worked examples, the ramp keeps to the edit rules, and the
 * recommended row is the one its rule names.
 */
import fc from 'fast-check';
import { cashTermsOf, scheduleProblems, targetRamp, targetTable, COST_GUARANTEE_MIN_ORDERS, COST_GUARANTEE_SHARE, PLATFORM_FORESIGHT, roundBudget, type TargetInputs } from '../../../src/model/plan';
import { historySettlement, netFromPay, payFromNet, spendForRoomRoi } from '../../../src/model/economics';
import { responseOf, type CurveShape } from '../../../src/model/transforms';
import { Rng } from '../../../src/model/numeric';
import type { DayRecord, History } from '../../../src/model/core';
import { resolveAssumptions } from '../../../src/model/economics';

const SHAPE: CurveShape = { kind: 'hill', gmax: 30000, k: 4000, a: 1 };
const CASH = cashTermsOf(resolveAssumptions({ cogs_rate: 0.4, cash_available: 100000, refund_rate: 0.2, aov: 150 }, { refundRate: null, aov: null }));

function inputs(o: Partial<TargetInputs> = {}): TargetInputs {
  return {
    shape: SHAPE,
    scope: 'room',
    unitMargin: 0.3,
    aov: 150,
    settlement: { rate: 0.9, source: 'net_gmv' },
    organicBase: new Float64Array(28).map((_, t) => 10000 * [1.1, 0.95, 0.9, 0.95, 1, 1.02, 1.08][t % 7]!),
    firstDate: '2026-07-01',
    dailySd: 0.2,
    curveSd: 0.15,
    breakEvenPay: 4,
    sustainablePay: 6,
    extrapolationCap: Infinity,
    spendHint: 8000,
    cash: CASH,
    gmvTail: [],
    mode: 'cost',
    rule: 'profit',
    suggestedNet: null,
    current: null,
    volumeBudget: 3000,
    ...o,
  };
}

describe('净成交 ↔ 支付 conversions (worked examples)', () => {
  it('the platform example: 支付 3 at a 90 % settlement rate is 净成交 2.7, and back', () => {
    expect(netFromPay(3, 0.9)).toBeCloseTo(2.7, 12);
    expect(payFromNet(2.7, 0.9)).toBeCloseTo(3, 12);
  });

  const day = (i: number, gmv: number, net: number | null, r1h: number | null = null): DayRecord => ({
    date: `2026-05-${String(i + 1).padStart(2, '0')}`, views: null, organicViews: null, paidViews: null, orders: 10, gmv, refundAmount: null, spend: 100, paidGmv: null, paidOrders: null, organicGmv: null, organicOrders: null, buyers: null, impressions: null, clicks: null, netGmv: net, refund1hRate: r1h,
  });

  it('the rate is Σ 净成交金额 / Σ 整体成交金额 over the last 30 days only', () => {
    // 5 old days at 50 %, then 30 days at 900/1000: only the last 30 count.
    const days = [...Array.from({ length: 5 }, (_, i) => day(i, 1000, 500)), ...Array.from({ length: 30 }, (_, i) => day(i, 1000, 900))];
    const h: History = { days, viewsMeasure: 'unknown' };
    expect(historySettlement(h)).toEqual({ rate: 0.9, source: 'net_gmv' });
  });

  it('without 净成交金额: 1 − the GMV-weighted 1-hour refund rate', () => {
    const h: History = { days: [day(0, 1000, null, 0.1), day(1, 3000, null, 0.02)], viewsMeasure: 'unknown' };
    // (1000·0.9 + 3000·0.98) / 4000 = 0.96
    expect(historySettlement(h)!.rate).toBeCloseTo(0.96, 12);
    expect(historySettlement(h)!.source).toBe('refund_1h');
  });

  it('every row: 支付 = 净成交 ÷ rate', () => {
    const t = targetTable(inputs());
    for (const r of t.rows) expect(r.targetPay).toBeCloseTo(r.targetNet / 0.9, 12);
    expect(t.breakEvenNet).toBeCloseTo(3.6, 12);
  });
});

describe('the grid', () => {
  it('starts at the 保本线 (net), rises in steps of at most 10 %, and holds the sustainable target', () => {
    const t = targetTable(inputs());
    expect(t.rows[0]!.kind).toBe('break-even');
    expect(t.rows[0]!.targetNet).toBeCloseTo(3.6, 12);
    for (let i = 1; i < t.rows.length; i++) expect(t.rows[i]!.targetNet / t.rows[i - 1]!.targetNet).toBeLessThanOrEqual(1.1 + 1e-9);
    expect(t.rows.find((r) => r.kind === 'sustainable')!.targetNet).toBeCloseTo(5.4, 12);
  });

  it('property: expected spend rises as the target falls (mean, P10, P50, P90)', () => {
    fc.assert(
      fc.property(
        fc.record({
          gmax: fc.double({ min: 5000, max: 100000, noNaN: true }),
          k: fc.double({ min: 500, max: 20000, noNaN: true }),
          a: fc.double({ min: 0.5, max: 1.4, noNaN: true }),
          organic: fc.double({ min: 0, max: 50000, noNaN: true }),
          sd: fc.double({ min: 0.02, max: 0.6, noNaN: true }),
          be: fc.double({ min: 1.2, max: 8, noNaN: true }),
        }),
        (p) => {
          const t = targetTable(inputs({ shape: { kind: 'hill', gmax: p.gmax, k: p.k, a: p.a }, organicBase: new Float64Array(14).fill(p.organic), dailySd: p.sd, breakEvenPay: p.be, sustainablePay: null, spendHint: p.k }));
          for (let i = 1; i < t.rows.length; i++) {
            const lo = t.rows[i - 1]!;
            const hi = t.rows[i]!;
            expect(hi.targetNet).toBeGreaterThan(lo.targetNet);
            for (const key of ['spendMean', 'spendP10', 'spendP50', 'spendP90'] as const) expect(hi[key]).toBeLessThanOrEqual(lo[key] * (1 + 1e-9) + 1e-9);
          }
        },
      ),
      { numRuns: 40, seed: 22 },
    );
  });

  it('budget cap under 控成本: P90 × 1.3 rounded up (¥100 from ¥1,000); 放量 spends the budget', () => {
    expect([roundBudget(1234), roundBudget(999.1), roundBudget(0)]).toEqual([1300, 1000, 0]);
    const t = targetTable(inputs());
    for (const r of t.rows) expect(r.budgetCap).toBe(roundBudget(1.3 * r.spendP90));
    expect(t.budget).toBe(t.rows[t.recommended!]!.budgetCap);
    expect(targetTable(inputs({ mode: 'volume' })).budget).toBe(3000);
  });
});

describe('成本保障: the table against a direct simulation of the same room', () => {
  // A noisy room with few orders: the guarantee triggers often enough to measure.
  const inp = inputs({ dailySd: 0.6, curveSd: 0.2, aov: 600, organicBase: new Float64Array(7).fill(2000), breakEvenPay: 2.5, sustainablePay: null });
  const table = targetTable(inp);

  it.each([0, 3, 6])('row %i: P(a day triggers) and expected 赠款 per day within Monte Carlo error', (i) => {
    const row = table.rows[i]!;
    const rng = new Rng(7 + i);
    const sSeen = 0.6 * Math.sqrt(PLATFORM_FORESIGHT);
    const sSur = 0.6 * Math.sqrt(1 - PLATFORM_FORESIGHT);
    const N = 20000;
    let hits = 0;
    let paid = 0;
    for (let n = 0; n < N; n++) {
      const c = Math.exp(0.2 * rng.normal());
      const eps = Math.exp(sSeen * rng.normal());
      const eta = Math.exp(sSur * rng.normal());
      const x = row.targetPay / eps;
      let s = spendForRoomRoi(x, SHAPE, { organic: 2000, gpFactor: c, scope: 'room' }, 4000);
      if (!(s > 0)) continue;
      s = Math.min(s, row.budgetCap);
      const expected = eps * (2000 + c * responseOf(s, SHAPE));
      const roomGmv = eta * expected;
      const achievedNet = (roomGmv * inp.settlement.rate) / s;
      const netOrders = (roomGmv * inp.settlement.rate) / inp.aov;
      if (achievedNet < COST_GUARANTEE_SHARE * row.targetNet && netOrders >= COST_GUARANTEE_MIN_ORDERS) {
        hits++;
        paid += s - (roomGmv * inp.settlement.rate) / row.targetNet;
      }
    }
    const p = hits / N;
    const se = Math.sqrt((p * (1 - p)) / N);
    expect(p).toBeGreaterThan(0.01);
    // Strata (7 × 15) stand in for the continuous draws: allow 4 SE plus 10 % of p.
    expect(Math.abs(row.pCostGuarantee - p)).toBeLessThan(4 * se + 0.1 * p);
    const perDay = row.grants / table.horizon;
    expect(Math.abs(perDay - paid / N)).toBeLessThan(0.15 * (paid / N) + 1);
  });

  it('a target the room meets with many orders and little noise almost never triggers', () => {
    const quiet = targetTable(inputs({ dailySd: 0.05 }));
    for (const r of quiet.rows) expect(r.pCostGuarantee).toBeLessThan(1e-6);
  });
});

describe('the recommendation', () => {
  it('target_rule profit: the highest P50 incremental profit among rows whose P10 ≥ 0', () => {
    const t = targetTable(inputs());
    const ok = t.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.profitP10 >= 0 && r.spendMean > 0);
    expect(ok.length).toBeGreaterThan(0);
    const best = ok.reduce((a, b) => (b.r.profitP50 > a.r.profitP50 ? b : a));
    expect(t.recommended).toBe(best.i);
    expect(t.ruleText['en-US']).toMatch(/target_rule = profit/u);
  });

  it('target_rule sustainable: the row at the sustainable spend', () => {
    const t = targetTable(inputs({ rule: 'sustainable' }));
    expect(t.rows[t.recommended!]!.kind).toBe('sustainable');
  });

  it('no row passes when the ads cannot pay: no recommendation, said plainly', () => {
    const t = targetTable(inputs({ unitMargin: 0.02, breakEvenPay: null, sustainablePay: null }));
    expect(t.recommended).toBeNull();
    expect(t.days).toEqual([]);
    expect(t.ruleText['en-US']).toMatch(/No target passes the rule/u);
  });

  it('warns when the net target is above 1.1× the platform suggestion', () => {
    const t = targetTable(inputs());
    const rec = t.rows[t.recommended!]!.targetNet;
    expect(targetTable(inputs({ suggestedNet: rec / 1.2 })).warnings.some((w) => /1\.1×/u.test(w['en-US']))).toBe(true);
    expect(targetTable(inputs({ suggestedNet: rec })).warnings.some((w) => /1\.1×/u.test(w['en-US']))).toBe(false);
  });
});

describe('the ramp of target steps', () => {
  it('property: each step ≤ 10 %, one change a day, ≥ 3 days apart, ends at the goal', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 20, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }), (from, goal0) => {
        const goal = Math.round(goal0 * 100) / 100;
        const steps = targetRamp(from, goal, '2026-07-01');
        expect(scheduleProblems(steps, from)).toEqual([]);
        if (Math.abs(from - goal) >= 0.005) expect(steps[steps.length - 1]!.target).toBeCloseTo(goal, 9);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('the schedule checker names each broken rule', () => {
    const bad = scheduleProblems(
      [
        { date: '2026-07-01', target: 3 },
        { date: '2026-07-01', target: 2.9 },
        { date: '2026-07-02', target: 2.4 },
      ],
      3.1,
    );
    expect(bad.map((t) => t['en-US'])).toEqual([
      expect.stringMatching(/more than one target change on one day/u),
      expect.stringMatching(/changed 1 day\(s\) after the previous step/u),
      expect.stringMatching(/2\.90 → 2\.40 changes the target by 17 %/u),
    ]);
  });

  it('the recommended target is reached from the target in force, and the plan days follow it', () => {
    const t0 = targetTable(inputs());
    const goal = t0.rows[t0.recommended!]!.targetNet;
    const t = targetTable(inputs({ current: { target: goal * 1.5, source: 'log' } }));
    expect(t.steps.length).toBeGreaterThan(3);
    expect(t.days[0]!.target).toBe(t.steps[0]!.target);
    expect(t.days[t.days.length - 1]!.target).toBe(goal);
    // A higher target on the first days: the platform spends less there.
    expect(t.days[0]!.spendMean).toBeLessThan(t.days[t.days.length - 1]!.spendMean);
    expect(t.warnings).toEqual([]);
  });
});
