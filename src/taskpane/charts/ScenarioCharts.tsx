/**
 * The charts, in their own chunk (loaded with React.lazy): spend and cash per scenario, the
 * response curve with break-even, targets and each scenario's S*, and the sensitivity tornado.
 */
import { HorizontalBarChartWithAxis, LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CurveReport, ScenarioReport } from '../../model/report';
import { useI18n } from '../i18n';
import { bandSeries, cashSeries, flatSeries, marginalCurve, spendSeries, topSensitivities } from './series';

export interface ScenarioChartsProps {
  scenarios: readonly ScenarioReport[];
  curve: CurveReport;
  /** cash_reserve per scenario name (blank = 0). */
  reserves: Readonly<Record<string, number>>;
}

const COLORS = ['#0f6cbd', '#c50f1f', '#107c10', '#8764b8', '#ca5010', '#038387'];

const useStyles = makeStyles({
  charts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

const WIDTH = 320;
/** Wrapped legends: the library's overflow menu breaks when many legends meet a narrow pane. */
const LEGENDS = { enabledWrapLines: true };
const HEIGHT = 220;

export default function ScenarioCharts({ scenarios, curve, reserves }: ScenarioChartsProps) {
  const { t, money, ratio, pick } = useI18n();
  const styles = useStyles();
  const color = (i: number) => COLORS[i % COLORS.length] as string;

  const spend: LineChartPoints[] = scenarios.map((s, i) => ({ legend: s.name, data: spendSeries(s), color: color(i) }));
  const cash: LineChartPoints[] = scenarios.map((s, i) => ({ legend: s.name, data: cashSeries(s), color: color(i) }));
  const firstScenario = scenarios[0];
  const distinctReserves = [...new Set(scenarios.map((s) => reserves[s.name] ?? 0))];
  if (firstScenario) {
    // The P10–P90 band of the first scenario, as two thin lines around its cash line.
    for (const [label, values] of [['P10', firstScenario.cashP10], ['P90', firstScenario.cashP90]] as const) {
      const band = bandSeries(firstScenario, values);
      if (band.length > 0) cash.push({ legend: t('charts.band', { scenario: firstScenario.name, p: label }), data: band, color: color(0), opacity: 0.5, lineOptions: { strokeDasharray: '1 3' } });
    }
    distinctReserves.forEach((r, i) =>
      cash.push({
        legend: distinctReserves.length > 1 ? `${t('charts.reserve')} ${money(r)}` : t('charts.reserve'),
        data: flatSeries(firstScenario, r),
        color: tokens.colorNeutralForeground3,
        lineOptions: { strokeDasharray: '4 4' },
        opacity: i === 0 ? 1 : 0.7,
      }),
    );
  }

  const mroi = marginalCurve(curve, scenarios);
  const xs = mroi.map((p) => p.x);
  const span = xs.length > 0 ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const flat = (y: number) => [{ x: span[0] as number, y }, { x: span[1] as number, y }];
  const response: LineChartPoints[] = [{ legend: t('charts.mroi'), data: mroi, color: color(0) }];
  const breakEvens = [...new Set(scenarios.map((s) => s.economics.breakEvenRoi))];
  breakEvens.forEach((b) =>
    response.push({ legend: `${t('charts.breakEven')} ${ratio(b)}`, data: flat(b), color: '#c50f1f', lineOptions: { strokeDasharray: '6 3' } }),
  );
  scenarios.forEach((s, i) => {
    response.push({
      legend: t('charts.target', { scenario: s.name }),
      data: flat(s.economics.targetMarginalRoi),
      color: color(i + 1),
      lineOptions: { strokeDasharray: '2 2' },
    });
    response.push({
      legend: t('charts.sStar', { scenario: s.name, spend: money(s.kpis.sustainableSpend) }),
      data: [{ x: s.kpis.sustainableSpend, y: s.economics.targetMarginalRoi }],
      color: color(i + 1),
    });
  });

  const top = topSensitivities(firstScenario?.sensitivity ?? []);
  return (
    <div className={styles.charts}>
      <figure>
        <h3 className={styles.title}>{t('charts.spend')}</h3>
        <LineChart data={{ chartTitle: t('charts.spend'), lineChartData: spend }} width={WIDTH} height={HEIGHT} legendProps={LEGENDS} />
      </figure>
      <figure>
        <h3 className={styles.title}>{t('charts.cash')}</h3>
        <LineChart data={{ chartTitle: t('charts.cash'), lineChartData: cash }} width={WIDTH} height={HEIGHT} legendProps={LEGENDS} />
      </figure>
      <figure>
        <h3 className={styles.title}>{t('charts.response')}</h3>
        <LineChart data={{ chartTitle: t('charts.response'), lineChartData: response }} width={WIDTH} height={HEIGHT} legendProps={LEGENDS} />
      </figure>
      <figure>
        <h3 className={styles.title}>{t('charts.tornado', { scenario: firstScenario?.name ?? '' })}</h3>
        {top.length > 0 ? (
          <HorizontalBarChartWithAxis
            data={top.map((s, i) => ({ x: s.swing, y: pick(s.label), color: color(i), legend: pick(s.label) }))}
            width={WIDTH}
            height={HEIGHT}
            hideLegend
          />
        ) : (
          <p>{t('charts.noSensitivity')}</p>
        )}
      </figure>
    </div>
  );
}
