/**
 * The pane's words for the charts, shared by every chart: dates as 6月1日 / Jun 1, money with ¥
 * (and 万), and each point's callout and screen-reader sentence (6月1日，基准：¥967).
 */
import type { LineChartPoints } from '@fluentui/react-charts';
import { useI18n } from '../i18n';
import { withWords, type PointWords } from './series';

export function useChartWords() {
  const { t, lang, ratio, compactMoney } = useI18n();
  const dateFormat = new Intl.DateTimeFormat(lang, { month: lang === 'zh-CN' ? 'numeric' : 'short', day: 'numeric' });
  const dateText = (d: Date) => (lang === 'zh-CN' ? dateFormat.format(d).replace('/', '月') + '日' : dateFormat.format(d));
  const sentence = (x: string, legend: string, y: string) => t('charts.point', { x, legend, y });
  const onDates: PointWords<Date> = { x: dateText, y: compactMoney, sentence };
  const bySpend: PointWords<number> = { x: compactMoney, y: ratio, sentence };
  /** The series with each point's text (the library would show and read raw floats and US dates). */
  const worded = <X extends number | Date>(series: LineChartPoints[], words: PointWords<X>): LineChartPoints[] =>
    series.map((s) => ({ ...s, data: withWords(s.legend, s.data as unknown as { x: X; y: number }[], words) }));
  /** Props of a chart over dates with money on the y axis. */
  const dated = { yAxisTickFormat: compactMoney, customDateTimeFormatter: dateText, useUTC: false };
  return { onDates, bySpend, worded, dated };
}
