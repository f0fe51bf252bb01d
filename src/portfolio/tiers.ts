/**
 * Tiering (docs/portfolio.md): which service a merchant needs next, with the reason.
 * - scale: ready, profitable headroom, capital fits;
 * - steady: ready, but little headroom, too risky or capital-bound: keep spend where it is;
 * - cut-back: ready, and the plan says to spend less than today (over-spending, or paid traffic
 *   that does not pay at current spend): a merchant told to cut is never "steady";
 * - organic-first: not ready (the first failed readiness check is what to fix first);
 * - data-fix: the file cannot be planned (set by the caller from the error).
 * Pure: a PlanReport and three numbers the report does not carry in, a verdict out.
 */
import { text, type Text } from '../i18n/text';
import type { PlanReport, ScenarioReport } from '../model/report';
import { formatNumber } from '../text';
import { budgetMove, budgetMoveText } from '../model/plan';
import { measuredOrganic, VERDICT_LABEL } from '../model/readiness';
import type { MerchantStatus, Tier } from './types';

export interface TierThresholds {
  /** Headroom: sustainable spend S* ≥ (1 + minHeadroom) × current spend. */
  minHeadroom: number;
  /** Capital: cash-limited plan days ≤ this share of the horizon. */
  maxCashBoundShare: number;
  /** Capital: P(min cash < reserve) ≤ this. */
  maxPCashShort: number;
  /** Profitable: P(total profit < 0) ≤ this. */
  maxPLoss: number;
}

export const DEFAULT_TIER_THRESHOLDS: TierThresholds = {
  minHeadroom: 0.25,
  maxCashBoundShare: 0.1,
  maxPCashShort: 0.05,
  maxPLoss: 0.2,
};

/** What the tiering needs besides the report: the merchant's spend today and cash. */
export interface TierContext {
  /** Mean spend of the last 7 history days (docs/model.md); 0 without paid history. */
  currentSpend: number;
  /** cash_available of the planned scenario. */
  cashAvailable: number;
  /** cash_reserve of the planned scenario (0 when not given). */
  cashReserve: number;
}

export interface TierVerdict {
  status: Exclude<MerchantStatus, 'error'>;
  tier: Exclude<Tier, 'data-fix'>;
  reason: Text;
}

const money = (x: number): string => `¥${formatNumber(x, 0)}`;
const pct = (x: number): string => `${formatNumber(x * 100, 0)}%`;

/** Peak capital the plan may need: the P90 when risk was simulated, else the plan's own. */
export function peakCapitalOf(s: ScenarioReport): number {
  return s.risk ? Math.max(s.risk.peakCapitalP90, s.kpis.peakCapital) : s.kpis.peakCapital;
}

export function cashBoundDays(s: ScenarioReport): number {
  return s.days.filter((d) => d.limit === 'cash').length;
}

function notReady(report: PlanReport): TierVerdict {
  const [first, ...rest] = report.baseline.reasons;
  const head = first ?? text('Readiness checks failed.', '准备度检查未通过。');
  const more = rest.length > 0 ? text(` (+${rest.length} more)`, `（另有 ${rest.length} 项）`) : text('', '');
  const b = report.baseline;
  // With traffic/content exports the v2 tier is said: "fix first" (one lever) or "not yet" (no base model).
  if (b.verdict && b.verdict !== 'ready' && measuredOrganic(b.checks ?? [])) {
    const v = VERDICT_LABEL[b.verdict];
    return {
      status: 'not_ready',
      tier: 'organic-first',
      reason: text(`Organic first (${v['en-US']}): ${head['en-US']}${more['en-US']}`, `先做自然流（${v['zh-CN']}）：${head['zh-CN']}${more['zh-CN']}`),
    };
  }
  return {
    status: 'not_ready',
    tier: 'organic-first',
    reason: text(`Organic first: ${head['en-US']}${more['en-US']}`, `先做自然流：${head['zh-CN']}${more['zh-CN']}`),
  };
}

function steady(reason: Text): TierVerdict {
  return { status: 'ok', tier: 'steady', reason };
}

function cutBack(reason: Text): TierVerdict {
  return { status: 'ok', tier: 'cut-back', reason };
}

/** P(loss) of what the paid spend adds when the engine reports it, else of the whole plan. */
export function pLossOf(s: ScenarioReport): number | null {
  if (!s.risk) return null;
  return s.risk.pLossIncremental ?? s.risk.pLoss;
}

