/**
 * One honest confidence statement for a plan: how far its daily budget can be acted on, combining
 * the S* band, the extrapolation past the spend seen, the back-test and (when the curve report
 * carries one) the demand-coupling diagnostic. The back-test only forecasts GMV at spends already
 * spent, so a good grade is said as that and never as trust in S*. Pure; every surface shows it.
 */
import { text, type Text } from '../../i18n/text';
import { yuan } from './action';
import type { CurveReport, ScenarioReport } from '../report';

/** What the statement reads of a back-test (review's BacktestReport has these; review comes after plan). */
export interface BacktestSummary {
  /** MAPE of daily GMV at the spends actually spent; null when no back-test was possible. */
  mape: number | null;
  grade: 'good' | 'usable' | 'weak';
}

/** hi/lo of the S* band above which the band is too wide to set a budget by. */
export const WIDE_BAND = 3;
/** S* beyond this multiple of the largest spend seen is said to be extrapolated. */
export const EXTRAPOLATED = 1.2;

export type ConfidenceLevel = 'act' | 'test-first' | 'assumed';

export interface Confidence {
  level: ConfidenceLevel;
  /** hi/lo of the S* band (Infinity when lo is 0); null when no band is known. */
  bandRatio: number | null;
  /** S* / the largest daily spend seen; null without spend history. */
  extrapolation: number | null;
  text: Text;
}

/**
 * The demand-coupling finding of the whole-room fit: corrected (a target log or the 非投放时段
 * proxy took the demand out of the curve) or only detected (the interval was widened, the point
 * estimate may still be high).
 */
function couplingOf(curve: CurveReport): { coupled: boolean; note: Text | null } | null {
  const d = curve.demandCoupling;
  if (!d) return null;
  if (d.method === 'target-log') {
    return { coupled: false, note: text('Spend that followed demand was separated using your ROI target log.', '已用 ROI 目标记录区分了追随需求的消耗。') };
  }
  if (d.method === 'proxy') {
    return { coupled: false, note: text('Spend that followed demand was separated using GMV outside ad hours (非投放时段).', '已用非投放时段成交区分了追随需求的消耗。') };
  }
  if (!d.detected) return null;
  return {
    coupled: true,
    note: text(
      'Spend followed the day’s demand (the platform spends more on busy days), so the fitted returns may be too high; the range was widened. A few weeks of ROI-target steps (≤ 10 % each, held 5–7 days) would settle it.',
      '消耗随当天需求起落（平台在旺的日子多花），拟合出的回报可能偏高，区间已放宽。用几周时间分步调整 ROI 目标（每步不超过 10%，每档保持 5–7 天）即可验证。',
    ),
  };
}

const join = (parts: readonly Text[], lang: 'en-US' | 'zh-CN'): string => parts.map((p) => p[lang]).join(lang === 'zh-CN' ? '' : ' ');

