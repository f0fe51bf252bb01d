/** Renders the pane over a gateway in one language, as the Excel entry point would. */
import { webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang } from '../../src/i18n/text';
import { App } from '../../src/taskpane/App';
import { makeI18n, presetName } from '../../src/taskpane/i18n';
import type { WorkbookGateway } from '../../src/taskpane/gateway/types';

export function renderPane(gateway: WorkbookGateway, lang: Lang = 'en-US') {
  const user = userEvent.setup();
  const view = render(<App gateway={gateway} lang={lang} theme={webLightTheme} />);
  return { user, ...view };
}

/**
 * The comparison table's value for a row (by its metric label) and a scenario column: the exact
 * amount of a compact money cell (its title), else the cell's text.
 */
export function comparisonCell(table: HTMLElement, metric: string, scenario: string): string {
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent ?? '');
  // A built-in preset is headed in the pane's language (Base → 基准 in zh-CN).
  const names = [scenario, presetName(makeI18n('zh-CN'), scenario)];
  const col = headers.findIndex((h) => names.includes(h));
  if (col < 0) throw new Error(`No column ${scenario} in ${headers.join(', ')}`);
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryAllByRole('cell')[0]?.textContent?.startsWith(metric));
  if (!row) throw new Error(`No row ${metric}`);
  const cell = within(row).getAllByRole('cell')[col];
  const exact = cell?.getAttribute('title');
  return exact ?? (cell?.textContent ?? '').replace(/\s*(best|最优)$/, '');
}

export { screen, within };
