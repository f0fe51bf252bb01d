/**
 * A planned 全域 scenario → the target table's inputs: the fitted room, the plan's organic days,
 * the scenario's economics and cash terms, the settlement rate that converts 净成交 to 支付, and
 * the target in force (the target log's last entry, else the last 7 days' 净成交ROI).
 */
import { addDays, type History } from '../core';
import { cashTermsOf } from './cash';
import type { Analysis } from '../fit';
import type { ScenarioPlan } from './scenario-plan';
import { historySettlement, netFromPay, type Settlement } from '../economics';
import { attributionOf } from './attribution';
import { targetTable, type TargetInputs, type TargetTable } from './targets';

/** The rate the plan's 净成交 numbers use: the scenario's refund_1h_rate when given, else the history's. */
export function settlementFor(p: ScenarioPlan, history: History): Settlement {
  if (p.scenario.values.refund_1h_rate !== undefined && p.scenario.values.refund_1h_rate !== null) {
    return { rate: 1 - p.assumptions.refund_1h_rate!, source: 'assumption' };
  }
  return historySettlement(history) ?? { rate: 1, source: 'none' };
}

/** The 净成交ROI target in force at the end of the history. */
export function currentTarget(history: History, rate: number): TargetInputs['current'] {
  const log = history.targetLog;
  const last = log && log.length > 0 ? log[log.length - 1]! : null;
  if (last && last.target > 0) return { target: last.basis === 'net' ? last.target : netFromPay(last.target, rate), source: 'log' };
  const tail = history.days.slice(-7);
  let spend = 0;
  let net = 0;
  for (const d of tail) {
    if (!(d.spend > 0)) continue;
    spend += d.spend;
    net += d.netGmv !== undefined && d.netGmv !== null ? d.netGmv : d.gmv * rate;
  }
  return spend > 0 && net > 0 ? { target: Math.round((net / spend) * 100) / 100, source: 'recent' } : null;
}

/** The table's inputs for a whole-room scenario; null on the direct basis (标准推广). */
export function targetInputsFor(p: ScenarioPlan, a: Analysis): TargetInputs | null {
  if (p.basis !== 'whole-room') return null;
  const r = p.assumptions;
  const e = p.report.economics;
  const settlement = settlementFor(p, a.history);
  const cv = a.baseline.organicGmvCv;
  const dailySd = Number.isFinite(cv) && cv > 0 ? Math.sqrt(Math.log1p(cv * cv)) : r.daily_noise;
  const maxSpend = p.curve.maxSpend;
  return {
    shape: p.curve.shape,
    scope: r.uni_roi_scope === 1 ? 'attributed' : 'room',
    unitMargin: p.unitMargin,
    aov: r.aov,
    settlement,
    organicBase: p.plan.organicBase,
    firstDate: addDays(p.setup.lastDate, 1),
    dailySd,
    curveSd: p.uncertainty.curveSd,
    breakEvenPay: e.roomBreakEvenRoi,
    sustainablePay: e.targets.roomRoi,
    extrapolationCap: maxSpend !== null && maxSpend > 0 ? maxSpend * r.max_extrapolation : Infinity,
    spendHint: maxSpend ?? Math.max(1, p.setup.sustainableSpend),
    cash: cashTermsOf(r),
    gmvTail: p.setup.gmvTail,
    mode: r.delivery_mode === 1 ? 'volume' : 'cost',
    rule: r.target_rule === 1 ? 'sustainable' : 'profit',
    suggestedNet: r.platform_suggested_roi,
    current: currentTarget(a.history, settlement.rate),
    volumeBudget: e.targets.dailyBudget,
  };
}

/** THE target table of a planned scenario (every surface calls this); null on the direct basis. */
export function targetsFor(p: ScenarioPlan, a: Analysis): TargetTable | null {
  const inp = targetInputsFor(p, a);
  return inp ? { ...targetTable(inp), attribution: attributionOf(a.history, p.curve.shape) } : null;
}
