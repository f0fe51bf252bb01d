/** The pane answers first: compact numbers, the action card's facts, and its place at the top. */
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import { buildPlanReport } from '../../src/model/engine';
import type { PlanReport, ScenarioReport } from '../../src/model/report';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import { compactMoney } from '../../src/taskpane/i18n';
import { actionFacts } from '../../src/taskpane/state/action';
import { sampleGateway, sampleHistoryCells } from './fixtures';
import { renderPane, screen } from './render';

const report: PlanReport = buildPlanReport({ history: readHistory(sampleHistoryCells()).history, scenarios: readAssumptions(sampleAssumptionCells()).scenarios });

describe('compact money', () => {
  it.each([
    ['zh-CN', 1_203_456, '¥120.3万'],
    ['zh-CN', 123_456_789, '¥1.2亿'],
    ['zh-CN', 8_432, '¥8,432'],
    ['zh-CN', -45_000, '-¥4.5万'],
    ['en-US', 1_203_456, '¥1.2M'],
    ['en-US', 8_432, '¥8,432'],
  ] as const)('%s %d → %s', (lang, n, out) => {
    expect(compactMoney(lang, n)).toBe(out);
  });
});

describe('action facts', () => {
  const base = report.scenarios[0] as ScenarioReport;

  it('the ramp: first budget, steepest raise, the level reached and when — read off the plan days', () => {
    const f = actionFacts(report, base);
    const spends = base.days.map((d) => d.spend);
    const peak = Math.max(...spends);
    expect(f.ramp?.target).toBe(peak);
    expect(f.ramp?.start).toBe(spends.find((s) => s > 0));
    expect(base.days.find((d) => d.date === f.ramp?.reachedOn)?.spend ?? 0).toBeGreaterThanOrEqual(peak * 0.99);
  });

  it('shows the 全域 target when the engine reports it, and P(loss) of the paid spend when present', () => {
    const withRoom: ScenarioReport = {
      ...base,
      economics: { ...base.economics, targets: { roomRoi: 3.2, roomRoiNet: 2.6, dailyBudget: 5000 }, roomBreakEvenRoi: 2.1 },
      risk: base.risk ? { ...base.risk, pLossIncremental: 0.12 } : undefined,
    };
    const room: PlanReport = { ...report, curve: { ...report.curve, basis: 'whole-room' } };
    const f = actionFacts(room, { ...withRoom, curveBasis: 'whole-room' });
    expect(f.roomTarget).toEqual({ roi: 3.2, net: 2.6, budget: 5000 });
    expect(f.roomBreakEven).toBe(2.1);
    // A direct (非全域) account is not told to set a 全域 target.
    expect(actionFacts({ ...report, curve: { ...report.curve, basis: 'direct' } }, { ...withRoom, curveBasis: 'direct' }).roomTarget).toBeNull();
    if (base.risk) expect(f.pLoss).toEqual({ p: 0.12, paidOnly: true });
  });

  it('without those fields: no target, and the whole plan’s P(loss) labelled as such', () => {
    const plain: ScenarioReport = { ...base, economics: { ...base.economics, targets: { roomRoi: null, roomRoiNet: null, dailyBudget: 0 }, roomBreakEvenRoi: null } };
    if (plain.risk) delete (plain.risk as { pLossIncremental?: number }).pLossIncremental;
    const f = actionFacts(report, plain);
    expect(f.roomTarget).toBeNull();
    if (plain.risk) expect(f.pLoss?.paidOnly).toBe(false);
  });
});