/** Each check returns null when passed, else why the merchant stays steady. Order = what to say first. */
function capitalCheck(s: ScenarioReport, ctx: TierContext, t: TierThresholds): Text | null {
  const free = ctx.cashAvailable - ctx.cashReserve;
  const peak = peakCapitalOf(s);
  if (peak > free) {
    return text(
      `Capital-bound: the plan may tie up ${money(peak)} but only ${money(free)} is free above the reserve.`,
      `受资金约束：计划最多占用资金 ${money(peak)}，而储备之上可用资金仅 ${money(free)}。`,
    );
  }
  const horizon = s.days.length;
  const bound = cashBoundDays(s);
  if (horizon > 0 && bound / horizon > t.maxCashBoundShare) {
    return text(
      `Capital-bound: cash limits spend on ${bound} of ${horizon} plan days.`,
      `受资金约束：计划期 ${horizon} 天中有 ${bound} 天的投放受现金限制。`,
    );
  }
  if (s.risk && s.risk.pCashShort > t.maxPCashShort) {
    return text(
      `Capital-bound: ${pct(s.risk.pCashShort)} chance cash falls below the reserve (max ${pct(t.maxPCashShort)}).`,
      `受资金约束：现金跌破储备的概率为 ${pct(s.risk.pCashShort)}（上限 ${pct(t.maxPCashShort)}）。`,
    );
  }
  return null;
}

function profitCheck(s: ScenarioReport, t: TierThresholds): Text | null {
  const roi = s.kpis.incrementalRoi;
  const be = s.economics.breakEvenRoi;
  if (!(s.kpis.totalSpend > 0) || roi === null) {
    return text('The plan spends nothing on paid traffic.', '计划期内没有付费投放。');
  }
  if (roi < be) {
    return text(
      `Not profitable: incremental ROI ${roi.toFixed(2)} is below break-even ${be.toFixed(2)}.`,
      `不盈利：增量投产比 ${roi.toFixed(2)} 低于保本投产比 ${be.toFixed(2)}。`,
    );
  }
  const pLoss = pLossOf(s);
  if (pLoss !== null && pLoss > t.maxPLoss) {
    const paid = s.risk?.pLossIncremental !== undefined;
    return text(
      `Too risky: ${pct(pLoss)} chance ${paid ? 'the paid spend loses money' : 'of a loss over the plan'} (max ${pct(t.maxPLoss)}).`,
      `风险过高：${paid ? '付费投放亏钱' : '计划期亏损'}的概率 ${pct(pLoss)}（上限 ${pct(t.maxPLoss)}）。`,
    );
  }
  return null;
}

/** The tier of a planned merchant from the planned scenario `s` of `report`. */
export function classify(
  report: PlanReport,
  s: ScenarioReport,
  ctx: TierContext,
  t: TierThresholds = DEFAULT_TIER_THRESHOLDS,
): TierVerdict {
  if (!report.baseline.ready) return notReady(report);
  const target = s.kpis.sustainableSpend;
  const now = ctx.currentSpend;
  if (!(target > 0)) {
    const verdict = now > 0 ? cutBack : steady;
    return verdict(
      text(
        `No profitable paid spend at current margins (break-even ROI ${s.economics.breakEvenRoi.toFixed(2)}): hold and improve margin.`,
        `按当前利润率没有可盈利的付费投放（保本投产比 ${s.economics.breakEvenRoi.toFixed(2)}）：维持现状，先提升利润率。`,
      ),
    );
  }
  const move = budgetMove(now, target);
  if (target < now && move) {
    // Any cut is a cut here (the tier's boundary), however small.
    const m = budgetMoveText({ ...move, kind: 'cut' });
    return cutBack(text(`Over-spending: cut the daily budget ${m['en-US']}, to the sustainable level.`, `投放过量：日预算应${m['zh-CN']}，回到可持续水平。`));
  }
  if (target < (1 + t.minHeadroom) * now) {
    return steady(
      text(
        `Little headroom: sustainable spend ${money(target)}/day vs ${money(now)}/day now (needs +${pct(t.minHeadroom)}).`,
        `增长空间小：可持续日消耗 ${money(target)}，当前 ${money(now)}（需高出 ${pct(t.minHeadroom)}）。`,
      ),
    );
  }
  // A budget from an assumed curve is not a reason to scale: test first.
  const assumed = report.curve.assumed;
  if (assumed) {
    return steady(
      text(
        `Curve not identified (plan on an assumed curve): test before scaling — ${assumed.identifyBy['en-US']}.`,
        `投放曲线无法识别（方案基于假定曲线）：放量前先测试——${assumed.identifyBy['zh-CN']}。`,
      ),
    );
  }
  const capital = capitalCheck(s, ctx, t);
  if (capital) return steady(capital);
  const profit = profitCheck(s, t);
  // Paid traffic that does not pay at today's spend: cut, not hold.
  if (profit) return (profit['en-US'].startsWith('Not profitable') && now > 0 ? cutBack : steady)(profit);
  const from = now > 0 ? text(`${money(now)}/day now`, `当前 ${money(now)}/天`) : text('no paid spend now', '目前未投放');
  return {
    status: 'ok',
    tier: 'scale',
    reason: text(
      `Scale: sustainable ${money(target)}/day (${from['en-US']}); peak capital ${money(peakCapitalOf(s))} of ${money(ctx.cashAvailable - ctx.cashReserve)} free.`,
      `可放量：可持续日消耗 ${money(target)}（${from['zh-CN']}）；峰值占用资金 ${money(peakCapitalOf(s))}，可用 ${money(ctx.cashAvailable - ctx.cashReserve)}。`,
    ),
  };
}
