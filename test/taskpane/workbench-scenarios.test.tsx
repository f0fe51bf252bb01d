/**
 * Editing through the pane: every change lands in the workbook (the single source of truth) and
 * the comparison follows — scenario columns, keyboard. (Split from one file so the suites run on separate workers.)
 */
import { waitFor, within } from '@testing-library/react';
import { engineOn, headerRow, keyRow, money, openDialog } from './edit-helpers';
import { ASSUMPTIONS_SHEET, sampleGateway } from './fixtures';
import { comparisonCell, renderPane, screen } from './render';

// Charts have their own test (charts.test.tsx); here they would only slow every re-render.
jest.mock('../../src/taskpane/charts/ScenarioCharts', () => ({ __esModule: true, default: () => null }));

describe('scenario columns', () => {
  it('add, rename, duplicate and delete a scenario, each written to the sheet', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
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
    await screen.findByRole('columnheader', { name: 'Stretch' });
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
    expect(await screen.findByRole('columnheader', { name: 'Push' })).toBeInTheDocument();

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
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Push' })).toBeNull());
    expect(engineOn(gw).scenarios.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive', 'Conservative copy']);
  });

  it('zh-CN: the scenario toolbar and dialog speak Chinese', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw, 'zh-CN');
    await screen.findByRole('table', { name: '情景对比' });
    await user.click(screen.getByRole('button', { name: '添加' }));
    const dialog = await screen.findByRole('form', undefined);
    const name = within(dialog).getByLabelText('情景名称');
    await user.clear(name);
    await user.type(name, '稳健');
    await user.click(within(dialog).getByRole('button', { name: '确定' }));
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, 'G1')).toBe('稳健'));
    expect(await screen.findByRole('columnheader', { name: '稳健' })).toBeInTheDocument();
  });
});

describe('keyboard', () => {
  // Tab order itself is left to the browser tests: Fluent's focus manager (tabster) does not
  // move focus on Tab in jsdom.
  it('opens the scenario form with Enter, submits with Enter, cancels with Escape', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    screen.getByRole('button', { name: 'Add' }).focus();
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', undefined);
    expect(within(form).getByLabelText('Scenario name')).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}Night{Enter}');
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, 'G1')).toBe('Night'));
    expect(screen.queryByRole('form')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await screen.findByRole('form', undefined);
    await user.keyboard('{Control>}a{/Control}Day{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(gw.cell(ASSUMPTIONS_SHEET, 'G1')).toBe('Night');
  });
});
