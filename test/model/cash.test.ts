import { addReceivables, addTradeFlows, balances, capitalMetrics, cashflow, type CashTerms } from '../../src/model/plan';
import { buildPlan, type PlanSetup } from '../../src/model/plan';
import { resolveAssumptions } from '../../src/model/economics';

/** v = 0.8 settles per yuan of GMV, k = 0.4 goods cost, no per-order or fixed costs. */
const terms = (L: number, prepay: number): CashTerms => ({
  inflowPerGmv: 0.8,
  cogsRate: 0.4,
  perOrderCost: 0,
  aov: 100,
  fixedCostPerDay: 0,
  settlementDays: L,
  prepayDays: prepay,
  inventoryDays: 0,
  openingCash: 10000,
  cashSpendShare: 1,
  reserve: 0,
});

/** Cumulative incremental flow for constant spend S = 100 and GMV G = 400 for T = 60 days. */
function constantPlanFlows(L: number, prepay: number): Float64Array {
  const t = terms(L, prepay);
  const flows = new Float64Array(60 + L + 1);
  for (let j = 1; j <= 60; j++) addTradeFlows(t, flows, j, 100, 400);
  return flows;
}

describe('cash (MODEL §8), closed form', () => {
  it('constant spend with settlement lag L: peak capital and payback by hand (no prepay)', () => {
    // Each day: out S + k·G = 100 + 160 = 260 on the day, in v·G = 320 after L = 10 days.
    // Cumulative: −260·d for d ≤ 10, then +60 a day. Trough at day 10: peak capital 2600.
    // Payback: −2600 + 60·(d − 10) ≥ 0 ⇒ d − 10 ≥ 43.33 ⇒ day 54.
    const m = capitalMetrics(constantPlanFlows(10, 0));
    expect(m.peakCapital).toBeCloseTo(2600, 9);
    expect(m.troughDay).toBe(10);
    expect(m.paybackDay).toBe(54);
  });

  it('with a one-day ad top-up lead the trough is one spend deeper', () => {
    // Day 1 books its own spend and day 2's: −(d + 1)·100 − 160·d up to day 10 ⇒ −2700.
    // Then +60 a day: −2700 + 60·(d − 10) ≥ 0 ⇒ day 55 (day 60 books no top-up for day 61).
    const m = capitalMetrics(constantPlanFlows(10, 1));
    expect(m.peakCapital).toBeCloseTo(2700, 9);
    expect(m.paybackDay).toBe(55);
  });

  it('looks past the horizon for payback: settlements after the last day count', () => {
    // T = 20, L = 10: cumulative −2600 at day 10, −2000 at day 20, then only inflows of 320 a day:
    // −2000 + 320·(d − 20) ≥ 0 ⇒ d − 20 ≥ 6.25 ⇒ day 27 (inside T + L = 30).
    const t = terms(10, 0);
    const flows = new Float64Array(31);
    for (let j = 1; j <= 20; j++) addTradeFlows(t, flows, j, 100, 400);
    expect(capitalMetrics(flows).paybackDay).toBe(27);
  });

  it('never pays back ⇒ null; nothing tied up ⇒ no peak capital', () => {
    const t = terms(5, 0);
    const flows = new Float64Array(16);
    for (let j = 1; j <= 10; j++) addTradeFlows(t, flows, j, 1000, 400); // spend above what it earns
    expect(capitalMetrics(flows).paybackDay).toBeNull();
    expect(capitalMetrics(new Float64Array(10))).toEqual({ peakCapital: 0, troughDay: null, paybackDay: null });
  });

  it('receivables from the last L history days settle on plan days 1 … L', () => {
    const t = terms(3, 0);
    const flows = new Float64Array(5);
    addReceivables(t, flows, [1000, 100, 200, 300]); // oldest → newest; 1000 is older than L
    // Day −2 (100) settles on day 1, day −1 (200) on day 2, day 0 (300) on day 3.
    expect(Array.from(flows)).toEqual([0, 80, 160, 240, 0]);
    expect(Array.from(balances(t, flows))).toEqual([10000, 10080, 10240, 10480, 10480]);
  });

  it('CASHFLOW runs the model on the user columns', () => {
    // Day 1: −100 − 160; day 2: −100 − 160 + 320 (day 1 settles with L = 1); day 3: +320.
    const t = terms(1, 0);
    expect(cashflow([100, 100], [400, 400], t)).toEqual([9740, 9800, 10120]);
    expect(() => cashflow([100, -1], [1, 1], t)).toThrow(/spend: row 2/);
    expect(() => cashflow([100], [1, 1], t)).toThrow(/same number of rows/);
  });
});

