/**
 * FITCURVE, RESPONSE, MROI, OPTIMALSPEND. A curve travels between cells as the FITCURVE spill:
 * a label column of fixed English keys (so the same sheet works in any UI language) and a value
 * column; RESPONSE & co. find the values by those labels wherever the spill sits.
 */
import { text, type Lang } from '../i18n/text';
import { tryFitCurve, type FitModel } from '../model/fit';
import { AdplanError } from '../model/core';
import type { CurveModel, CurveReport } from '../model/report';
import { curveFromReport, marginalRoi, optimalSpend, response, toCurveReport, type Curve } from '../model/transforms';
import { requiredNumber } from './args';
import { pairedColumns } from './columns';
import { choiceArg, optionalText } from './inputs';
import { Memo, contentKey } from './memo';
import { toNumberCell, toSpill, type Spill } from './spill';

const FIT_MODELS: readonly FitModel[] = ['auto', 'hill', 'power'];
const fits = new Memo<CurveReport>(64);

export function fitCurveSpill(spend: unknown, paidGmv: unknown, model: unknown, lang: Lang): Spill {
  const m = choiceArg(model, 'model', FIT_MODELS, 'auto');
  const report = fits.get(contentKey(spend, paidGmv, m), () => {
    const { a: s, b: g } = pairedColumns(spend, 'spend', paidGmv, 'paid_gmv');
    const fit = tryFitCurve(s, g, m);
    if ('reason' in fit) throw new AdplanError('input', fit.reason, 'spend');
    return toCurveReport(fit.curve);
  });
  return curveSpill(report, lang);
}

/** The FITCURVE table: header, model, parameters, fit quality, evidence range. */
export function curveSpill(r: CurveReport, lang: Lang): Spill {
  const header = lang === 'zh-CN' ? ['参数', '数值'] : ['parameter', 'value'];
  return toSpill([
    header,
    ['model', r.model],
    ...Object.entries(r.params).map(([k, v]) => [k, v]),
    ['r2', r.r2],
    ['n', r.n],
    ['min_spend', r.minSpend],
    ['max_spend', r.maxSpend],
    ['residual_sd', r.residualSd],
  ]);
}

const PARAM_KEYS = ['gmax', 'k', 'a', 'c', 'b'];
const MODELS: readonly CurveModel[] = ['hill', 'power', 'assumed'];

function notACurve(): AdplanError {
  return new AdplanError(
    'input',
    text(
      'curve must be a FITCURVE result (a 2-column range with labels such as model, gmax, k, a).',
      'curve 应为 FITCURVE 的结果（两列区域，含 model、gmax、k、a 等标签）。',
    ),
    'curve',
  );
}

const curves = new Memo<Curve>(64);

/** Reads a curve back from a FITCURVE spill (any position, labels in the first column). */
export function curveArg(v: unknown): Curve {
  if (!Array.isArray(v) || !v.every((r) => Array.isArray(r))) throw notACurve();
  return curves.get(contentKey(v), () => {
    const byLabel = new Map<string, unknown>();
    for (const row of v as unknown[][]) {
      const label = optionalText(row[0]);
      if (label !== null) byLabel.set(label.toLowerCase(), row[1]);
    }
    const model = MODELS.find((m) => m === optionalText(byLabel.get('model'))?.toLowerCase());
    if (!model) throw notACurve();
    const params: Record<string, number> = {};
    for (const k of PARAM_KEYS) {
      const x = byLabel.get(k);
      if (typeof x === 'number') params[k] = x;
      else if (x !== undefined && optionalText(x) !== null) params[k] = requiredNumber(x, `curve ${k}`, { kind: 'count' });
    }
    const num = (k: string): number | null => {
      const x = byLabel.get(k);
      return typeof x === 'number' && Number.isFinite(x) ? x : null;
    };
    return curveFromReport({
      model,
      params,
      r2: num('r2'),
      n: num('n') ?? 0,
      minSpend: num('min_spend'),
      maxSpend: num('max_spend'),
      residualSd: num('residual_sd'),
      basis: 'direct',
    });
  });
}

function spendArg(v: unknown, name: string): number {
  const s = requiredNumber(v, name, { kind: 'money' });
  if (s < 0) {
    throw new AdplanError('input', text(`${name} must be ≥ 0, got ${s}.`, `参数 ${name} 应不小于 0，实际为 ${s}。`), name);
  }
  return s;
}

export function responseValue(spend: unknown, curve: unknown): number | string {
  return toNumberCell(response(spendArg(spend, 'spend'), curveArg(curve)));
}

export function mroiValue(spend: unknown, curve: unknown): number | string {
  return toNumberCell(marginalRoi(spendArg(spend, 'spend'), curveArg(curve)));
}

export function optimalSpendValue(curve: unknown, target: unknown): number | string {
  const t = requiredNumber(target, 'target_mroi', { kind: 'count' });
  return toNumberCell(optimalSpend(curveArg(curve), t));
}
