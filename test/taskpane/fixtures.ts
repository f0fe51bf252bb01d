/** Workbooks for the workbench tests, built from the project's seeded sample merchant. */
import type { Cell } from '../../src/data/table';
import { generateMerchant } from '../../src/sample/merchant';
import { historyToCompassCells } from '../../src/sample/sheet';
import { sampleAssumptionCells, SAMPLE_ASSUMPTIONS_SHEET, SAMPLE_HISTORY_SHEET } from '../../src/sample/workbook';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';

export const HISTORY_SHEET = SAMPLE_HISTORY_SHEET;
export const ASSUMPTIONS_SHEET = SAMPLE_ASSUMPTIONS_SHEET;

export function sampleHistoryCells(seed = 1): Cell[][] {
  const { history } = generateMerchant(seed);
  return historyToCompassCells(history, { seed });
}

export function sampleGateway(opts: { assumptions?: boolean; history?: Cell[][] } = {}): MemoryGateway {
  const sheets: { name: string; cells: Cell[][] }[] = [{ name: HISTORY_SHEET, cells: opts.history ?? sampleHistoryCells() }];
  if (opts.assumptions !== false) sheets.push({ name: ASSUMPTIONS_SHEET, cells: sampleAssumptionCells() });
  return new MemoryGateway({ sheets, active: HISTORY_SHEET });
}