describe('planner on a hand-checkable merchant', () => {
  // Power curve c = 4, b = 1 (every yuan of spend buys 4 of GMV), S* fixed at 100, no organic:
  // the plan spends 100 a day with GMV 400, exactly the closed form above.
  const assumptions = resolveAssumptions(
    { cogs_rate: 0.4, refund_rate: 0, fee_rate: 0.2, aov: 100, cash_available: 10000, settlement_days: 10, prepay_days: 0 },
    { refundRate: null, aov: null },
  );
  const setup: PlanSetup = {
    assumptions,
    curve: { model: 'power', shape: { kind: 'power', c: 4, b: 1 }, n: 5, minSpend: 50, maxSpend: 200, r2: 1, residualSd: 0 },
    unitMargin: 0.4,
    sustainableSpend: 100,
    lambda: 0,
    theta: 0,
    carry0: 0,
    organicLevel: 0,
    weekdayFactors: [1, 1, 1, 1, 1, 1, 1],
    lastDate: '2024-02-27',
    horizon: 60,
    initialSpend: 100,
    restartSpend: 100,
    gmvTail: [],
  };

  it('reproduces peak capital 2600 and payback day 54; profit 0.4·400 − 100 = 60 a day', () => {
    const p = buildPlan(setup);
    expect(p.days.every((d) => d.spend === 100 && d.gmv === 400 && d.limit === 'target')).toBe(true);
    expect(p.kpis.peakCapital).toBeCloseTo(2600, 6);
    expect(p.kpis.paybackDay).toBe(54);
    expect(p.kpis.totalProfit).toBeCloseTo(3600, 6);
    expect(p.kpis.returnOnCapital).toBeCloseTo(3600 / 2600, 9);
    expect(p.returnOnCapitalAnnualised).toBeCloseTo(((3600 / 2600) * 365) / 60, 9);
    expect(p.kpis.minCash).toBeCloseTo(10000 - 2600, 6);
    // Dates follow the last history date, across the leap day.
    expect([p.days[0]!.date, p.days[1]!.date, p.days[2]!.date]).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('holds spend where cash would break the reserve, and says so', () => {
    // Reserve 8000: at most 2000 may be tied up ⇒ a constant spend of S ties up 10·(S + 1.6·S)
    // = 26·S ≤ 2000 ⇒ S ≤ 76.9.
    const tight = { ...setup, assumptions: { ...assumptions, cash_reserve: 8000 } };
    const p = buildPlan(tight);
    expect(p.days[0]!.limit).toBe('cash');
    expect(p.days[0]!.spend).toBeCloseTo(2000 / 26, 3);
    expect(Math.min(...p.days.map((d) => d.cash))).toBeGreaterThanOrEqual(8000 - 1e-6);
    expect(p.notes.some((n) => /Cash limited spend/.test(n['en-US']))).toBe(true);
  });

  it('reports the day cash breaks the reserve even with no paid spend', () => {
    // Fixed cost 500 a day and no organic sales: 10000 − 500·d < 2000 from day 17.
    const broke = { ...setup, assumptions: { ...assumptions, fixed_cost_per_day: 500, cash_reserve: 2000 } };
    const p = buildPlan(broke);
    expect(p.shortfallDay).toBe(17);
    expect(p.notes[0]!['en-US']).toMatch(/from day 17 \(2024-03-15\) even with no paid spend/);
    expect(p.notes[0]!['zh-CN']).toMatch(/第 17 天/);
  });
});
