/** The 全域 action card leads with the recommended 净成交ROI target and folds the target table behind it. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import { buildPlanReport } from '../../src/model/engine';
import { actionText } from '../../src/model/plan';
import { generateRoomMerchant } from '../../src/sample/room-merchant';
import { ActionCard } from '../../src/taskpane/components/ActionCard';
import { I18nProvider } from '../../src/taskpane/i18n';

const { history } = generateRoomMerchant(31, { preAdDays: 10, days: 100 });
const report = buildPlanReport({ history, scenarios: [{ name: 'Base', values: { cogs_rate: 0.3, cash_available: 300000 } }], runs: 0 });

it('全域: the engine sentence (净成交 first), then the compact target table with the recommended row marked', () => {
  const s = report.scenarios[0]!;
  expect(s.targets?.recommended).not.toBeNull();
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang="zh-CN">
        <ActionCard report={report} />
      </I18nProvider>
    </FluentProvider>,
  );
  const card = screen.getByTestId('action-card');
  expect(card.textContent).toMatch(/设置 净成交ROI 目标 [\d.]+.支付ROI [\d.]+.按近 30 天净成交率/u);
  expect(actionText(s)['zh-CN']).toMatch(/^设置 净成交ROI 目标/u);
  const table = within(card).getByTestId('target-table');
  expect((table as HTMLDetailsElement).open).toBe(false);
  const rows = within(table).getAllByRole('row');
  expect(rows).toHaveLength(s.targets!.rows.length + 1);
  const marked = rows.filter((r) => r.getAttribute('aria-current') === 'true');
  expect(marked).toHaveLength(1);
  expect(rows.indexOf(marked[0]!) - 1).toBe(s.targets!.recommended);
  // Four compact columns: target, spend P50, profit P10, profit P50.
  expect(within(rows[0]!).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['净成交ROI目标', '日消耗 P50', '增量利润 P10', '增量利润 P50']);
});
