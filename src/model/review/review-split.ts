/**
 * Splitting the part of a GMV gap the model did not foresee (actual − forecast at the actual
 * spend) into "response off" and "organic off" (docs/model.md).
 * - Direct accounts observe the split: response = actual paid − Gp(actual spend), organic = the rest.
 * - Whole-room accounts do not (docs/model.md): the residual r_t is regressed on the forecast's
 *   incremental and organic parts over the review days, r ≈ β·inc + α·org (ridge towards 0, so a
 *   period without spend variation splits in proportion), and what the regression leaves is
 *   shared by each part's share of the forecast. Parts add up to the residual exactly.
 */
import { text } from '../../i18n/text';

/** The three parts of a GMV gap as every surface heads them (CLI review table, the pane's review). */
export const GAP_LABELS = {
  spend: text('gap: spend', '消耗差异'),
  response: text('gap: ad response', '投放效果差异'),
  organic: text('gap: organic', '自然流差异'),
} as const;

export interface DaySplit {
  response: number;
  organic: number;
}

/** Ridge weight relative to the regressors' own sums of squares. */
const RIDGE = 0.25;

export function splitObserved(actualGmv: number, actualPaid: number, forecastIncremental: number, forecastOrganic: number): DaySplit {
  return { response: actualPaid - forecastIncremental, organic: actualGmv - actualPaid - forecastOrganic };
}

export function splitWholeRoom(actual: ArrayLike<number>, incremental: ArrayLike<number>, organic: ArrayLike<number>): DaySplit[] {
  const n = actual.length;
  let ii = 0;
  let oo = 0;
  let io = 0;
  let ir = 0;
  let or = 0;
  const res = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const i = incremental[t]!;
    const o = organic[t]!;
    const r = actual[t]! - i - o;
    res[t] = r;
    ii += i * i;
    oo += o * o;
    io += i * o;
    ir += i * r;
    or += o * r;
  }
  // (X'X + κ·diag(X'X)) [β α]' = X'r
  const a = ii * (1 + RIDGE);
  const d = oo * (1 + RIDGE);
  const det = a * d - io * io;
  const beta = det > 0 ? (d * ir - io * or) / det : 0;
  const alpha = det > 0 ? (a * or - io * ir) / det : oo > 0 ? or / (oo * (1 + RIDGE)) : 0;
  const out: DaySplit[] = [];
  for (let t = 0; t < n; t++) {
    const i = incremental[t]!;
    const o = organic[t]!;
    const resp = beta * i;
    const org = alpha * o;
    const left = res[t]! - resp - org;
    const share = i + o > 0 ? i / (i + o) : 0;
    const response = resp + share * left;
    out.push({ response, organic: res[t]! - response });
  }
  return out;
}
