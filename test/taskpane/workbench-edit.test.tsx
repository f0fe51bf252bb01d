/**
 * Editing through the pane: every change lands in the workbook (the single source of truth) and
 * the comparison follows — assumptions, scenario columns, field mapping, writing the plan.
 */
import { waitFor, within } from '@testing-library/react';
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import type { Cell } from '../../src/data/types';
import * as engine from '../../src/model/engine';
import { buildPlanReport } from '../../src/model/engine';
import type { PlanReport } from '../../src/model/report';
import type { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { isFormulaCell } from '../../src/taskpane/gateway/types';
import { ASSUMPTIONS_SHEET, HISTORY_SHEET, sampleGateway, sampleHistoryCells } from './fixtures';
import { comparisonCell, renderPane, screen } from './render';

// Charts have their own test (charts.test.tsx); here they would only slow every re-render.
jest.mock('../../src/taskpane/charts/ScenarioCharts', () => ({ __esModule: true, default: () => null }));

const money = (n: number, lang = 'en-US') => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
const LONG = { timeout: 5000 };

/** The engine on what the workbook holds now, read straight from the sheets. */
function engineOn(gw: MemoryGateway, history = HISTORY_SHEET): PlanReport {
  const used = (name: string) => gw.sheet(name)?.cells.map((r) => r.map((c) => (isFormulaCell(c) ? null : c))) as Cell[][];
  return buildPlanReport({ history: readHistory(used(history)).history, scenarios: readAssumptions(used(ASSUMPTIONS_SHEET)).scenarios });
}

function keyRow(gw: MemoryGateway, key: string): number {
  return (gw.sheet(ASSUMPTIONS_SHEET)?.cells.findIndex((r) => r[0] === key) ?? -2) + 1;
}

/** Clicks a toolbar button and returns the inline form it opens. */
async function openDialog(user: ReturnType<typeof renderPane>['user'], button: string): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: button }));
  return screen.findByRole('form', undefined, LONG);
}

function headerRow(gw: MemoryGateway): Cell[] {
  return (gw.sheet(ASSUMPTIONS_SHEET)?.cells[0] ?? []) as Cell[];
}

describe('assumption edit round-trip', () => {
  it.each([
    ['en-US', 'Cost of goods (share of price)', 'Scenario comparison', 'Total profit'],
    ['zh-CN', '商品成本率', '情景对比', '总利润'],
  ] as const)('%s: typed in the pane → written to the sheet → recomputed', async (lang, label, title, profit) => {
    const gw = sampleGateway();
    const { user } = renderPane(gw, lang);
    await screen.findByRole('table', { name: title }, LONG);
    const row = keyRow(gw, 'cogs_rate');
    expect(gw.cell(ASSUMPTIONS_SHEET, `D${row}`)).toBe(0.35);
    const input = screen.getByLabelText(label);
    expect(input).toHaveValue('0.35');
    await user.clear(input);
    await user.type(input, '0.4');
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, `D${row}`)).toBe(0.4), LONG);
    const expected = engineOn(gw);
    await waitFor(() => {
      const table = screen.getByRole('table', { name: title });
      expect(comparisonCell(table, profit, 'Base')).toBe(money(expected.scenarios[0]?.kpis.totalProfit ?? NaN, lang));
    }, LONG);
  });

  it('rejects what is not a valid value, with the unit’s rule, and leaves the sheet alone', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' }, LONG);
    const row = keyRow(gw, 'cogs_rate');
    const input = screen.getByLabelText('Cost of goods (share of price)');
    await user.clear(input);
    await user.type(input, 'abc');
    expect(await screen.findByText('Enter a number (a rate may be written 5%).')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '1.5');
    expect(await screen.findByText(/cogs_rate must be ≥ 0 .* and ≤ 1 .*found 1.5/)).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 600));
    expect(gw.cell(ASSUMPTIONS_SHEET, `D${row}`)).toBe(0.35);
    // A percentage is a rate: 40% lands as 0.4.
    await user.clear(input);
    await user.type(input, '40%');
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, `D${row}`)).toBe(0.4), LONG);
  });

  it('recomputes for edits to its inputs only, not for edits elsewhere in the workbook', async () => {
    const gw = sampleGateway();
    await gw.addSheet({ baseName: 'Notes', cells: [['my notes']] });
    const spy = jest.spyOn(engine, 'buildPlanReport');
    renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' }, LONG);
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1), LONG);
    gw.edit('Notes', 'A2', 'more notes');
    await new Promise((r) => setTimeout(r, 1000));
    expect(spy).toHaveBeenCalledTimes(1);
    gw.edit(ASSUMPTIONS_SHEET, `D${keyRow(gw, 'cash_available')}`, 90000);
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(2), LONG);
    spy.mockRestore();
  });

  it('follows edits made in the sheet itself', async () => {
    const gw = sampleGateway();
    renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' }, LONG);
    gw.edit(ASSUMPTIONS_SHEET, `D${keyRow(gw, 'cash_available')}`, 60000);
    const expected = engineOn(gw);
    await waitFor(() => expect(screen.getByLabelText('Cash available')).toHaveValue('60000'), LONG);
    await waitFor(() => {
      const table = screen.getByRole('table', { name: 'Scenario comparison' });
      expect(comparisonCell(table, 'Minimum cash', 'Base')).toBe(money(expected.scenarios[0]?.kpis.minCash ?? NaN));
    }, LONG);
  });
});

