/**
 * Readiness (docs/model.md): "only scale once a base conversion model exists". One bilingual reason
 * per failed check, ordered so the first is what to fix first (organic before paid).
 */
import { text, type Text } from '../../i18n/text';
import type { AssumptionValues } from '../settings';
import { valueOrDefault } from '../settings';
import type { BaselineMetrics } from '../fit';
import type { ReadinessCheck, Verdict } from '../report';

export interface ReadinessThresholds {
  minDays: number;
  maxCvrCv: number;
  maxRefundRate: number;
  minOrdersPerDay: number;
}

/** A scenario's thresholds: its own values (checked), else the registry's defaults. */
export function thresholdsOf(v: AssumptionValues): ReadinessThresholds {
  return {
    minDays: valueOrDefault('min_days', v.min_days),
    maxCvrCv: valueOrDefault('max_cvr_cv', v.max_cvr_cv),
    maxRefundRate: valueOrDefault('max_refund_rate', v.max_refund_rate),
    minOrdersPerDay: valueOrDefault('min_orders_per_day', v.min_orders_per_day),
  };
}

/**
 * Without views (CVR unknown) stability is judged on daily organic GMV, weekday and trend removed
 * (on a whole room: the fit's residual). Daily GMV carries traffic noise on top of conversion
 * noise, so its bound sits above max_cvr_cv's 0.35 default (docs/model.md "Readiness").
 */
export const MAX_ORGANIC_GMV_CV = 0.5;

export interface Readiness {
  ready: boolean;
  /** One per failed check, most urgent first. */
  reasons: Text[];
  /** What could not be judged and what stood in for it (not failures). */
  notes: Text[];
  /** The first reason's fix in one sentence; null when ready. */
  fixFirst: Text | null;
  /** The ordered v2 checks with value, threshold, source and fix (readiness/checks.ts). */
  checks?: ReadinessCheck[];
  verdict?: Verdict;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));

/**
 * `refundRate`: the rate in use (history's, else the assumption's; null when neither exists).
 * `unitMargin`: u of the scenario; null when it cannot be computed (then the check is skipped).
 */
