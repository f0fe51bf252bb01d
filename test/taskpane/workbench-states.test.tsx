/**
 * The workbench over an in-memory workbook, error and empty states: invalid assumptions, no
 * assumptions or history table, failing gateways, issue links. (Split from workbench.test.tsx so
 * the two run on separate workers.)
 */
import { act, waitFor } from '@testing-library/react';
import { readHistory } from '../../src/data/history';
import type { Cell } from '../../src/data/table';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import { ASSUMPTIONS_SHEET, HISTORY_SHEET, sampleGateway, sampleHistoryCells } from './fixtures';
import { quoteSheet } from '../../src/taskpane/gateway/address';
import { renderPane, screen } from './render';

describe('error and empty states', () => {
  it('an invalid assumption blocks the plan and names the cell; no comparison is shown', async () => {
    const cells = sampleAssumptionCells();
    const row = cells.findIndex((r) => r[0] === 'cogs_rate');
    (cells[row] as Cell[])[3] = 'abc';
    const gw = sampleGateway();
    await gw.writeCells(ASSUMPTIONS_SHEET, 'A1', cells);
    renderPane(gw);
    expect(await screen.findByText(/No plan can be computed yet/)).toBeInTheDocument();
    // Where, as Excel writes it: the sheet and the cell.
    expect((await screen.findAllByRole('button', { name: `Go to ${quoteSheet(ASSUMPTIONS_SHEET)}!D${row + 1}` })).length).toBeGreaterThan(0);
    expect(screen.queryByRole('table', { name: 'Scenario comparison' })).toBeNull();
  });

  it('without an assumptions table it offers to create one, and the new sheet asks for the required keys', async () => {
    const gw = sampleGateway({ assumptions: false });
    const { user } = renderPane(gw);
    await user.click(await screen.findByRole('button', { name: 'Create assumptions sheet' }));
    await waitFor(() => expect(gw.sheet('AdPlan Assumptions')).toBeDefined());
    expect(gw.names.ADPLAN_Assumptions?.sheet).toBe('AdPlan Assumptions');
    expect(gw.cell('AdPlan Assumptions', 'A1')).toBe('key');
    expect(gw.cell('AdPlan Assumptions', 'E1')).toBe('Base');
    // The 大促冲刺 preset beside the three: it plans the built-in event windows too (event_plan all).
    expect(gw.cell('AdPlan Assumptions', 'H1')).toBe('Event push');
    // cogs_rate and cash_available are the merchant's own: the engine says so, naming the key.
    expect(await screen.findByText(/cogs_rate/, { selector: '[class*="MessageBar"] *' })).toBeInTheDocument();
  });

  it('no history table: says how to point at it; "Use selection" takes the selected range and names it', async () => {
    const history = sampleHistoryCells();
    const notes: Cell[][] = Array.from({ length: 12 }, (_, i) => [`note ${i + 1}`]);
    const gw = sampleGateway({ history: [...notes, ...history] }); // header on row 13: past the automatic scan
    const { user } = renderPane(gw);
    expect(await screen.findByText(/No history table found/)).toBeInTheDocument();
    // The reference is the built help page in the UI language, never a repository file.
    expect(screen.getByRole('link', { name: 'Accepted headers' }).getAttribute('href')).toBe('help/data.html#history');
    expect(screen.queryByRole('table', { name: 'Scenario comparison' })).toBeNull();
    const last = 12 + history.length;
    gw.selection = { sheet: HISTORY_SHEET, address: `A13:R${last}` };
    await user.click(screen.getByRole('button', { name: 'Use selection' }));
    expect(await screen.findByRole('table', { name: 'Scenario comparison' })).toBeInTheDocument();
    expect(gw.names.ADPLAN_History).toEqual({ sheet: HISTORY_SHEET, address: `A13:R${last}` });
    expect(screen.getByText(new RegExp(`Using the selection on sheet “${HISTORY_SHEET}” \\(A13:R${last}\\)`))).toBeInTheDocument();
  });

  it('"Use selection" on something that is not a history table says so', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    gw.selection = { sheet: ASSUMPTIONS_SHEET, address: 'A1:B3' };
    await user.click(screen.getByRole('button', { name: 'Use selection' }));
    expect(await screen.findByText(/Nothing usable is selected/)).toBeInTheDocument();
  });
});

