/** BASELINE: the organic base conversion model of MODEL.md §2, one metric or all of them. */
import type { Lang } from '../i18n/text';
import type { BaselineMetrics } from '../model/baseline';
import { baselineOf as engineBaseline } from '../model/engine';
import { choiceArg, historyArg, intArg, optionalText } from './inputs';
import { Memo, contentKey } from './memo';
import { toNumberCell, toSpill, type Spill } from './spill';

export const BASELINE_METRICS = ['days', 'organic_views', 'cvr', 'aov', 'gpm', 'refund_rate', 'organic_gmv', 'cvr_cv', 'trend'] as const;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];

/** organic_gmv is per day (MODEL §2 organic_gmv_per_day); refund_rate is "" when the export has no refunds. */
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

/** No metric: the 2-column metric/value table; a metric: that value as a 1×1 result. */
export function baselineResult(history: unknown, metric: unknown, windowDays: unknown, lang: Lang): Spill {
  const m = baselineOf(history, windowDays);
  if (optionalText(metric) === null) {
    const header = lang === 'zh-CN' ? ['指标', '数值'] : ['metric', 'value'];
    return toSpill([header, ...BASELINE_METRICS.map((k) => [k, metricValue(m, k)])]);
  }
  return [[toNumberCell(metricValue(m, choiceArg(metric, 'metric', BASELINE_METRICS)))]];
}
