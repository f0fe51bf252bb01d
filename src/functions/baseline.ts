/** BASELINE: the organic base conversion model of docs/model.md, one metric or all of them. */
import { text, type Lang } from '../i18n/text';
import type { BaselineMetrics } from '../model/fit';
import { baselineOf as engineBaseline } from '../model/engine';
import { AdplanError } from '../model/core';
import { choiceArg, historyArg, intArg, optionalText } from './inputs';
import { Memo, contentKey } from './memo';
import { toNumberCell, toSpill, type Spill } from './spill';

export const BASELINE_METRICS = ['days', 'organic_views', 'cvr', 'aov', 'gpm', 'refund_rate', 'organic_gmv', 'cvr_cv', 'trend'] as const;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];

/** organic_gmv is per day (docs/model.md organic_gmv_per_day); refund_rate is "" when the export has no refunds. */
function metricValue(m: BaselineMetrics, metric: BaselineMetric): number | null {
  switch (metric) {
    case 'days':
      return m.days;
    case 'organic_views':
      return m.organicViews;
    case 'cvr':
      return m.cvr;
    case 'aov':
      return m.aov;
    case 'gpm':
      return m.gpm;
    case 'refund_rate':
      return m.refundRate;
    case 'organic_gmv':
      return m.organicGmvPerDay;
    case 'cvr_cv':
      return m.cvrCv;
    case 'trend':
      return m.trend;
  }
}

const baselines = new Memo<BaselineMetrics>(64);

function baselineOf(history: unknown, windowDays: unknown): BaselineMetrics {
  const w = intArg(windowDays, 'window_days', 1, 3650, 28);
  const read = historyArg(history);
  return baselines.get(contentKey(history, w), () => engineBaseline(read.history, w));
}

/** Metrics that need organic views: unknown (null) when the export has none. */
const NEEDS_VIEWS: readonly BaselineMetric[] = ['cvr', 'gpm', 'cvr_cv'];
const needsViews = (k: BaselineMetric): boolean => NEEDS_VIEWS.includes(k);

function noViews(metric: BaselineMetric): AdplanError {
  return new AdplanError(
    'lookup',
    text(
      `${metric} is unknown: the history has no views column (观看人数/观看次数), so organic conversion cannot be measured. Add views to the export, or use organic_gmv and the readiness check, which work without them.`,
      `${metric} 未知：历史数据没有观看数列（观看人数/观看次数），无法计算自然转化。请在导出中加入观看数，或改用 organic_gmv 与准备度检查（无需观看数）。`,
    ),
    'metric',
  );
}

/**
 * No metric: the 2-column metric/value table ("—" for a metric that needs views the export lacks);
 * a metric: that value as a 1×1 result, #N/A with the reason when it needs views.
 */
export function baselineResult(history: unknown, metric: unknown, windowDays: unknown, lang: Lang): Spill {
  const m = baselineOf(history, windowDays);
  if (optionalText(metric) === null) {
    const header = lang === 'zh-CN' ? ['指标', '数值'] : ['metric', 'value'];
    return toSpill([header, ...BASELINE_METRICS.map((k) => [k, needsViews(k) && metricValue(m, k) === null ? '—' : metricValue(m, k)])]);
  }
  const k = choiceArg(metric, 'metric', BASELINE_METRICS);
  const v = metricValue(m, k);
  if (v === null && needsViews(k)) throw noViews(k);
  return [[toNumberCell(v)]];
}
