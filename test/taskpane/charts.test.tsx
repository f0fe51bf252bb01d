/** The lazily loaded charts over a real engine report: every chart renders, in both languages. */
import { render, screen } from '@testing-library/react';
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import type { Lang } from '../../src/i18n/text';
import { buildPlanReport } from '../../src/model/engine';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import ScenarioCharts from '../../src/taskpane/charts/ScenarioCharts';
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
