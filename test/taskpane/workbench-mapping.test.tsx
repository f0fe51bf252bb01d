/**
 * Editing through the pane: every change lands in the workbook (the single source of truth) and
 * the comparison follows — field mapping, writing the plan. (Split from one file so the suites run on separate workers.)
 */
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import type { Cell } from '../../src/data/types';
import { buildPlanReport } from '../../src/model/engine';
import { isFormulaCell } from '../../src/taskpane/gateway/types';
import { engineOn, money } from './edit-helpers';
import { ASSUMPTIONS_SHEET, HISTORY_SHEET, sampleGateway, sampleHistoryCells } from './fixtures';
import { comparisonCell, renderPane, screen } from './render';

// Charts have their own test (charts.test.tsx); here they would only slow every re-render.
jest.mock('../../src/taskpane/charts/ScenarioCharts', () => ({ __esModule: true, default: () => null }));

describe('field mapping correction', () => {
  function renamedGmv(): Cell[][] {
    const cells = sampleHistoryCells();
    const col = (cells[0] as Cell[]).indexOf('直播间成交金额');
    (cells[0] as Cell[])[col] = 'Sales total';
    return cells;
  }

  it.each([
    ['en-US', /Missing required column: gmv/, 'Column for GMV', 'Scenario comparison', 'Total GMV'],
    ['zh-CN', /缺少必需的列：gmv/, '成交金额 所在列', '情景对比', '总成交金额'],
  ] as const)('%s: an unrecognised GMV column is picked by hand; the sheet keeps its header', async (lang, missing, picker, title, gmvRow) => {
    const gw = sampleGateway({ history: renamedGmv() });
    const { user } = renderPane(gw, lang);
    expect((await screen.findAllByText(missing, undefined)).length).toBeGreaterThan(0);
    expect(screen.queryByRole('table', { name: title })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: picker }), 'L: Sales total');
    const table = await screen.findByRole('table', { name: title });
    expect(gw.cell(HISTORY_SHEET, 'L1')).toBe('Sales total');
    const expected = buildPlanReport({
      history: readHistory(sampleHistoryCells()).history,
      scenarios: readAssumptions(gw.sheet(ASSUMPTIONS_SHEET)?.cells as Cell[][]).scenarios,
    });
    expect(comparisonCell(table, gmvRow, 'Base')).toBe(money(expected.scenarios[0]?.kpis.totalGmv ?? NaN, lang));
  });

  it('re-pointing views to the unique-viewer column changes what the pane reports, and can be undone', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    await user.click(screen.getByRole('button', { name: 'Field mapping' }));
    const views = screen.getByRole('combobox', { name: 'Column for Views' });
    expect(views).toHaveDisplayValue('D: 直播间观看次数');
    expect(screen.getByText(/Views are counted as view counts/)).toBeInTheDocument();
    await user.selectOptions(views, 'E: 直播间观看人数');
    expect(await screen.findByText(/Views are counted as unique viewers/)).toBeInTheDocument();
    expect(screen.getByText('corrected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset to automatic' }));
    expect(await screen.findByText(/Views are counted as view counts/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Column for Views' })).toHaveDisplayValue('D: 直播间观看次数');
  });
});

describe('write plan', () => {
  it('adds a live-formula sheet next to an existing one of the same name, then a values-only one', async () => {
    const gw = sampleGateway();
    await gw.addSheet({ baseName: 'Plan – Base', cells: [['my own notes']] });
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    await user.click(screen.getByRole('button', { name: 'Write plan' }));
    expect(await screen.findByText('Plan written to the new sheet “Plan – Base (2)”.')).toBeInTheDocument();
    expect(gw.cell('Plan – Base', 'A1')).toBe('my own notes');
    expect(gw.sheet('Plan – Base')?.cells).toEqual([['my own notes']]);
    const sheet = gw.sheet('Plan – Base (2)');
    const formulas = (sheet?.cells.flat() ?? []).filter(isFormulaCell).map((c) => c.formula);
    expect(formulas).toContain('=ADPLAN.PLAN(ADPLAN_History,ADPLAN_Assumptions,"Base")');
    expect(formulas).toContain('=ADPLAN.KPI(ADPLAN_History,ADPLAN_Assumptions,"peak_capital","Base")');
    expect(formulas.filter((f) => f.startsWith('=ADPLAN.KPI('))).toHaveLength(16);
    expect(sheet?.charts.map((c) => c.type)).toEqual(['column', 'line']);
    expect(gw.names.ADPLAN_History?.sheet).toBe(HISTORY_SHEET);
    expect(gw.names.ADPLAN_Assumptions?.sheet).toBe(ASSUMPTIONS_SHEET);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario to write' }), 'Aggressive');
    await user.click(screen.getByRole('checkbox', { name: /Values only/ }));
    await user.click(screen.getByRole('button', { name: 'Write plan' }));
    expect(await screen.findByText('Plan written to the new sheet “Plan – Aggressive”.')).toBeInTheDocument();
    const values = gw.sheet('Plan – Aggressive');
    expect((values?.cells.flat() ?? []).some(isFormulaCell)).toBe(false);
    const expected = engineOn(gw).scenarios.find((s) => s.name === 'Aggressive');
    const header = values?.cells.findIndex((r) => r[0] === 'date') ?? -1;
    const first = values?.cells[header + 1];
    expect(first?.[0]).toBe(expected?.days[0]?.date);
    expect(first?.[1]).toBe(expected?.days[0]?.spend);
    expect(values?.cells.length).toBe(header + 1 + (expected?.days.length ?? 0));
  });
});
