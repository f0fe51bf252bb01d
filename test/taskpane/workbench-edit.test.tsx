/**
 * Editing through the pane: every change lands in the workbook (the single source of truth) and
 * the comparison follows — assumptions. (Split from one file so the suites run on separate workers.)
 */
import { waitFor } from '@testing-library/react';
import * as engine from '../../src/model/engine';
import { engineOn, keyRow, money } from './edit-helpers';
import { ASSUMPTIONS_SHEET, sampleGateway } from './fixtures';
import { comparisonCell, renderPane, screen } from './render';

// Charts have their own test (charts.test.tsx); here they would only slow every re-render.
jest.mock('../../src/taskpane/charts/ScenarioCharts', () => ({ __esModule: true, default: () => null }));

describe('assumption edit round-trip', () => {
  it.each([
    ['en-US', 'Cost of goods (share of price)', 'Scenario comparison', 'Total profit'],
    ['zh-CN', '商品成本率', '情景对比', '总利润'],
  ] as const)('%s: typed in the pane → written to the sheet → recomputed', async (lang, label, title, profit) => {
    const gw = sampleGateway();
    const { user } = renderPane(gw, lang);
    await screen.findByRole('table', { name: title });
    const row = keyRow(gw, 'cogs_rate');
    expect(gw.cell(ASSUMPTIONS_SHEET, `D${row}`)).toBe(0.35);
    const input = screen.getByLabelText(label);
    expect(input).toHaveValue('35%');
    await user.clear(input);
    await user.type(input, '40'); // rates are typed as % (40 → 0.4)
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, `D${row}`)).toBe(0.4));
    const expected = engineOn(gw);
    await waitFor(() => {
      const table = screen.getByRole('table', { name: title });
      expect(comparisonCell(table, profit, 'Base')).toBe(money(expected.scenarios[0]?.kpis.totalProfit ?? NaN, lang));
    });
  });

  it('rejects what is not a valid value, with the unit’s rule, and leaves the sheet alone', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    const row = keyRow(gw, 'cogs_rate');
    const input = screen.getByLabelText('Cost of goods (share of price)');
    await user.clear(input);
    await user.type(input, 'abc');
    expect(await screen.findByText('Enter a number (a rate may be written 5%).')).toBeInTheDocument();
    await user.clear(input);
    // One input event: typed key by key, a slow (loaded) machine can commit a valid prefix ("1" or "15", i.e. 1% or 15%).
    await user.paste('150');
    expect(await screen.findByText(/cogs_rate must be ≥ 0% and ≤ 100%, found 150%$/)).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 600));
    expect(gw.cell(ASSUMPTIONS_SHEET, `D${row}`)).toBe(0.35);
    // A percentage is a rate: 40% lands as 0.4.
    await user.clear(input);
    await user.type(input, '40%');
    await waitFor(() => expect(gw.cell(ASSUMPTIONS_SHEET, `D${row}`)).toBe(0.4));
  });

  it('recomputes for edits to its inputs only, not for edits elsewhere in the workbook', async () => {
    const gw = sampleGateway();
    await gw.addSheet({ baseName: 'Notes', cells: [['my notes']] });
    const spy = jest.spyOn(engine, 'buildPlanReport');
    renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    gw.edit('Notes', 'A2', 'more notes');
    await new Promise((r) => setTimeout(r, 1000));
    expect(spy).toHaveBeenCalledTimes(1);
    gw.edit(ASSUMPTIONS_SHEET, `D${keyRow(gw, 'cash_available')}`, 90000);
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(2));
    spy.mockRestore();
  });

  it('follows edits made in the sheet itself', async () => {
    const gw = sampleGateway();
    renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    gw.edit(ASSUMPTIONS_SHEET, `D${keyRow(gw, 'cash_available')}`, 60000);
    const expected = engineOn(gw);
    await waitFor(() => expect(screen.getByLabelText('Cash available')).toHaveValue('60000'));
    await waitFor(() => {
      const table = screen.getByRole('table', { name: 'Scenario comparison' });
      expect(comparisonCell(table, 'Minimum cash', 'Base')).toBe(money(expected.scenarios[0]?.kpis.minCash ?? NaN));
    });
  });
});