export function confidenceOf(curve: CurveReport, s: ScenarioReport, bt: BacktestSummary | null = null): Confidence {
  const sStar = s.kpis.sustainableSpend;
  const band = curve.assumed ? curve.assumed.sStarRange : (curve.sStarInterval ?? null);
  const bandRatio = band ? (band[0] > 0 ? band[1] / band[0] : Infinity) : null;
  const extrapolation = curve.maxSpend !== null && curve.maxSpend > 0 && sStar > 0 ? sStar / curve.maxSpend : null;
  const coupling = couplingOf(curve);
  const parts: Text[] = [];
  let level: ConfidenceLevel = 'act';

  if (curve.assumed) {
    level = 'assumed';
    parts.push(
      text(
        `This budget is an estimate, not a measurement: the response curve could not be identified from this shop's data, so the plan rests on an assumed curve; over plausible curves the sustainable budget lies between ${yuan(band![0])} and ${yuan(band![1])} a day. Test before scaling: ${curve.assumed.identifyBy['en-US']}.`,
        `这个预算是估计，不是测算：无法从本店数据识别投放回报曲线，方案基于假定曲线；在合理的曲线范围内，可持续日预算在 ${yuan(band![0])} 至 ${yuan(band![1])} 之间。放量前先测试：${curve.assumed.identifyBy['zh-CN']}。`,
      ),
    );
  } else if (band && bandRatio !== null && bandRatio > WIDE_BAND) {
    level = 'test-first';
    const times = Number.isFinite(bandRatio) ? text(`${Math.round(bandRatio)}×`, `${Math.round(bandRatio)} 倍`) : text('far', '悬殊');
    parts.push(
      text(
        `Too uncertain to set a budget by: the sustainable budget could be anywhere from ${yuan(band[0])} to ${yuan(band[1])} a day (${times['en-US']} apart). Treat ${yuan(sStar)} as a starting point and raise it only as results come in.`,
        `不确定性太大，不能据此定预算：可持续日预算可能在 ${yuan(band[0])} 至 ${yuan(band[1])} 之间（相差 ${times['zh-CN']}）。把 ${yuan(sStar)} 当作起点，按实际效果逐步调整。`,
      ),
    );
  } else if (band) {
    parts.push(text(`The sustainable budget is about ${yuan(sStar)} a day (range ${yuan(band[0])} – ${yuan(band[1])}).`, `可持续日预算约 ${yuan(sStar)}（区间 ${yuan(band[0])} 至 ${yuan(band[1])}）。`));
  } else if (sStar > 0) {
    parts.push(text(`The sustainable budget of about ${yuan(sStar)} a day comes from the curve fitted to your spend; no range is known for it.`, `可持续日预算约 ${yuan(sStar)}，来自按你的消耗拟合的曲线，其区间未知。`));
  }

  if (extrapolation !== null && extrapolation > EXTRAPOLATED) {
    if (level === 'act') level = 'test-first';
    const x = extrapolation.toFixed(1);
    parts.push(
      text(
        `It is ${x}× the largest daily spend seen: returns beyond what was spent are untested.`,
        `它是历史最高日消耗的 ${x} 倍：超出已花过水平的回报未经检验。`,
      ),
    );
  }

  if (coupling?.coupled) {
    if (level === 'act') level = 'test-first';
    parts.push(
      coupling.note ??
        text(
          'Spend followed the day’s demand (the platform spends more on busy days), so the fitted returns are likely too high.',
          '消耗随当天需求起落（平台在旺的日子多花），拟合出的回报很可能偏高。',
        ),
    );
  } else if (coupling?.note) {
    parts.push(coupling.note);
  }

  if (bt && bt.mape !== null) {
    const err = `±${Math.round(bt.mape * 100)}%`;
    parts.push(
      bt.grade === 'weak'
        ? text(`The back-test misses even at spends already seen (error ${err}).`, `回测在已花过的消耗水平上误差就很大（${err}）。`)
        : text(
            `The back-test (error ${err}) only checks GMV forecasts at spends already seen, not the returns of a new budget.`,
            `回测（误差 ${err}）只检验了已花过的消耗水平下的成交预测，不能说明新预算的回报。`,
          ),
    );
  } else if (bt) {
    parts.push(text('No back-test was possible: the forecasts are unchecked.', '无法回测：预测未经检验。'));
  }

  const lead =
    level === 'act'
      ? text('Confidence: you can act on this budget.', '可信度：可以按这个预算执行。')
      : level === 'test-first'
        ? text('Confidence: a starting point, not a settled number.', '可信度：只能当起点，不是定论。')
        : text('Confidence: low — an assumption, not a fit.', '可信度：低——基于假设，而非拟合。');
  return { level, bandRatio, extrapolation, text: text(`${lead['en-US']} ${join(parts, 'en-US')}`, `${lead['zh-CN']}${join(parts, 'zh-CN')}`) };
}
