/**
 * The review's chart (lazy chunk): the plan's daily GMV with its P10–P90 band against the GMV
 * actually sold, over the reviewed days.
 */
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import { text } from '../../i18n/text';
import type { ReviewPeriod } from '../../model/review';
import { useI18n } from '../i18n';
import { day } from './series';
import { useChartWords } from './words';

export interface ReviewChartProps {
  days: readonly ReviewPeriod[];
}

export function reviewSeries(days: readonly ReviewPeriod[]) {
  const pts = (f: (p: ReviewPeriod) => number) => days.map((p) => ({ x: day(p.start), y: f(p) }));
  return { planned: pts((p) => p.plannedGmv), p10: pts((p) => p.plannedGmvP10), p90: pts((p) => p.plannedGmvP90), actual: pts((p) => p.actualGmv) };
}

export default function ReviewChart({ days }: ReviewChartProps) {
  const { pick } = useI18n();
  const { worded, onDates, dated } = useChartWords();
  const s = reviewSeries(days);
  const title = pick(text('Daily GMV: plan (P10–P90 band) vs actual', '每日成交：计划（P10–P90 区间）与实际'));
  const data: LineChartPoints[] = [
    { legend: pick(text('Plan', '计划')), data: s.planned, color: '#0f6cbd' },
    { legend: 'P10', data: s.p10, color: '#0f6cbd', opacity: 0.5, lineOptions: { strokeDasharray: '1 3' } },
    { legend: 'P90', data: s.p90, color: '#0f6cbd', opacity: 0.5, lineOptions: { strokeDasharray: '1 3' } },
    { legend: pick(text('Actual', '实际')), data: s.actual, color: '#c50f1f' },
  ];
  return (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <h3 style={{ margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold }}>{title}</h3>
      <LineChart data={{ chartTitle: title, lineChartData: worded(data, onDates) }} width={300} height={200} margins={{ left: 60, right: 24 }} hideLegend {...dated} />
      <p style={{ margin: 0, fontSize: tokens.fontSizeBase200 }}>
        {pick(text('Blue: plan, dotted: its P10 and P90; red: actual.', '蓝线：计划，虚线：其 P10 与 P90；红线：实际。'))}
      </p>
    </figure>
  );
}
