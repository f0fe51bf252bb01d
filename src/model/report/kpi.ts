/** KPI lookup by snake_case metric name (the KPI function, the CLI), and plan periods (day / week). */
import { text, type Text } from '../../i18n/text';
import type { ValueKind } from './columns';
import { AdplanError } from '../core';
import type { Limit, PlanDay, ScenarioReport } from './report';

/** Every KPI, said once: its stable metric name (KPI function, plan sheet), label and kind. */
export const KPIS = [
  { metric: 'total_spend', label: text('Total spend', '总消耗'), kind: 'money' },
  { metric: 'total_gmv', label: text('Total GMV', '总成交金额'), kind: 'money' },
  { metric: 'total_profit', label: text('Total profit', '总利润'), kind: 'money' },
  { metric: 'roi', label: text('ROI', '投产比'), kind: 'ratio' },
  { metric: 'incremental_roi', label: text('Incremental ROI', '增量投产比'), kind: 'ratio' },
  { metric: 'peak_capital', label: text('Peak capital', '峰值资金占用'), kind: 'money' },
  { metric: 'min_cash', label: text('Minimum cash', '最低现金'), kind: 'money' },
  { metric: 'payback_day', label: text('Payback day', '回本天数'), kind: 'days' },
  { metric: 'return_on_capital', label: text('Return on capital', '资金回报率'), kind: 'rate' },
  { metric: 'return_on_capital_annualised', label: text('Return on capital (annualised)', '年化资金回报率'), kind: 'rate' },
  { metric: 'sustainable_spend', label: text('Sustainable daily spend', '可持续日消耗'), kind: 'money' },
  { metric: 'break_even_roi', label: text('Break-even ROI', '保本投产比'), kind: 'ratio' },
  { metric: 'unit_margin', label: text('Unit margin', '单位贡献率'), kind: 'rate' },
  { metric: 'target_marginal_roi', label: text('Target marginal ROI', '目标边际投产比'), kind: 'ratio' },
  { metric: 'roi_target', label: text('整体ROI target (pay)', '整体支付ROI目标'), kind: 'ratio' },
  { metric: 'roi_target_net', label: text('整体ROI target (net)', '整体净成交ROI目标'), kind: 'ratio' },
  { metric: 'room_break_even_roi', label: text('Whole-room break-even ROI', '整体ROI保本线'), kind: 'ratio' },
  { metric: 'break_even_roi_net', label: text('Break-even ROI (net)', '保本投产比（净成交）'), kind: 'ratio' },
  { metric: 'organic_gmv_per_day', label: text('Organic GMV per day', '日均自然成交'), kind: 'money' },
  { metric: 'daily_budget', label: text('Daily budget', '日预算'), kind: 'money' },
] as const satisfies readonly { metric: string; label: Text; kind: ValueKind }[];

export const KPI_METRICS = KPIS.map((k) => k.metric);

export function kpiLabel(metric: KpiMetric): Text {
  return KPIS.find((k) => k.metric === metric)!.label;
}
export type KpiMetric = (typeof KPI_METRICS)[number];

/** One KPI of a planned scenario; null means "none" (no payback, ROI without spend). */
export function kpiValue(s: ScenarioReport, metric: string): number | null {
  const k = s.kpis;
  const m = metric.trim().toLowerCase();
  switch (m as KpiMetric) {
    case 'total_spend': return k.totalSpend;
    case 'total_gmv': return k.totalGmv;
    case 'total_profit': return k.totalProfit;
    case 'roi': return k.roi;
    case 'incremental_roi': return k.incrementalRoi;
    case 'peak_capital': return k.peakCapital;
    case 'min_cash': return k.minCash;
    case 'payback_day': return k.paybackDay;
    case 'return_on_capital': return k.returnOnCapital;
    case 'return_on_capital_annualised': return k.returnOnCapitalAnnualised ?? null;
    case 'sustainable_spend': return k.sustainableSpend;
    case 'break_even_roi': return s.economics.breakEvenRoi;
    case 'unit_margin': return s.economics.unitMargin;
    case 'target_marginal_roi': return s.economics.targetMarginalRoi;
    case 'roi_target': return s.economics.targets.roomRoi;
    case 'roi_target_net': return s.economics.targets.roomRoiNet;
    case 'room_break_even_roi': return s.economics.roomBreakEvenRoi;
    case 'break_even_roi_net': return s.economics.breakEvenRoiNet;
    case 'organic_gmv_per_day': return s.organicGmvPerDay ?? null;
    case 'daily_budget': return s.economics.targets.dailyBudget;
    default:
      throw new AdplanError(
        'lookup',
        text(`Unknown metric "${metric}". Valid metrics: ${KPI_METRICS.join(', ')}.`, `未知指标“${metric}”。可用指标：${KPI_METRICS.join(', ')}。`),
        'metric',
      );
  }
}

export type Period = 'day' | 'week';

export function checkPeriod(p: string | null | undefined): Period {
  const v = (p ?? 'day').trim().toLowerCase();
  if (v === 'day' || v === 'week') return v;
  throw new AdplanError('input', text(`period must be "day" or "week", got "${String(p)}".`, `period 应为 “day” 或 “week”，实际为 “${String(p)}”。`), 'period');
}

/**
 * Weekly rows: 7-day blocks from plan day 1 (the last may be shorter), dated by their first day.
 * Flows are summed, cash is the block's closing balance, roi = Σ paid / Σ spend, marginal ROI is
 * spend-weighted, limit is the one that bound on most days (the later on a tie).
 */
/** A week's event: the phase of its highest-GMV event day (a week can straddle two phases). */
function weekEvent(w: readonly PlanDay[]): Pick<PlanDay, 'event' | 'phase'> {
  let best: PlanDay | null = null;
  for (const d of w) if (d.event !== undefined && (!best || d.gmv > best.gmv)) best = d;
  return best?.event !== undefined && best.phase !== undefined ? { event: best.event, phase: best.phase } : {};
}

export function planByPeriod(days: readonly PlanDay[], period: Period): PlanDay[] {
  if (period === 'day') return days.slice();
  const out: PlanDay[] = [];
  for (let i = 0; i < days.length; i += 7) {
    const w = days.slice(i, i + 7);
    const sum = (f: (d: PlanDay) => number): number => w.reduce((t, d) => t + f(d), 0);
    const spend = sum((d) => d.spend);
    const paid = sum((d) => d.paidGmv);
    const mw = sum((d) => (d.marginalRoi ?? 0) * d.spend);
    const counts = new Map<Limit, number>();
    let limit: Limit = w[0]!.limit;
    let best = 0;
    for (const d of w) {
      const c = (counts.get(d.limit) ?? 0) + 1;
      counts.set(d.limit, c);
      if (c >= best) {
        best = c;
        limit = d.limit;
      }
    }
    out.push({
      date: w[0]!.date,
      spend,
      paidGmv: paid,
      organicGmv: sum((d) => d.organicGmv),
      gmv: sum((d) => d.gmv),
      orders: sum((d) => d.orders),
      profit: sum((d) => d.profit),
      cash: w[w.length - 1]!.cash,
      roi: spend > 0 ? paid / spend : null,
      marginalRoi: spend > 0 ? mw / spend : null,
      limit,
      // The week's spend-weighted target: Σ (target × spend) / Σ spend = Σ credited GMV / Σ spend.
      roiTarget: spend > 0 ? sum((d) => (d.roiTarget ?? 0) * d.spend) / spend : null,
      ...weekEvent(w),
    });
  }
  return out;
}
