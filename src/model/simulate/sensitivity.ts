/**
 * Tornado (docs/model.md): each uncertain input alone at its P10 and P90, the others at their
 * expected value, no daily noise; the swing in the chosen metric, sorted by swing.
 */
import { text } from '../../i18n/text';
import type { SensitivityRow } from '../report';
import { SIM_METRICS, unknownMetric, type SimMetric } from './risk';
import { expectedDraw, newOutcome, runOnce, Scratch, type Draw, type SimContext } from './sim-run';


const Z90 = 1.2815515655446004;

/** Tornado: each uncertain input alone at its P10 and P90 (others at their expected value, no daily noise), sorted by swing. */
export function sensitivity(ctx: SimContext, metric: SimMetric = 'total_profit'): SensitivityRow[] {
  if (!(SIM_METRICS as readonly string[]).includes(metric)) throw unknownMetric(metric, SIM_METRICS);
  const s = new Scratch(ctx);
  const o = newOutcome(ctx.eventCount ?? 0);
  const never = ctx.T + ctx.assumptions.settlement_days + 1;
  const value = (d: Draw): number | null => {
    runOnce(ctx, d, null, s, o);
    const v = metric === 'total_profit' ? o.profit : metric === 'peak_capital' ? o.peakCapital : metric === 'min_cash' ? o.minCash : o.payback;
    return Number.isFinite(v) ? v : null;
  };
  const u = ctx.u;
  const e = expectedDraw(ctx);
  const rho = e.refund;
  // P10 / P90 of the mean-one log-normal multipliers (the Monte Carlo's): e^{±1.2816σ − σ²/2}.
  const at = (sd: number, z: number): number => Math.exp(z * sd - (sd * sd) / 2);
  const rhoSd = u.refundKappa > 0 ? Math.sqrt((rho * (1 - rho)) / (u.refundKappa + 1)) : 0;
  const rows: Omit<SensitivityRow, 'atLow' | 'atHigh' | 'swing'>[] = [
    { input: 'paid_curve_level', label: text('Paid response level (× curve)', '付费响应水平（× 曲线）'), low: at(u.curveSd, -Z90), high: at(u.curveSd, Z90) },
    { input: 'refund_rate', label: text('Refund rate', '退款率'), low: Math.max(0, rho - Z90 * rhoSd), high: Math.min(0.99, rho + Z90 * rhoSd) },
    { input: 'aov', label: text('Average order value', '客单价'), low: e.aov * at(u.aovSd, -Z90), high: e.aov * at(u.aovSd, Z90) },
    { input: 'organic_level', label: text('Organic level (× baseline)', '自然流水平（× 基线）'), low: at(u.organicSd, -Z90), high: at(u.organicSd, Z90) },
    { input: 'lift_lambda', label: text('Organic lift λ', '自然流撬动系数'), low: Math.max(0, ctx.lambda - Z90 * u.lambdaSe), high: ctx.lambda + Z90 * u.lambdaSe },
  ];
  const out: SensitivityRow[] = rows.map((row) => {
    const valueAt = (v: number): number | null => {
      const d = expectedDraw(ctx);
      if (row.input === 'paid_curve_level') d.curve = v;
      else if (row.input === 'refund_rate') d.refund = v;
      else if (row.input === 'aov') d.aov = v;
      else if (row.input === 'organic_level') d.organic = v;
      else d.lambda = v;
      return value(d);
    };
    const atLow = valueAt(row.low);
    const atHigh = valueAt(row.high);
    const nl = atLow ?? never;
    const nh = atHigh ?? never;
    return { ...row, atLow, atHigh, swing: Math.abs(nh - nl) };
  });
  return out.sort((a, b) => b.swing - a.swing);
}