export function assessReadiness(
  m: BaselineMetrics,
  t: ReadinessThresholds,
  refundRate: number | null,
  unitMargin: number | null,
  /** The organic checks (traffic, content, short video): the fired ones come after orders per day. */
  organic: readonly ReadinessCheck[] = [],
): Readiness {
  // `gap`: the measured value against its benchmark, said again in the one-sentence first fix.
  const failed: { reason: Text; fix: Text; gap?: Text }[] = [];
  if (m.historyDays < t.minDays) {
    failed.push({
      reason: text(
        `Only ${m.historyDays} days of usable history (need ≥ ${t.minDays}): there is no base conversion model yet.`,
        `可用历史只有 ${m.historyDays} 天（至少需要 ${t.minDays} 天）：还没有稳定的基础转化模型。`,
      ),
      fix: text(
        `Keep trading on organic traffic and export at least ${t.minDays} days before planning paid traffic.`,
        `先依靠自然流量经营，积累至少 ${t.minDays} 天数据后再规划付费投放。`,
      ),
    });
  }
  if (m.organicOrdersPerDay < t.minOrdersPerDay) {
    failed.push({
      reason: text(
        `Organic orders average ${num(m.organicOrdersPerDay)}/day (need ≥ ${t.minOrdersPerDay}): natural traffic does not convert enough yet.`,
        `日均自然订单 ${num(m.organicOrdersPerDay)} 单（至少需要 ${t.minOrdersPerDay} 单）：自然流量转化还不够。`,
      ),
      fix: text(
        'Optimise natural-recommendation traffic (short videos, live-room script, product selection) before paying for traffic.',
        '先优化自然推荐流量（短视频、直播话术、选品），再考虑付费投放。',
      ),
    });
  }
  for (const c of organic) {
    if (c.status !== 'warn' && c.status !== 'fail') continue;
    const fix = c.fix ?? text('', '');
    failed.push({
      reason: text(
        `${c.name['en-US']} ${c.valueText['en-US']} (threshold ${c.thresholdText['en-US']}; ${c.source['en-US']}).`,
        `${c.name['zh-CN']} ${c.valueText['zh-CN']}（阈值 ${c.thresholdText['zh-CN']}；${c.source['zh-CN']}）。`,
      ),
      fix,
      gap: text(`${c.name['en-US']} ${c.valueText['en-US']}`, `${c.name['zh-CN']} ${c.valueText['zh-CN']}`),
    });
  }
  const notes: Text[] = [];
  if (m.cvrCv === null) {
    notes.push(
      text(
        `No views in the export: organic conversion (CVR, GPM) is unknown. Stability is judged on daily organic GMV instead (variation ${pct(m.organicGmvCv)}, max ${pct(MAX_ORGANIC_GMV_CV)}) together with orders per day.`,
        `导出中没有观看数：自然转化率（转化率、GPM）未知。改以日均自然成交的稳定性（日间波动 ${pct(m.organicGmvCv)}，上限 ${pct(MAX_ORGANIC_GMV_CV)}）和日均订单判断。`,
      ),
    );
    if (m.organicGmvCv > MAX_ORGANIC_GMV_CV) {
      failed.push({
        reason: text(
          `Organic GMV is unstable: day-to-day variation ${pct(m.organicGmvCv)} after weekday and trend (max ${pct(MAX_ORGANIC_GMV_CV)}).`,
          `自然成交不稳定：剔除星期与趋势后日间波动 ${pct(m.organicGmvCv)}（上限 ${pct(MAX_ORGANIC_GMV_CV)}）。`,
        ),
        fix: text(
          'Stabilise the room (consistent hosts, schedule and offer) before paying for traffic: paid traffic amplifies an unstable room.',
          '先稳定直播间（固定主播、开播时间和货盘）再付费：付费流量会放大不稳定的直播间。',
        ),
      });
    }
  } else if (m.cvrCv > t.maxCvrCv) {
    failed.push({
      reason: text(
        `Organic conversion is unstable: day-to-day variation ${pct(m.cvrCv)} (max ${pct(t.maxCvrCv)}).`,
        `自然转化率不稳定：日间波动 ${pct(m.cvrCv)}（上限 ${pct(t.maxCvrCv)}）。`,
      ),
      fix: text(
        'Stabilise organic conversion (consistent hosts, schedule and offer) before paying for traffic: paid traffic amplifies an unstable room.',
        '先稳定自然转化（固定主播、开播时间和货盘）再付费：付费流量会放大不稳定的直播间。',
      ),
    });
  }
  if (refundRate !== null && refundRate > t.maxRefundRate) {
    failed.push({
      reason: text(
        `Refund rate ${pct(refundRate)} is above ${pct(t.maxRefundRate)}.`,
        `退款率 ${pct(refundRate)} 高于 ${pct(t.maxRefundRate)}。`,
      ),
      fix: text(
        'Reduce refunds (product quality, honest descriptions, after-sales) before buying more orders.',
        '先降低退款（品质、如实描述、售后），再购买更多订单。',
      ),
    });
  }
  if (unitMargin !== null && !(unitMargin > 0)) {
    failed.push({
      reason: text(
        `Unit margin is ${unitMargin.toFixed(4)} (≤ 0): every sale loses money after costs, so no ROI breaks even.`,
        `单位贡献率为 ${unitMargin.toFixed(4)}（≤ 0）：扣除成本后每笔成交都亏损，任何投产比都无法保本。`,
      ),
      fix: text('Fix prices, costs or refunds so each sale earns a margin.', '调整售价、成本或退款，让每笔成交都有利润。'),
    });
  }
  const first = failed[0];
  return {
    ready: failed.length === 0,
    notes,
    reasons: failed.map((f) => text(`${f.reason['en-US']} ${f.fix['en-US']}`, `${f.reason['zh-CN']}${f.fix['zh-CN']}`)),
    fixFirst: first
      ? first.gap
        ? text(`Fix first: ${first.fix['en-US']} (${first.gap['en-US']})`, `首先：${first.fix['zh-CN']}（${first.gap['zh-CN']}）`)
        : text(`Fix first: ${first.fix['en-US']}`, `首先：${first.fix['zh-CN']}`)
      : null,
  };
}
