/**
 * A cut is said as a cut: the move from the last 7 days' spend to the plan's budget, in one
 * wording (src/model/action.ts) that the CLI's action line, the pane's card and the portfolio's
 * tier reason all use.
 */
import { actionText, budgetMove, budgetMoveText } from '../../src/model/plan';
import type { PlanDay, ScenarioReport } from '../../src/model/report';
import { classify } from '../../src/portfolio/tiers';
import type { PlanReport } from '../../src/model/report';

function scenario(recent: number, budget: number, basis: 'direct' | 'whole-room' = 'direct'): ScenarioReport {
  const day = (spend: number): PlanDay => ({ date: '2026-06-01', spend, paidGmv: 0, organicGmv: 0, gmv: 0, orders: 0, profit: 0, cash: 0, roi: null, marginalRoi: null, limit: 'target', roiTarget: null });
  return {
    name: 'Base',
    economics: { unitMargin: 0.25, breakEvenRoi: 4, targetMarginalRoi: 4.6, breakEvenRoiNet: 4, roomBreakEvenRoi: 6.857, targets: { roomRoi: basis === 'whole-room' ? 8 : null, roomRoiNet: null, dailyBudget: budget } },
    kpis: { totalSpend: 0, totalGmv: 0, totalProfit: 0, roi: null, incrementalRoi: 5, peakCapital: 0, minCash: 0, paybackDay: null, returnOnCapital: null, sustainableSpend: budget },
    days: [day(budget), day(budget)],
    notes: [],
    curveBasis: basis,
    recentSpend: recent,
  };
}

describe('budgetMove', () => {
  it('a cut: from the last 7 days’ level down to the budget, with its size', () => {
    const m = budgetMove(80_000, 40_000);
    expect(m).toEqual({ from: 80_000, to: 40_000, change: -0.5, kind: 'cut' });
    expect(budgetMoveText(m!)['zh-CN']).toBe('从近 7 天的 ¥8.0万/天 降到 ¥4.0万/天（−50%）');
    expect(budgetMoveText(m!)['en-US']).toBe("from the last 7 days' ¥80,000/day down to ¥40,000/day (−50%)");
  });

  it('a raise, a hold within 5 %, and no move without recent spend', () => {
    expect(budgetMoveText(budgetMove(2_000, 3_000)!)['zh-CN']).toBe('从近 7 天的 ¥2,000/天 升到 ¥3,000/天（+50%）');
    expect(budgetMove(10_000, 10_300)?.kind).toBe('hold');
    expect(budgetMoveText(budgetMove(10_000, 10_300)!)['zh-CN']).toBe('保持近 7 天的水平 ¥1.0万/天');
    expect(budgetMove(0, 3_000)).toBeNull();
    expect(budgetMove(Number.NaN, 3_000)).toBeNull();
  });

  it('the CLI action line says the cut, never "keep"', () => {
    const t = actionText(scenario(80_000, 40_000));
    expect(t['zh-CN']).toContain('从近 7 天的 ¥8.0万/天 降到 ¥4.0万/天（−50%）');
    expect(actionText(scenario(80_000, 40_000, 'whole-room'))['zh-CN']).toContain('降到 ¥4.0万/天（−50%）');
  });

  it('the portfolio says the same cut', () => {
    const s = scenario(80_000, 40_000);
    const report = { baseline: { ready: true, reasons: [] }, scenarios: [s] } as unknown as PlanReport;
    const v = classify(report, s, { currentSpend: 80_000, cashAvailable: 1e7, cashReserve: 0 });
    expect(v.tier).toBe('cut-back');
    expect(v.reason['zh-CN']).toContain('从近 7 天的 ¥8.0万/天 降到 ¥4.0万/天（−50%）');
  });
});