describe('a history table the reader cannot use', () => {
  it.each([
    ['en-US', 'In ', 'Field mapping', 'Accepted headers', 'help/data.html#history'],
    ['zh-CN', '位置 ', '字段映射', '可识别的列名', 'help/data.zh-CN.html#history'],
  ] as const)('%s: says where (sheet!range), what is wrong, what to do, and links the built help page', async (lang, where, todo, link, href) => {
    const cells = sampleHistoryCells().map((r) => [...r]);
    const header = cells[0] as Cell[];
    const gmv = header.findIndex((h) => h === '直播间成交金额');
    expect(gmv).toBeGreaterThanOrEqual(0);
    header[gmv] = '备注'; // no longer a GMV header: the required column is missing
    renderPane(sampleGateway({ history: cells }), lang);
    const bar = (await screen.findByText((_, el) => el?.tagName !== 'SCRIPT' && /^(The history table cannot be read|无法读取历史数据表)$/u.test(el?.textContent ?? ''))).closest('.fui-MessageBar') as HTMLElement;
    expect(bar.textContent).toContain(`${where}${quoteSheet(HISTORY_SHEET)}!A1:`);
    expect(bar.textContent).toMatch(lang === 'zh-CN' ? /缺少必需的列/u : /Missing required column/u);
    expect(bar.textContent).toContain(todo);
    expect(bar.textContent).not.toMatch(/docs\/|\.md/u);
    const a = screen.getAllByRole('link', { name: link })[0] as HTMLElement;
    expect(a.getAttribute('href')).toBe(href);
  });
});

describe('workbook failures are shown, not thrown', () => {
  it('a gateway that cannot read shows the load error with a retry', async () => {
    const gw = sampleGateway();
    gw.listSheets = async () => {
      throw new Error('host went away');
    };
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderPane(gw);
    expect(await screen.findByText(/host went away/)).toBeInTheDocument();
    expect(error).toHaveBeenCalled();
    gw.listSheets = Object.getPrototypeOf(gw).listSheets.bind(gw);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Scenario comparison' })).toBeInTheDocument();
    error.mockRestore();
  });
});

describe('a workbook that cannot be read speaks to the user', () => {
  it.each([
    ['en-US', 'The workbook could not be read', `While reading sheet “${HISTORY_SHEET}”:`, 'Try again', 'reopen the workbook', '.xlsx or .csv', 'What AdPlan can read', 'help/data.html'],
    ['zh-CN', '无法读取工作簿', `读取工作表“${HISTORY_SHEET}”时：`, '重试', '重新打开工作簿', '.xlsx 或 .csv', 'AdPlan 能读取哪些数据', 'help/data.zh-CN.html'],
  ] as const)('%s: what went wrong, on which sheet, what to do, a help link, and a retry that works', async (lang, title, where, retry, reopen, kinds, link, href) => {
    const gw = sampleGateway();
    const read = gw.readUsedRange.bind(gw);
    let broken = true;
    gw.readUsedRange = async (sheet) => {
      if (broken && sheet === HISTORY_SHEET) throw new Error('host went away');
      return read(sheet);
    };
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { user } = renderPane(gw, lang);
    const bar = (await screen.findByText(title)).closest('.fui-MessageBar') as HTMLElement;
    expect(bar.textContent).toContain(where);
    expect(bar.textContent).toContain('host went away');
    expect(bar.textContent).toContain(reopen);
    expect(bar.textContent).toContain(kinds);
    expect(bar.textContent).not.toMatch(/docs\/|\.md/u);
    expect(screen.getByRole('link', { name: link }).getAttribute('href')).toBe(href);
    broken = false;
    await user.click(screen.getByRole('button', { name: retry }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText(title)).toBeNull();
    error.mockRestore();
  });

  it('names no sheet when the failure comes before any sheet is read', async () => {
    const gw = sampleGateway();
    gw.listSheets = async () => {
      throw new Error('host went away');
    };
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    renderPane(gw);
    const bar = (await screen.findByText('The workbook could not be read')).closest('.fui-MessageBar') as HTMLElement;
    expect(bar.textContent).not.toContain('While reading sheet');
    expect(bar.textContent).toContain('Try again');
    error.mockRestore();
  });
});

describe('issue links', () => {
  it('selects the offending cell in the workbook', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    const read = readHistory(sampleHistoryCells(), { sheet: HISTORY_SHEET });
    const withAddress = read.issues.find((i) => i.address);
    expect(withAddress).toBeDefined();
    await user.click(screen.getAllByRole('button', { name: `Go to ${quoteSheet(HISTORY_SHEET)}!${withAddress?.address}` })[0] as HTMLElement);
    await waitFor(() => expect(gw.selection).toEqual({ sheet: HISTORY_SHEET, address: withAddress?.address }));
    await act(async () => undefined);
  });
});
