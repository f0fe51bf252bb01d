/**
 * Node edge: one merchant file → its row. Reads the workbook, plans the chosen scenario with the
 * engine, tiers it and drops the report. Never rejects: anything that stops this merchant
 * becomes an error row naming the file and what is wrong.
 */
import { open } from 'node:fs/promises';
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
