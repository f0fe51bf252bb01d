/**
 * Node edge: one merchant file → its row. Reads the workbook through the one opener (so a damaged
 * file says here what it says in `adplan plan`), plans the chosen scenario with the
 * engine, tiers it and drops the report. Never rejects: anything that stops this merchant
 * becomes an error row naming the file and what is wrong.
 */
import { loadMerchantFiles } from '../data/node';
import { scenariosFor } from '../data/assumptions';
import { buildPlanReport } from '../model/engine';
import { errorRow, plannedRow } from './row';
import type { PlanTask } from './task';
import type { MerchantRow } from './types';

export async function planFile(task: PlanTask): Promise<MerchantRow> {
  // Known once the files are read, so a row that fails later still shows the shop's name.
  let merchant: string | undefined;
  try {
    // The same reader as `adplan check`/`plan`: a workbook's 罗盘 and 千川 sheets are joined on the date.
    const files = task.members ?? [task];
    const read = await loadMerchantFiles(files.map((f) => ({ path: f.rawPath ? Buffer.from(f.rawPath) : f.path, shown: f.display, ...(f.identity ? { identity: f.identity } : {}) })));
    merchant = read.history.merchantName;
    const scenarios = scenariosFor({ fileName: task.display, ...(read.assumptions ? { assumptions: read.assumptions } : {}) }, task.assumptions);
    const history = read.history.history;
    const report = buildPlanReport({
      history,
      scenarios,
      ...(task.scenario !== undefined ? { scenario: task.scenario } : {}),
      ...(task.horizonDays !== undefined ? { horizonDays: task.horizonDays } : {}),
      runs: task.runs,
      seed: task.seed,
    });
    return plannedRow({
      file: task.display,
      report,
      history,
      scenarios,
      rowsSkipped: read.history.rowsSkipped,
      ...(merchant ? { merchant } : {}),
      ...(task.scenario !== undefined ? { scenario: task.scenario } : {}),
    });
  } catch (e) {
    const row = errorRow(task.display, e);
    return merchant ? { ...row, merchant } : row;
  }
}
