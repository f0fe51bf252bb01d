/** The lazily loaded charts over a real engine report: every chart renders, in both languages. */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import type { Lang } from '../../src/i18n/text';
import { buildPlanReport } from '../../src/model/engine';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import ScenarioCharts from '../../src/taskpane/charts/ScenarioCharts';
import { niceTicks } from '../../src/taskpane/charts/series';
import { PaneThemeContext } from '../../src/taskpane/theme';
import { I18nProvider } from '../../src/taskpane/i18n';
import { sampleHistoryCells } from './fixtures';

const report = buildPlanReport({ history: readHistory(sampleHistoryCells()).history, scenarios: readAssumptions(sampleAssumptionCells()).scenarios });

function renderCharts(lang: Lang) {
  return render(
    <I18nProvider lang={lang}>
      <ScenarioCharts scenarios={report.scenarios} curve={report.curve} reserves={{ Base: 20000, Conservative: 20000, Aggressive: 20000 }} />
    </I18nProvider>,
  );
}

it.each([
  ['en-US', ['Daily spend per scenario', 'Cash balance per scenario', 'Response curve: marginal ROI by daily spend', 'Top sensitivities: swing in total profit (Base)']],
  ['zh-CN', ['各情景日消耗', '各情景现金余额', '响应曲线：各日消耗下的边际投产比', '主要敏感因素：总利润波动（基准）']],
] as const)('%s: four titled charts', (lang, titles) => {
  renderCharts(lang);
  for (const t of titles) expect(screen.getByRole('heading', { name: t })).toBeInTheDocument();
});

it('re-renders with more scenarios without a chart error', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const many = [...report.scenarios, ...report.scenarios.map((s) => ({ ...s, name: `${s.name} 2` }))];
  const ui = (scenarios: typeof many) => (
    <I18nProvider lang="en-US">
      <ScenarioCharts scenarios={scenarios} curve={report.curve} reserves={{ Base: 20000, Conservative: 10000 }} />
    </I18nProvider>
  );
  const view = render(ui(report.scenarios));
  for (let n = 4; n <= many.length; n++) {
    view.rerender(ui(many.slice(0, n)));
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(screen.getAllByText('Aggressive 2').length).toBeGreaterThan(0);
  const thrown = error.mock.calls.filter((c) => c.some((a) => a instanceof Error));
  expect(thrown).toEqual([]);
  error.mockRestore();
});

it.each([
  ['zh-CN', /^\d+月\d+日，基准：¥[\d,.]+万?$/u],
  ['en-US', /^[A-Z][a-z]{2} \d+, Base: ¥[\d,.]+[KM]?$/u],
] as const)('%s: each point is read aloud in the pane’s words, not as raw floats or US dates', (lang, dayPoint) => {
  // (jsdom lays out no bars; the tornado's bar sentences are checked in Chromium: e2e/zh-first-screen.)
  const { container } = renderCharts(lang);
  const labels = Array.from(container.querySelectorAll('path[aria-label], rect[aria-label]')).map((e) => e.getAttribute('aria-label') ?? '');
  expect(labels.filter((l) => dayPoint.test(l)).length).toBeGreaterThanOrEqual(report.scenarios[0]!.days.length);
  // The library's own text would read "1099.624195680191" and "05/30/2024, 12:00:00 AM UTC".
  expect(labels.filter((l) => /\d\.\d{4,}|AM UTC|PM UTC/u.test(l))).toEqual([]);
});

describe('money on the axes and bars as the pane writes it', () => {
  it('niceTicks: round steps (1, 2 or 5 × 10ⁿ) from 0 to at most the maximum, about five of them', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e9, noNaN: true }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks[ticks.length - 1]!).toBeLessThanOrEqual(max * (1 + 1e-9));
        expect(ticks.length).toBeGreaterThanOrEqual(3);
        expect(ticks.length).toBeLessThanOrEqual(6);
        const step = ticks[1]!;
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
      }),
    );
    expect(niceTicks(9000)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(niceTicks(0)).toEqual([0]);
  });

  it.each([
    ['zh-CN', /^客单价：总利润波动 ¥[\d,.]+万?$/u, '¥'],
    ['en-US', /^Average order value: total profit swings by ¥[\d,.]+[KM]?$/u, '¥'],
  ] as const)('%s: the tornado is a list of sentences with ¥ amounts, widest bar first', (lang, sentence, yen) => {
    renderCharts(lang);
    const items = screen.getAllByRole('listitem').filter((li) => li.getAttribute('aria-label') !== null);
    expect(items.some((li) => sentence.test(li.getAttribute('aria-label')!))).toBe(true);
    const amounts = items.map((li) => li.querySelectorAll('span')[1]!.textContent ?? '');
    expect(amounts.every((a) => a.startsWith(yen))).toBe(true);
    const widths = items.map((li) => parseFloat((li.querySelector('[aria-hidden] > span') as HTMLElement).style.width));
    expect(widths[0]).toBe(100);
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
  });

  it('the response curve follows the theme: light text colour on Office’s dark theme', () => {
    const { container } = render(
      <PaneThemeContext.Provider value={webDarkTheme}>
        <I18nProvider lang="zh-CN">
          <ScenarioCharts scenarios={report.scenarios} curve={report.curve} reserves={{}} />
        </I18nProvider>
      </PaneThemeContext.Provider>,
    );
    const strokes = Array.from(container.querySelectorAll('path[stroke]')).map((p) => p.getAttribute('stroke'));
    expect(strokes).toContain(webDarkTheme.colorNeutralForeground1);
    expect(strokes).not.toContain(webLightTheme.colorNeutralForeground1);
    expect(strokes.some((s) => s?.startsWith('var('))).toBe(false);
  });
});
