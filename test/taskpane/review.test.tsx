/** The 复盘 section: finds a plan written as values, reviews it against the days since, draws the band. */
import { render, screen, waitFor } from '@testing-library/react';
import { readAssumptions } from '../../src/data/assumptions';
import type { Lang } from '../../src/i18n/text';
import { buildPlanReport } from '../../src/model/engine';
import type { History } from '../../src/model/core';
import { generateMerchant } from '../../src/sample/merchant';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import ReviewChart, { reviewSeries } from '../../src/taskpane/charts/ReviewChart';
import { ReviewPanel } from '../../src/taskpane/components/ReviewPanel';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { I18nProvider } from '../../src/taskpane/i18n';
import { KPI_METRICS, planSheet, PLAN_ROW } from '../../src/taskpane/state/planSheet';
import { writtenPlanOf } from '../../src/taskpane/state/writtenPlans';
import { review } from '../../src/model/review';

const { history } = generateMerchant(1);
const scenarios = readAssumptions(sampleAssumptionCells()).scenarios;
const START = history.days[76]!.date;
const before: History = { ...history, days: history.days.slice(0, 76) };
const labels = { lang: 'en-US' as const, sheetName: 'Plan – Base', limit: { target: 'target', ramp: 'ramp', cash: 'cash', capacity: 'capacity', extrapolation: 'extrapolation', max: 'cap' }, title: 'Plan', subtitle: '', metric: 'metric', value: 'value', kpi: Object.fromEntries(KPI_METRICS.map((m) => [m, m])) as Record<(typeof KPI_METRICS)[number], string>, spendChart: 's', cashChart: 'c' };

function gatewayWithWrittenPlan(): MemoryGateway {
  const report = buildPlanReport({ history: before, scenarios, scenario: 'Conservative', runs: 0 });
  const sheet = planSheet(report.scenarios[0]!, { ...labels, sheetName: 'Plan – Conservative' }, true);
  return new MemoryGateway({ sheets: [{ name: 'Data', cells: [['x']] }, { name: `${sheet.baseName} (2)`, cells: sheet.cells }] });
}

function renderPanel(gateway: MemoryGateway, lang: Lang = 'en-US') {
  return render(
    <I18nProvider lang={lang}>
      <ReviewPanel gateway={gateway} history={history} scenarios={scenarios} />
    </I18nProvider>,
  );
}

describe('written plans', () => {
  it('a plan sheet written as values gives its scenario and first day', () => {
    const report = buildPlanReport({ history: before, scenarios, runs: 0 });
    const sheet = planSheet(report.scenarios[0]!, labels, true);
    const values = sheet.cells.map((r) => r.map((c) => (typeof c === 'object' && c !== null && 'formula' in c ? null : c)));
    expect(writtenPlanOf({ sheet: 'Plan – Base (3)', row: 1, column: 1, values: values as never })).toEqual({ sheet: 'Plan – Base (3)', scenario: 'Base', start: START });
    expect(writtenPlanOf({ sheet: 'Other', row: 1, column: 1, values: values as never })).toBeNull();
    // A downloaded file's values copy of a live plan names the same scenario.
    expect(writtenPlanOf({ sheet: 'Plan – Base (values)', row: 1, column: 1, values: values as never })?.scenario).toBe('Base');
    expect(writtenPlanOf({ sheet: '投放计划 – 基准（数值） (2)', row: 1, column: 1, values: values as never })?.scenario).toBe('基准');
    expect(PLAN_ROW).toBeGreaterThan(1);
  });
});

describe('ReviewPanel', () => {
  it('reviews the written plan (its scenario) once the history runs past its start', async () => {
    renderPanel(gatewayWithWrittenPlan());
    expect(screen.getByRole('heading', { name: 'Review (复盘)' })).toBeInTheDocument();
    expect(screen.getByText(/Forecast error on your own history ±\d+%/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/Reviewing the plan written on sheet “Plan – Conservative \(2\)” \(scenario Conservative\)/)).toBeInTheDocument());
    const expected = review(history, scenarios.find((s) => s.name === 'Conservative')!, START);
    expect(screen.getByText(expected.verdict.message['en-US'])).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Plan vs actual by week' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(expected.weeks.length + 1);
    expect(screen.getByText('Total')).toBeInTheDocument();
  });

  it('without a written plan it asks for a date, and speaks Chinese', () => {
    renderPanel(new MemoryGateway({ sheets: [{ name: 'Data', cells: [['x']] }] }), 'zh-CN');
    expect(screen.getByRole('heading', { name: '复盘' })).toBeInTheDocument();
    expect(screen.getByText('选择计划开始的日期，与实际情况对比。')).toBeInTheDocument();
  });
});

it('the chart series are the plan, its P10/P90 band and the actual GMV per reviewed day', () => {
  const r = review(history, scenarios[0]!, START);
  const s = reviewSeries(r.days);
  expect(s.actual.map((p) => p.y)).toEqual(r.days.map((d) => d.actualGmv));
  s.planned.forEach((p, i) => {
    expect(s.p10[i]!.y).toBeLessThanOrEqual(p.y * 1.02);
    expect(s.p90[i]!.y).toBeGreaterThanOrEqual(p.y * 0.98);
  });
});

it('the review chart reads each day in the pane’s words (实际 on 6月1日 …), not raw floats or US dates', () => {
  const r = review(history, scenarios[0]!, START);
  const { container } = render(
    <I18nProvider lang="zh-CN">
      <ReviewChart days={r.days} />
    </I18nProvider>,
  );
  const labels = Array.from(container.querySelectorAll('path[aria-label]')).map((e) => e.getAttribute('aria-label') ?? '');
  expect(labels.filter((l) => /^\d+月\d+日，实际：¥[\d,.]+万?$/u.test(l))).toHaveLength(r.days.length);
  expect(labels.filter((l) => /\d\.\d{4,}|AM UTC|PM UTC/u.test(l))).toEqual([]);
});
