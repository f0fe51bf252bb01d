/**
 * The browser preview's sheet view (issue 26 item 8): a live plan written by the workbench shows
 * what Excel would — the spill's values on every day (the ramp days were blank: the KPI block's
 * padding blanked them), each under its number format (¥ and thousands, ratios, real dates).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { readAssumptions } from '../../src/data/assumptions';
import { displayValue } from '../../src/data/formats';
import { buildPlanReport } from '../../src/model/engine';
import { SheetView } from '../../src/preview/SheetView';
import { generateMerchant } from '../../src/sample/merchant';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import { planLabels } from '../../src/taskpane/components/WritePlanPanel';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { makeI18n } from '../../src/taskpane/i18n';
import { KPI_COLUMN, PLAN_COLUMNS, planSheet, PLAN_ROW } from '../../src/taskpane/state/planSheet';

const { history } = generateMerchant(1);
const scenarios = readAssumptions(sampleAssumptionCells()).scenarios;
const report = buildPlanReport({ history, scenarios, runs: 0 });
const plan = report.scenarios[0]!;

async function shownPlan(valuesOnly: boolean): Promise<HTMLElement> {
  const gw = new MemoryGateway({ sheets: [{ name: '直播数据', cells: [['x']] }] });
  const name = await gw.addSheet(planSheet(plan, planLabels(makeI18n('zh-CN'), '基准', valuesOnly, '2026-12-07'), valuesOnly));
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetView gateway={gw} lang="zh-CN" />
    </FluentProvider>,
  );
  return screen.getByRole('table', { name });
}

/** The text of the cell at a 1-based sheet row and column. */
function cellText(table: HTMLElement, row: number, column: number): string {
  const tr = within(table).getAllByRole('row')[row]!; // row 0 is the column letters
  return within(tr).getAllByRole('cell')[column - 1]?.textContent ?? '';
}

const col = (key: (typeof PLAN_COLUMNS)[number]): number => PLAN_COLUMNS.indexOf(key) + 1;

describe.each([false, true])('the preview sheet view of a written plan (values only: %s)', (valuesOnly) => {
  it('shows every day of the plan, the ramp days included, with its formats', async () => {
    const table = await shownPlan(valuesOnly);
    const firstDay = PLAN_ROW + 1;
    expect(plan.days[0]!.limit).toBe('ramp');
    // The first (ramp) day: a real date, money with ¥ and thousands, a ratio with two decimals.
    expect(cellText(table, firstDay, col('date'))).toBe(plan.days[0]!.date);
    expect(cellText(table, firstDay, col('spend'))).toBe(`¥${Math.round(plan.days[0]!.spend).toLocaleString('en-US')}`);
    expect(cellText(table, firstDay, col('roi'))).toBe(plan.days[0]!.roi!.toFixed(2));
    expect(cellText(table, firstDay, col('limit'))).toBe(valuesOnly ? '爬坡' : 'ramp');
    // No day is blank, under the KPI block's rows or below them.
    plan.days.slice(0, 40).forEach((d, i) => expect([i, cellText(table, firstDay + i, col('date'))]).toEqual([i, d.date]));
    // The KPI block beside it: its label and its formatted value.
    expect(cellText(table, firstDay, KPI_COLUMN)).toBe('总消耗');
    expect(cellText(table, firstDay, KPI_COLUMN + 1)).toBe(`¥${Math.round(plan.kpis.totalSpend).toLocaleString('en-US')}`);
  });
});

describe('displayValue: what a cell shows under the formats AdPlan writes', () => {
  it.each([
    [1234.56, '"¥"#,##0', '¥1,235'],
    [-1234.56, '"¥"#,##0', '-¥1,235'],
    [1234567, '#,##0', '1,234,567'],
    [0.1234, '0.0%', '12.3%'],
    [5.6426, '0.00', '5.64'],
    [78, '0', '78'],
    [45442, 'yyyy-mm-dd', '2024-05-30'],
    [new Date('2024-05-30T00:00:00Z'), 'yyyy-mm-dd', '2024-05-30'],
    [new Date('2024-05-30T00:00:00Z'), undefined, '2024-05-30'],
    [3.141592653589793, undefined, '3.141592654'],
    ['ramp', '0.00', 'ramp'],
    [null, '0.00', ''],
  ] as const)('%p under %p → %p', (v, code, out) => {
    expect(displayValue(v, code)).toBe(out);
  });
});
