/**
 * The charts, in their own chunk (loaded with React.lazy): spend and cash per scenario, the
 * response curve with break-even, targets and each scenario's S*, and the sensitivity tornado.
 */
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CurveReport, ScenarioReport } from '../../model/report';
import { presetName, useI18n } from '../i18n';
import { usePaneTheme } from '../theme';
import { bandSeries, cashSeries, flatSeries, marginalCurve, niceTicks, spendSeries, topSensitivities } from './series';
import { SwingBars } from './SwingBars';
import { useChartWords } from './words';

export interface ScenarioChartsProps {
  scenarios: readonly ScenarioReport[];
  curve: CurveReport;
  /** cash_reserve per scenario name (blank = 0). */
  reserves: Readonly<Record<string, number>>;
}

/** Scenario colours (no red: red is break-even) and dashes, so lines differ without colour too. */
const COLORS = ['#0f6cbd', '#107c10', '#8764b8', '#ca5010', '#038387', '#8e562e'];
const DASHES: readonly (string | undefined)[] = [undefined, '8 4', '2 3', '10 3 2 3', '4 2', '1 4'];
const BREAK_EVEN = '#c50f1f';

const useStyles = makeStyles({
  charts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  figure: { margin: 0, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  legend: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
  },
  swatch: { display: 'inline-block', width: '14px', height: '0', marginRight: '4px', verticalAlign: 'middle', borderTopWidth: '3px' },
});

/** Fits the pane's default 320–350 px width with its padding. */
const WIDTH = 300;
const HEIGHT = 220;
/** Room for the axis titles (the library needs ≥ 60 px left and ≥ 55 px bottom for them). */
const MARGINS = { left: 60, right: 16, bottom: 55 };

/**
 * The charts' own legends are hidden: with several scenarios they take the plot's height and
 * their overflow menu misbehaves in a narrow pane. A plain list under each chart says the same.
 */
function Legend({ series }: { series: readonly LineChartPoints[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.legend}>
      {series.map((s) => (
        <li key={s.legend}>
          <span
            aria-hidden="true"
            className={styles.swatch}
            style={{ borderTopColor: s.color, borderTopStyle: s.lineOptions?.strokeDasharray ? 'dashed' : 'solid' }}
          />
          {s.legend}
        </li>
      ))}
    </ul>
  );
}

