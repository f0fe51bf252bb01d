/** Shared by the pane-editing suites (workbench-edit, -scenarios, -mapping). */
import type { Cell } from '../../src/data/table';
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import { buildPlanReport } from '../../src/model/engine';
import type { PlanReport } from '../../src/model/report';
import type { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { isFormulaCell } from '../../src/taskpane/gateway/types';
import { ASSUMPTIONS_SHEET, HISTORY_SHEET } from './fixtures';
import { screen, type renderPane } from './render';

export const money = (n: number, lang = 'en-US') => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);

/** The engine on what the workbook holds now, read straight from the sheets. */
export function engineOn(gw: MemoryGateway, history = HISTORY_SHEET): PlanReport {
  const used = (name: string) => gw.sheet(name)?.cells.map((r) => r.map((c) => (isFormulaCell(c) ? null : c))) as Cell[][];
  return buildPlanReport({ history: readHistory(used(history)).history, scenarios: readAssumptions(used(ASSUMPTIONS_SHEET)).scenarios });
}

export function keyRow(gw: MemoryGateway, key: string): number {
  return (gw.sheet(ASSUMPTIONS_SHEET)?.cells.findIndex((r) => r[0] === key) ?? -2) + 1;
}

/** Clicks a toolbar button and returns the inline form it opens. */
export async function openDialog(user: ReturnType<typeof renderPane>['user'], button: string): Promise<HTMLElement> {
  // The assumptions editor loads with the pane's lower panels (lazy): wait for its buttons.
  await user.click(await screen.findByRole('button', { name: button }));
  return screen.findByRole('form');
}

export function headerRow(gw: MemoryGateway): Cell[] {
  return (gw.sheet(ASSUMPTIONS_SHEET)?.cells[0] ?? []) as Cell[];
}