it('the action card comes before the comparison, in Chinese, with compact numbers and no jargon', async () => {
  renderPane(sampleGateway(), 'zh-CN');
  const card = await screen.findByTestId('action-card', {}, { timeout: 30000 });
  const table = await screen.findByRole('table', { name: '情景对比' }, { timeout: 30000 });
  expect(card.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(card.textContent).toMatch(/日预算/u);
  expect(card.textContent).toMatch(/¥[\d.]+万|¥[\d,]+/u);
  expect(card.textContent).not.toMatch(/S\*|λ|θ|R²/u);
  // Model details are folded away (and load on demand).
  const details = (await screen.findByText('模型细节', {}, { timeout: 30000 })).closest('details');
  expect(details?.open).toBe(false);
});

it('a merchant spending above the plan sees the cut with its size, not "keep"', async () => {
  const { render } = await import('@testing-library/react');
  const { ActionCard } = await import('../../src/taskpane/components/ActionCard');
  const { I18nProvider } = await import('../../src/taskpane/i18n');
  const base = report.scenarios[0] as ScenarioReport;
  const budget = base.economics.targets.dailyBudget;
  const cut: ScenarioReport = { ...base, recentSpend: 2 * budget };
  const view = render(
    <I18nProvider lang="zh-CN">
      <ActionCard report={{ ...report, scenarios: [cut] }} />
    </I18nProvider>,
  );
  const card = view.getByTestId('action-card').textContent ?? '';
  expect(card).toContain('降到');
  expect(card).toContain('（−50%）');
  expect(card).not.toContain('保持每天');
});

it('the card opens with one confidence statement; a good back-test is never shown as trust in the budget', async () => {
  const { render } = await import('@testing-library/react');
  const { ActionCard } = await import('../../src/taskpane/components/ActionCard');
  const { I18nProvider } = await import('../../src/taskpane/i18n');
  const base = report.scenarios[0] as ScenarioReport;
  const wide: PlanReport = { ...report, curve: { ...report.curve, sStarInterval: [1000, 40000] }, scenarios: [base] };
  const good = { mape: 0.08, bias: 0, naiveMape: 0.3, paidMape: null, grade: 'good' as const, reasons: [], origins: [], verdict: { 'en-US': '', 'zh-CN': '' } };
  const view = render(
    <I18nProvider lang="zh-CN">
      <ActionCard report={wide} backtest={good} />
    </I18nProvider>,
  );
  const line = view.getByTestId('action-confidence');
  expect(line.getAttribute('data-level')).toBe('test-first');
  expect(line.textContent).toMatch(/^可信度：只能当起点/u);
  expect(line.textContent).toContain('不能据此定预算');
  expect(line.textContent).toContain('只检验了已花过的消耗水平下的成交预测');
  // It comes before the action items.
  const card = view.getByTestId('action-card');
  expect(card.querySelector('p')).toBe(line);
});

it('headlines say what they count: the ads’ incremental profit, capital against not advertising with the lowest cash, 1 note', async () => {
  const { render } = await import('@testing-library/react');
  const { ActionCard } = await import('../../src/taskpane/components/ActionCard');
  const { QualityReport } = await import('../../src/taskpane/components/QualityReport');
  const { I18nProvider } = await import('../../src/taskpane/i18n');
  const base = report.scenarios[0] as ScenarioReport;
  const view = render(
    <I18nProvider lang="zh-CN">
      <ActionCard report={{ ...report, scenarios: [{ ...base, kpis: { ...base.kpis, paybackDay: base.days.length + 1, peakCapital: 50_000 } }] }} />
    </I18nProvider>,
  );
  const card = view.getByTestId('action-card').textContent ?? '';
  expect(card).toContain(`投放带来的增量利润：${compactMoney('zh-CN', base.kpis.incrementalProfit!)}`);
  expect(card).toContain('计划期内回不了本');
  expect(card).toContain(`账上现金最低 ${compactMoney('zh-CN', base.kpis.minCash)}`);
  const read = readHistory(sampleHistoryCells());
  const one = { ...read, issues: [{ severity: 'info' as const, message: { 'en-US': 'x', 'zh-CN': 'x' } }] };
  const q = render(
    <I18nProvider lang="en-US">
      <QualityReport read={one} onSelect={() => undefined} />
    </I18nProvider>,
  );
  expect(q.container.textContent).toContain('0 errors · 0 warnings · 1 note');
});