export default function ScenarioCharts({ scenarios, curve, reserves }: ScenarioChartsProps) {
  const i18n = useI18n();
  const { t, ratio, compactMoney } = i18n;
  const nameOf = (s: ScenarioReport): string => presetName(i18n, s.name);
  const styles = useStyles();
  // Lines in the theme's text colours (values: SVG attributes): dark on light, light on Office's dark theme.
  const theme = usePaneTheme();
  const CURVE = theme.colorNeutralForeground1;
  const color = (i: number) => COLORS[i % COLORS.length] as string;
  const dash = (i: number) => (DASHES[i % DASHES.length] ? { strokeDasharray: DASHES[i % DASHES.length] } : undefined);
  // Every money figure with ¥ (and 万 in Chinese), axis ticks and each point's text included.
  const words = useChartWords();
  const { onDates, bySpend, worded } = words;
  const dated = {
    ...words.dated,
    xAxisTitle: t('charts.axis.date'),
    yAxisTitle: t('charts.axis.yuan'),
  };

  const spend: LineChartPoints[] = scenarios.map((s, i) => ({ legend: nameOf(s), data: spendSeries(s), color: color(i), lineOptions: dash(i) }));
  const cash: LineChartPoints[] = scenarios.map((s, i) => ({ legend: nameOf(s), data: cashSeries(s), color: color(i), lineOptions: dash(i) }));
  const firstScenario = scenarios[0];
  const distinctReserves = [...new Set(scenarios.map((s) => reserves[s.name] ?? 0))];
  if (firstScenario) {
    // The P10–P90 band of the first scenario, as two thin lines around its cash line.
    for (const [label, values] of [['P10', firstScenario.cashP10], ['P90', firstScenario.cashP90]] as const) {
      const band = bandSeries(firstScenario, values);
      if (band.length > 0) cash.push({ legend: t('charts.band', { scenario: nameOf(firstScenario), p: label }), data: band, color: color(0), opacity: 0.5, lineOptions: { strokeDasharray: '1 3' } });
    }
    distinctReserves.forEach((r, i) =>
      cash.push({
        legend: distinctReserves.length > 1 ? `${t('charts.reserve')} ${compactMoney(r)}` : t('charts.reserve'),
        data: flatSeries(firstScenario, r),
        color: theme.colorNeutralForeground3,
        lineOptions: { strokeDasharray: '4 4' },
        opacity: i === 0 ? 1 : 0.7,
      }),
    );
  }

  const mroi = marginalCurve(curve, scenarios);
  const xs = mroi.map((p) => p.x);
  const span = xs.length > 0 ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const flat = (y: number) => [{ x: span[0] as number, y }, { x: span[1] as number, y }];
  const response: LineChartPoints[] = [{ legend: t('charts.mroi'), data: mroi, color: CURVE, lineOptions: { strokeWidth: 3 } }];
  const breakEvens = [...new Set(scenarios.map((s) => s.economics.breakEvenRoi))];
  breakEvens.forEach((b) =>
    response.push({ legend: `${t('charts.breakEven')} ${ratio(b)}`, data: flat(b), color: BREAK_EVEN, lineOptions: { strokeDasharray: '6 3' } }),
  );
  scenarios.forEach((s, i) => {
    response.push({
      legend: t('charts.target', { scenario: nameOf(s), roi: ratio(s.economics.targetMarginalRoi) }),
      data: flat(s.economics.targetMarginalRoi),
      color: color(i),
      lineOptions: { strokeDasharray: DASHES[(i % (DASHES.length - 1)) + 1] },
    });
    // The sustainable budget S*: a vertical marker from the axis up to where the curve meets the target.
    const sStar = s.kpis.sustainableSpend;
    if (sStar > 0 && Number.isFinite(sStar)) {
      response.push({
        legend: t('charts.sStar', { scenario: nameOf(s), spend: compactMoney(sStar) }),
        data: [{ x: sStar, y: 0 }, { x: sStar, y: s.economics.targetMarginalRoi }],
        color: color(i),
        lineOptions: { strokeWidth: 3, strokeDasharray: DASHES[i % DASHES.length] },
      });
    }
  });

  /** Spend ticks in the pane's money (¥2,000 · ¥1.2万), not the library's bare "2000". */
  const moneyTicks = (max: number) => {
    const tickValues = niceTicks(max);
    return { tickValues, xAxis: { tickText: tickValues.map(compactMoney) } };
  };
  const top = topSensitivities(firstScenario?.sensitivity ?? []);
  return (
    <div className={styles.charts}>
      <figure className={styles.figure}>
        <h3 className={styles.title}>{t('charts.spend')}</h3>
        <LineChart data={{ chartTitle: t('charts.spend'), lineChartData: worded(spend, onDates) }} width={WIDTH} height={HEIGHT} margins={MARGINS} hideLegend {...dated} />
        <Legend series={spend} />
      </figure>
      <figure className={styles.figure}>
        <h3 className={styles.title}>{t('charts.cash')}</h3>
        <LineChart data={{ chartTitle: t('charts.cash'), lineChartData: worded(cash, onDates) }} width={WIDTH} height={HEIGHT} margins={MARGINS} hideLegend {...dated} />
        <Legend series={cash} />
      </figure>
      <figure className={styles.figure}>
        <h3 className={styles.title}>{t('charts.response')}</h3>
        <LineChart
          data={{ chartTitle: t('charts.response'), lineChartData: worded(response, bySpend) }}
          width={WIDTH}
          height={HEIGHT}
          margins={MARGINS}
          hideLegend
          xAxisTitle={t('charts.axis.spend')}
          yAxisTitle={t('charts.axis.mroi')}
          yAxisTickFormat={(v: number) => ratio(v)}
          {...moneyTicks(span[1] as number)}
        />
        <Legend series={response} />
      </figure>
      <figure className={styles.figure}>
        <h3 className={styles.title}>{t('charts.tornado', { scenario: firstScenario ? nameOf(firstScenario) : '' })}</h3>
        {top.length > 0 ? (
          <SwingBars rows={top} color={color} />
        ) : (
          <p>{t('charts.noSensitivity')}</p>
        )}
      </figure>
    </div>
  );
}
