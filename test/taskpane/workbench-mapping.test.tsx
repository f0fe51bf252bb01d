/**
 * Editing through the pane: every change lands in the workbook (the single source of truth) and
 * the comparison follows — field mapping, writing the plan. (Split from one file so the suites run on separate workers.)
 */
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import type { Cell } from '../../src/data/table';
import { PLAN_DAY_COLUMNS } from '../../src/model/report';
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
    await user.selectOptions(await screen.findByRole('combobox', { name: picker }), 'L: Sales total');
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
    await user.click(await screen.findByRole('button', { name: 'Field mapping' }));
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
    // A real date (formatted yyyy-mm-dd), not text.
    expect(first?.[0]).toEqual(new Date(`${expected?.days[0]?.date}T00:00:00Z`));
    expect(first?.[1]).toBe(expected?.days[0]?.spend);
    expect(values?.cells.length).toBe(header + 1 + (expected?.days.length ?? 0));
    const formats = new Map((values?.layout?.formats ?? []).map((f) => [f.range.replace(/\d+/gu, ''), f.format]));
    expect(formats.get('A:A')).toBe('yyyy-mm-dd');
    expect(formats.get('B:B')).toBe('#,##0'); // spend: money, en-US
    expect(formats.get('F:F')).toBe('#,##0'); // orders
    expect(formats.get('I:I')).toBe('0.00'); // ROI
    expect(values?.layout?.freezeRows).toBe(header + 1);
  });

  it('in Chinese: sheet name, headers, limits and presets in Chinese; money in ¥; the live spill caches what PLAN returns', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw, 'zh-CN');
    await screen.findByRole('table', { name: '情景对比' });
    await user.click(screen.getByRole('button', { name: '写入计划' }));
    expect(await screen.findByText(/投放计划 – Base/)).toBeInTheDocument();
    const live = gw.sheet('投放计划 – Base')!;
    const spill = live.cells.flat().find((c) => isFormulaCell(c) && c.spill);
    const rows = isFormulaCell(spill) ? (spill.spill ?? []) : [];
    // PLAN's zh-CN header and its stable limit keys; dates as the serial numbers PLAN returns.
    expect(rows[0]?.slice(0, 11)).toEqual(['日期', '消耗', '付费成交', '自然成交', '总成交', '订单数', '利润', '现金余额', '投产比', '边际投产比', '约束']);
    expect(rows[0]).toEqual(PLAN_DAY_COLUMNS.map((c) => c.label['zh-CN']));
    expect(typeof rows[1]?.[0]).toBe('number');
    expect(['target', 'ramp', 'cash', 'capacity', 'extrapolation', 'max']).toContain(rows[1]?.[10]);
    const money = live.layout?.formats?.find((f) => f.range.startsWith('B'))?.format;
    expect(money).toBe('"¥"#,##0');

    await user.click(screen.getByRole('checkbox', { name: /仅写入数值/ }));
    await user.click(screen.getByRole('button', { name: '写入计划' }));
    const values = await waitForSheet(gw, '投放计划 – Base (2)');
    const header = values.cells.findIndex((r) => r[0] === '日期');
    expect(header).toBeGreaterThan(0);
    const limits = new Set(values.cells.slice(header + 1).map((r) => r[10]));
    for (const l of limits) expect(['目标', '爬坡', '现金', '产能', '外推', '上限']).toContain(l);
    expect(values.cells.flat()).toContain('总利润');
  });
});

async function waitForSheet(gw: ReturnType<typeof sampleGateway>, name: string) {
  await screen.findByText(new RegExp(name.replace(/[()]/gu, '\\$&')));
  const s = gw.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

