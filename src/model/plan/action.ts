/**
 * The plan's first line: what to set on the platform, in the merchant's terms (MODEL §12).
 * 全域: the 整体支付ROI target (and its 净成交 version), the daily budget, the ramp, and the
 * 整体ROI 保本线 below which the ads lose money. Direct (标准推广): the budget, the ramp and the
 * paid break-even ROI. Every surface shows this sentence as is.
 */
import { text, type Text } from '../../i18n/text';
import type { ScenarioReport } from '../report';

/** ¥1,234 (whole yuan, grouped; never NaN). */
export function yuan(x: number): string {
  const v = Number.isFinite(x) ? Math.round(x) : 0;
  return `¥${String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/gu, ',')}`.replace('¥', v < 0 ? '−¥' : '¥');
}

const r1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(x >= 10 ? 1 : 2).replace(/\.?0+$/u, '') : '—');

/** Days until the plan first reaches its budget (99 %); null when caps keep it below. */
function rampDays(s: ScenarioReport): number | null {
  const budget = s.economics.targets.dailyBudget;
  const i = s.days.findIndex((d) => d.spend >= 0.99 * budget);
  return i < 0 ? null : i + 1;
}

export function actionText(s: ScenarioReport): Text {
  const e = s.economics;
  const t = e.targets;
  const first = s.days[0]?.spend ?? 0;
  if (!(t.dailyBudget > 0)) {
    return text(
      `Do not pay for traffic yet: at this margin no spend reaches the target marginal ROI ${r1(e.targetMarginalRoi)}. Break-even ROI ${r1(e.breakEvenRoi)} (pay) / ${r1(e.breakEvenRoiNet)} (net).`,
      `暂不投流:按当前利润率,任何消耗都达不到目标边际投产比 ${r1(e.targetMarginalRoi)}。保本投产比 ${r1(e.breakEvenRoi)}(支付)/ ${r1(e.breakEvenRoiNet)}(净成交)。`,
    );
  }
  const days = rampDays(s);
  const ramp =
    days === null
      ? text(`starting at ${yuan(first)} (cash and caps keep spend below the budget: see the plan)`, `从 ${yuan(first)} 起步(现金与上限使消耗低于预算,见计划)`)
      : days <= 1
        ? text(`from day 1`, `第 1 天起`)
        : text(`ramping from ${yuan(first)} within ${days} days`, `${days} 天内从 ${yuan(first)} 爬坡`);
  if (s.curveBasis === 'whole-room' && t.roomRoi !== null) {
    const be = e.roomBreakEvenRoi;
    const beEn = be === null ? '' : `; whole-room break-even 整体ROI ${r1(be)} — below it the ads lose money`;
    const beZh = be === null ? '' : `;整体ROI 保本线 ${r1(be)},低于它投流亏钱`;
    return text(
      `Set the 整体支付ROI target to ${r1(t.roomRoi)} (净成交 ${r1(t.roomRoiNet ?? t.roomRoi)}), daily budget ${yuan(t.dailyBudget)}, ${ramp['en-US']}${beEn}.`,
      `设置 整体支付ROI 目标 ${r1(t.roomRoi)}(净成交 ${r1(t.roomRoiNet ?? t.roomRoi)}),日预算 ${yuan(t.dailyBudget)},${ramp['zh-CN']}${beZh}。`,
    );
  }
  // Without 1-hour refund data both bases are equal: say the number once.
  const beNetEn = e.breakEvenRoiNet === e.breakEvenRoi ? '' : ` / ${r1(e.breakEvenRoiNet)} (net)`;
  const beNetZh = e.breakEvenRoiNet === e.breakEvenRoi ? '' : `/ ${r1(e.breakEvenRoiNet)}(净成交)`;
  return text(
    `Daily budget ${yuan(t.dailyBudget)}, ${ramp['en-US']}; keep the paid ROI above break-even ${r1(e.breakEvenRoi)} (pay)${beNetEn}${t.roomRoi !== null ? `; the room's ROI at that budget is about ${r1(t.roomRoi)}` : ''}.`,
    `日预算 ${yuan(t.dailyBudget)},${ramp['zh-CN']};付费投产比保持在保本线 ${r1(e.breakEvenRoi)}(支付)${beNetZh}之上${t.roomRoi !== null ? `;该预算下整体ROI 约 ${r1(t.roomRoi)}` : ''}。`,
  );
}
