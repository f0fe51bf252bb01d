/**
 * Node edge: one merchant file → its row. Reads the workbook, plans the chosen scenario with the
 * engine, tiers it and drops the report. Never rejects: anything that stops this merchant
 * becomes an error row naming the file and what is wrong.
 */
import { loadWorkbookFile } from '../data/file';
import type { DataIssue } from '../data/types';
import { text, type Text } from '../i18n/text';
import { buildPlanReport } from '../model/engine';
import { AdplanError } from '../model/errors';
import { errorRow, plannedRow } from './row';
import type { PlanTask } from './task';
import type { MerchantRow } from './types';

function where(x: DataIssue): string {
  const cell = x.address ?? (x.row !== undefined ? `row ${x.row}` : (x.column ?? ''));
  return x.sheet ? `${x.sheet}!${cell}` : cell;
}

/** The assumptions table's first error (and how many there are), as one message. */
function assumptionsError(file: string, errors: readonly DataIssue[]): Text | null {
  const first = errors[0];
  if (!first) return null;
  const at = where(first);
  const more = errors.length > 1 ? text(` (+${errors.length - 1} more)`, `（另有 ${errors.length - 1} 处）`) : text('', '');
  return text(
    `${file}: assumptions table ${at}: ${first.message['en-US']}${more['en-US']}`,
    `${file}：假设表 ${at}：${first.message['zh-CN']}${more['zh-CN']}`,
  );
}

export async function planFile(task: PlanTask): Promise<MerchantRow> {
  try {
    const read = await loadWorkbookFile(task.path);
    const scenarios = read.assumptions?.scenarios ?? [];
    const bad = assumptionsError(task.display, (read.assumptions?.issues ?? []).filter((x) => x.severity === 'error'));
    if (bad) throw new AdplanError('input', bad);
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
      ...(task.scenario !== undefined ? { scenario: task.scenario } : {}),
    });
  } catch (e) {
    return errorRow(task.display, e);
  }
}
