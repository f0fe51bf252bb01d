/**
 * Headlines that say what they count: payback past the plan's horizon is "not within the plan",
 * never "day 91" of a 90-day plan; the profit headline is the ads' incremental profit; the capital
 * line says it is measured against not advertising and shows the lowest cash beside it; counts
 * take the plural they need.
 */
import { plural } from '../../src/i18n/text';
import { paybackText } from '../../src/model/plan';
import type { PlanReport, ScenarioReport } from '../../src/model/report';
import { actionFacts } from '../../src/taskpane/state/action';

const day = (date: string) => ({ date, spend: 1000, paidGmv: 0, organicGmv: 0, gmv: 0, orders: 0, profit: 0, cash: 0, roi: null, marginalRoi: null, limit: 'target' as const, roiTarget: null });
function scenario(paybackDay: number | null): ScenarioReport {
  return {
    name: 'Base',
    economics: { unitMargin: 0.3, breakEvenRoi: 3.3, targetMarginalRoi: 3.8, breakEvenRoiNet: 3.3, roomBreakEvenRoi: null, targets: { roomRoi: null, roomRoiNet: null, dailyBudget: 1000 } },
    kpis: { totalSpend: 90000, totalGmv: 2e6, totalProfit: 500000, roi: 3, incrementalRoi: 3.5, peakCapital: 3.339e6, minCash: 3.26e6, paybackDay, returnOnCapital: 0.1, sustainableSpend: 1000, incrementalProfit: 42000 },
    days: Array.from({ length: 90 }, (_, i) => day(`2026-0${1 + Math.floor(i / 30)}-${String(1 + (i % 28)).padStart(2, '0')}`)),
    notes: [],
  };
}
const report = { baseline: { ready: true }, curve: { basis: 'direct' } } as unknown as PlanReport;

describe('headlines', () => {
  it('payback: within the plan on its day, past the horizon said so', () => {
    expect(paybackText(30, 90)).toEqual({ 'en-US': 'day 30', 'zh-CN': '第 30 天' });
    expect(paybackText(91, 90)).toEqual({ 'en-US': 'not within the plan (about day 91)', 'zh-CN': '计划期内未回本（约第 91 天）' });
    expect(paybackText(null, 90)).toEqual({ 'en-US': 'not paid back', 'zh-CN': '未回本' });
  });

  it('the pane: no "back by" date for a payback past the horizon; profit is the ads’ incremental profit', () => {
    const f = actionFacts(report, scenario(91));
    expect(f.capital).toEqual({ peak: 3.339e6, backOn: null, minCash: 3.26e6 });
    expect(f.profit).toBe(42000);
    expect(actionFacts(report, scenario(30)).capital?.backOn).toBe(scenario(30).days[29]!.date);
  });

  it('plural: 1 note, 2 notes', () => {
    expect([plural(1, 'note', 'notes'), plural(2, 'note', 'notes'), plural(0, 'note', 'notes')]).toEqual(['note', 'notes', 'notes']);
  });
});
