/**
 * Node edge: one merchant file → its row. Reads the workbook, plans the chosen scenario with the
 * engine, tiers it and drops the report. Never rejects: anything that stops this merchant
 * becomes an error row naming the file and what is wrong.
 */
import { open } from 'node:fs/promises';
import { loadWorkbookFile } from '../data/file';
import { scenariosFor } from '../data/scenarios-for';
import { text } from '../i18n/text';
import { buildPlanReport } from '../model/engine';
import { AdplanError } from '../model/errors';
import { errorRow, plannedRow } from './row';
import type { PlanTask } from './task';
import type { MerchantRow } from './types';

/** First bytes of an .xlsx (a zip archive): "PK\x03\x04". */
async function isZipFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(4);
    const { bytesRead } = await fh.read(b, 0, 4, 0);
    return bytesRead === 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  } finally {
    await fh.close();
  }
}

/**
 * The reader sniffs content, so a damaged .xlsx is read as text and reported as "missing
 * columns"; name the real problem instead.
 */
async function notAWorkbook(task: PlanTask): Promise<AdplanError | null> {
  if (!/\.xlsx$/iu.test(task.path) || (await isZipFile(task.path))) return null;
  return new AdplanError(
    'input',
    text(
      `${task.display} is not a valid .xlsx workbook (not a zip archive): it may be damaged or renamed; export it again from Excel.`,
      `${task.display} 不是有效的 .xlsx 工作簿（不是 zip 压缩包）：文件可能已损坏或被改名，请从 Excel 重新导出。`,
    ),
    'file',
  );
}

export async function planFile(task: PlanTask): Promise<MerchantRow> {
  try {
    const read = await loadWorkbookFile(task.path);
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
      ...(task.scenario !== undefined ? { scenario: task.scenario } : {}),
    });
  } catch (e) {
    try {
      return errorRow(task.display, (await notAWorkbook(task)) ?? e);
    } catch (e2) {
      // The file vanished or cannot be opened at all: that error says it.
      return errorRow(task.display, e2);
    }
  }
}
