/**
 * The workbench end to end over an in-memory workbook: it finds the sample merchant's data,
 * shows readiness before numbers, and its comparison equals the engine's for the same inputs.
 */
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import type { Cell } from '../../src/data/table';
import { buildPlanReport } from '../../src/model/engine';
import type { PlanReport } from '../../src/model/report';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import { sampleGateway, sampleHistoryCells } from './fixtures';
import { comparisonCell, renderPane, screen } from './render';

/** The engine on the sheets' cells, by the reader and engine directly (not through the pane). */
function engineReport(history: Cell[][], assumptions: Cell[][]): PlanReport {
  return buildPlanReport({ history: readHistory(history).history, scenarios: readAssumptions(assumptions).scenarios });
}

const money = (n: number, lang = 'en-US') => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
const pct = (n: number, lang = 'en-US') => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(n);

describe('comparison equals the engine', () => {
  const expected = engineReport(sampleHistoryCells(), sampleAssumptionCells());

  it.each([
    ['en-US', 'Scenario comparison', 'Total profit', 'Peak capital', 'Probability of a loss'],
    ['zh-CN', '情景对比', '总利润', '峰值资金占用', '亏损概率'],
  ] as const)('%s: one column per scenario, the engine’s numbers in each', async (lang, title, profit, capital, loss) => {
    renderPane(sampleGateway(), lang);
    const table = await screen.findByRole('table', { name: title });
    for (const s of expected.scenarios) {
      expect(comparisonCell(table, profit, s.name)).toBe(money(s.kpis.totalProfit, lang));
      expect(comparisonCell(table, capital, s.name)).toBe(money(s.kpis.peakCapital, lang));
      expect(comparisonCell(table, loss, s.name)).toBe(pct(s.risk?.pLoss ?? NaN, lang));
    }
    expect(expected.scenarios.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive']);
  });

  it('marks the best value of a row and says which way is better', async () => {
    renderPane(sampleGateway());
    const table = await screen.findByRole('table', { name: 'Scenario comparison' });
    const profits = expected.scenarios.map((s) => s.kpis.totalProfit);
    const best = expected.scenarios[profits.indexOf(Math.max(...profits))]?.name as string;
    const row = [...table.querySelectorAll('tr[data-row="totalProfit"] td')];
    const marked = row.filter((td) => td.getAttribute('data-best') === 'true');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.getAttribute('title')).toBe(money(Math.max(...profits)));
    expect(marked[0]?.textContent).toContain('best');
    expect(row[0]?.textContent).toContain('higher is better');
    expect(table.querySelector('tr[data-row="peakCapital"] td')?.textContent).toContain('lower is better');
    expect(best).toBeTruthy();
  });
});

describe('readiness comes first', () => {
  it('says "not ready" with reasons before any spend number when the history is too short', async () => {
    const all = sampleHistoryCells();
    const short = [all[0] as Cell[], ...all.slice(-20)]; // the last week or so, with paid spend
    renderPane(sampleGateway({ history: short }));
    const verdict = await screen.findByText(/Not ready to scale: make organic sales stable first/);
    const table = await screen.findByRole('table', { name: 'Scenario comparison' });
    // The verdict precedes the table in reading order.
    expect(verdict.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const report = engineReport(short, sampleAssumptionCells());
    expect(report.baseline.ready).toBe(false);
    for (const r of report.baseline.reasons) expect(screen.getAllByText(r['en-US'], { exact: false }).length).toBeGreaterThan(0);
  });

  it('zh-CN: 暂不放量 with the Chinese reasons, even when no plan can be made at all', async () => {
    const short = sampleHistoryCells().slice(0, 12); // a few days, no paid spend yet
    renderPane(sampleGateway({ history: short }), 'zh-CN');
    await screen.findByText(/暂不放量：先把自然流做稳/);
    expect(() => engineReport(short, sampleAssumptionCells())).toThrow(/paid_roi_initial/);
    expect(screen.getByText(/暂时无法计算计划/)).toBeInTheDocument();
    expect(screen.getAllByText(/天/).length).toBeGreaterThan(0);
    expect(screen.getByText(/paid_roi_initial/)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: '情景对比' })).toBeNull();
  });

  it('the sample merchant is ready, and the charts load lazily below the numbers', async () => {
    renderPane(sampleGateway());
    expect(await screen.findByText(/Ready to scale: organic sales are stable/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Cash balance per scenario' })).toBeInTheDocument();
    expect(screen.queryByText('The charts could not be loaded.')).toBeNull();
  });
});
