/**
 * The action card's facts, read off one scenario's report: the budget ramp (first budget, the
 * steepest daily raise, the budget it levels at and when), the 全域 ROI target when the engine
 * gives one, peak capital and when it is back, and the chance of a loss. Pure.
 */
import { budgetMove, type BudgetMove } from '../../model/plan';
import type { PlanReport, ScenarioReport } from '../../model/report';

export interface ActionFacts {
  scenario: string;
  ready: boolean;
  /** From the last 7 days' spend to the daily budget (the model's one wording); null without recent spend. */
  move: BudgetMove | null;
  /** Budget path; null when the plan buys no traffic. */
  ramp: { start: number; step: number | null; target: number; reachedOn: string } | null;
  /** 全域: 整体ROI targets and the daily budget (absent until the engine reports them). */
  roomTarget: { roi: number; net: number | null; budget: number } | null;
  roomBreakEven: number | null;
  /** Peak capital the ads tie up (against not advertising), when it is back inside the plan, and the lowest cash balance. */
  capital: { peak: number; backOn: string | null; minCash: number } | null;
  /** P(loss) of the paid spend when reported, else of the whole plan. */
  pLoss: { p: number; paidOnly: boolean } | null;
  /** What the ads add to profit over the organic-only path (not the organic business's own profit). */
  profit: number;
  days: number;
}

export function actionFacts(report: PlanReport, s: ScenarioReport): ActionFacts {
  const days = s.days;
  const peakSpend = days.reduce((m, d) => Math.max(m, d.spend), 0);
  let ramp: ActionFacts['ramp'] = null;
  if (peakSpend > 0) {
    const first = days.find((d) => d.spend > 0);
    // "Reached" at 99 %: the last steps of a ramp are rounding.
    const reached = days.find((d) => d.spend >= peakSpend * 0.99);
    let step: number | null = null;
    days.forEach((day, i) => {
      const prev = days[i - 1]?.spend ?? 0;
      const cur = day.spend;
      if (prev > 0 && cur > prev && day.limit === 'ramp') step = Math.max(step ?? 0, cur / prev - 1);
    });
    ramp = { start: first?.spend ?? peakSpend, step, target: peakSpend, reachedOn: reached?.date ?? days[days.length - 1]?.date ?? '' };
  }
  const t = s.economics.targets;
  // The 全域 lever is said only for a whole-room account (curve basis whole-room); the net-basis
  // target only when it differs from the pay-basis one.
  const wholeRoom = (s.curveBasis ?? report.curve.basis) === 'whole-room';
  const net = t?.roomRoiNet !== null && t?.roomRoiNet !== undefined && t.roomRoi !== null && Math.abs(t.roomRoiNet - t.roomRoi) >= 0.005 ? t.roomRoiNet : null;
  const roomTarget = wholeRoom && t && t.roomRoi !== null && Number.isFinite(t.roomRoi) ? { roi: t.roomRoi, net, budget: t.dailyBudget } : null;
  const k = s.kpis;
  // Payback past the horizon has no date in the plan: "not back within the plan", never its last day.
  const backOn = k.paybackDay !== null && k.paybackDay <= days.length ? (days[Math.max(1, k.paybackDay) - 1]?.date ?? null) : null;
  const capital = k.peakCapital > 0 ? { peak: k.peakCapital, backOn, minCash: k.minCash } : null;
  const r = s.risk;
  const pLoss = r ? (r.pLossIncremental !== undefined ? { p: r.pLossIncremental, paidOnly: true } : { p: r.pLoss, paidOnly: false }) : null;
  return {
    scenario: s.name,
    ready: report.baseline.ready,
    move: peakSpend > 0 ? budgetMove(s.recentSpend ?? 0, s.economics.targets.dailyBudget) : null,
    ramp,
    roomTarget,
    roomBreakEven: wholeRoom ? (s.economics.roomBreakEvenRoi ?? null) : null,
    capital,
    pLoss,
    profit: k.incrementalProfit ?? k.totalProfit,
    days: days.length,
  };
}
