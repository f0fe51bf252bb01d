/**
 * Sustainable spend (docs/model.md): m* = (1 + safety_margin) / (u·(1 + L)); S* solves m(S*) = m*
 * on the falling side of the marginal-ROI curve; 0 when no spend reaches m* (organic first).
 */
import { text, type Text } from '../../i18n/text';
import { noBreakEvenError } from '../economics';
import { solveMarginal, type Curve } from '../transforms';

export function targetMarginalRoi(unitMargin: number, safetyMargin: number, leverage: number): number {
  if (!(unitMargin > 0)) throw noBreakEvenError(unitMargin);
  return (1 + safetyMargin) / (unitMargin * (1 + leverage));
}

export interface SustainableSpend {
  spend: number;
  /** Why S* is what it is, when that needs saying (0, or bounded by evidence not by the curve). */
  note: Text | null;
}

export function sustainableSpend(curve: Curve, target: number, maxExtrapolation: number): SustainableSpend {
  const s = solveMarginal(curve.shape, target);
  if (s === 0) {
    return {
      spend: 0,
      note: text(
        `Paid traffic never reaches the target marginal ROI ${target.toFixed(2)} on this curve: no paid spend yet — grow organic traffic and margin first.`,
        `按当前曲线，付费流量的边际投产比达不到目标 ${target.toFixed(2)}：暂不建议付费投放，先提升自然流量和利润率。`,
      ),
    };
  }
  if (s === Infinity) {
    const cap = (curve.maxSpend ?? 0) * maxExtrapolation;
    return {
      spend: cap,
      note: text(
        `The fitted curve shows no diminishing returns yet, so S* is set by the evidence: ${maxExtrapolation}× the largest observed spend.`,
        `拟合曲线尚未出现边际递减，可持续日消耗取证据上限：最大历史消耗的 ${maxExtrapolation} 倍。`,
      ),
    };
  }
  return { spend: s, note: null };
}