describe('scenario columns', () => {
  it('add, rename, duplicate and delete a scenario, each written to the sheet', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' }, LONG);
    const notes = headerRow(gw)[6];
    expect(headerRow(gw).slice(3, 7)).toEqual(['Base', 'Conservative', 'Aggressive', notes]);
    // The user's own formulas in the table must survive every edit (moved, never flattened).
    const cogs = keyRow(gw, 'cogs_rate');
    const aggressive = { formula: `=D${cogs}*0.9`, result: 0.315 };
    const note = { formula: '="landed cost "&TEXT(D2,"0%")', result: 'landed cost 35%' };
    gw.edit(ASSUMPTIONS_SHEET, `F${cogs}`, aggressive);
    gw.edit(ASSUMPTIONS_SHEET, `G${cogs}`, note);

    // Add: a blank column before the notes; blanks inherit Base.
    const dialog = await openDialog(user, 'Add');
    const name = within(dialog).getByLabelText('Scenario name');
    expect(name).toHaveValue('Scenario 4');
    await user.clear(name);
    await user.type(name, 'Stretch');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(headerRow(gw).slice(3, 8)).toEqual(['Base', 'Conservative', 'Aggressive', 'Stretch', notes]));
    const rows = gw.sheet(ASSUMPTIONS_SHEET)?.cells.length ?? 0;
    expect(gw.names.ADPLAN_Assumptions).toEqual({ sheet: ASSUMPTIONS_SHEET, address: `A1:H${rows}` });
    await screen.findByRole('columnheader', { name: 'Stretch' }, LONG);
    const base = engineOn(gw).scenarios;
    expect(base.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive', 'Stretch']);
    await waitFor(() => {
      const t = screen.getByRole('table', { name: 'Scenario comparison' });
      expect(comparisonCell(t, 'Total profit', 'Stretch')).toBe(money(base[3]?.kpis.totalProfit ?? NaN));
    });

    // Rename: a taken name is refused; a free one lands in the header cell.
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveDisplayValue('Stretch');
    const rename = await openDialog(user, 'Rename');
    const field = within(rename).getByLabelText('Scenario name');
    await user.clear(field);
    await user.type(field, 'base');
    expect(within(rename).getByText('Another scenario already has this name.')).toBeInTheDocument();
    expect(within(rename).getByRole('button', { name: 'OK' })).toBeDisabled();
    await user.clear(field);
    await user.type(field, 'Push{Enter}');
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, 'G1')).toBe('Push'));
    expect(await screen.findByRole('columnheader', { name: 'Push' }, LONG)).toBeInTheDocument();

    // Duplicate Conservative: its values are copied into the new column.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'Conservative');
    const dup = await openDialog(user, 'Duplicate');
    expect(within(dup).getByLabelText('Scenario name')).toHaveValue('Conservative copy');
    await user.click(within(dup).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, 'H1')).toBe('Conservative copy'));
    // The pane moves to the new scenario.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveDisplayValue('Conservative copy'));
    const sm = keyRow(gw, 'safety_margin');
    expect(gw.cell(ASSUMPTIONS_SHEET, `H${sm}`)).toBe(gw.cell(ASSUMPTIONS_SHEET, `E${sm}`));

    expect(gw.raw(ASSUMPTIONS_SHEET, `F${cogs}`)).toEqual(aggressive);
    expect(gw.raw(ASSUMPTIONS_SHEET, `I${cogs}`)).toEqual(note);

    // Delete Push: the columns right of it move left (Excel's delete › shift cells left).
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'Push');
    const del = await openDialog(user, 'Delete');
    expect(within(del).getByText('Delete scenario “Push”?')).toBeInTheDocument();
    await user.click(within(del).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(headerRow(gw).slice(3, 9)).toEqual(['Base', 'Conservative', 'Aggressive', 'Conservative copy', notes]));
    expect(gw.raw(ASSUMPTIONS_SHEET, `F${cogs}`)).toEqual(aggressive);
    expect(gw.raw(ASSUMPTIONS_SHEET, `H${cogs}`)).toEqual(note);
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Push' })).toBeNull(), LONG);
    expect(engineOn(gw).scenarios.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive', 'Conservative copy']);
  });

  it('zh-CN: the scenario toolbar and dialog speak Chinese', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw, 'zh-CN');
    await screen.findByRole('table', { name: '情景对比' }, LONG);
    await user.click(screen.getByRole('button', { name: '添加' }));
    const dialog = await screen.findByRole('form', undefined, LONG);
    const name = within(dialog).getByLabelText('情景名称');
    await user.clear(name);
    await user.type(name, '稳健');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, 'G1')).toBe('稳健'));
    expect(await screen.findByRole('columnheader', { name: '稳健' }, LONG)).toBeInTheDocument();
  });
});

describe('keyboard', () => {
  // Tab order itself is left to the browser tests: Fluent's focus manager (tabster) does not
  // move focus on Tab in jsdom.
  it('opens the scenario form with Enter, submits with Enter, cancels with Escape', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' }, LONG);
    screen.getByRole('button', { name: 'Add' }).focus();
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', undefined, LONG);
    expect(within(form).getByLabelText('Scenario name')).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}Night{Enter}');
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, 'G1')).toBe('Night'));
    expect(screen.queryByRole('form')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await screen.findByRole('form', undefined, LONG);
    await user.keyboard('{Control>}a{/Control}Day{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(gw.cell(ASSUMPTIONS_SHEET, 'G1')).toBe('Night');
  });
});

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
    expect((await screen.findAllByText(missing, undefined, LONG)).length).toBeGreaterThan(0);
    expect(screen.queryByRole('table', { name: title })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: picker }), 'L: Sales total');
    const table = await screen.findByRole('table', { name: title }, LONG);
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
    await screen.findByRole('table', { name: 'Scenario comparison' }, LONG);
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
    await screen.findByRole('table', { name: 'Scenario comparison' }, LONG);
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
