/**
 * Which scenarios a merchant's file is planned with: its own assumptions table, else a shared
 * one (`--assumptions FILE`, a provider's standard table for a belt of CSV exports), else an
 * error saying what to add. An error in the table used is an error of the plan: the first
 * one is named by cell, never silently dropped. One rule for `adplan plan` and `portfolio`.
 */
import { text } from '../../i18n/text';
import type { Scenario } from '../../model/settings';
import { AdplanError } from '../../model/core';
import type { AssumptionsReadResult, DataIssue } from '../table';

export interface SharedAssumptions {
  /** The file it came from, for messages. */
  source: string;
  read: AssumptionsReadResult;
}

function where(x: DataIssue): string {
  const cell = x.address ?? (x.row !== undefined ? `row ${x.row}` : (x.column ?? ''));
  return x.sheet ? `${x.sheet}!${cell}` : cell;
}

/** Throws the table's first error (and how many more there are) naming its cell. */
export function checkAssumptions(read: AssumptionsReadResult, source: string): Scenario[] {
  const errors = read.issues.filter((x) => x.severity === 'error');
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? [` (+${errors.length - 1} more)`, `（另有 ${errors.length - 1} 处）`] : ['', ''];
    throw new AdplanError(
      'input',
      text(
        `${source}: assumptions table ${where(first)}: ${first.message['en-US']}${more[0]}`,
        `${source}：假设表 ${where(first)}：${first.message['zh-CN']}${more[1]}`,
      ),
      'assumptions',
    );
  }
  return read.scenarios;
}

export function scenariosFor(file: { fileName: string; assumptions?: AssumptionsReadResult }, shared?: SharedAssumptions): Scenario[] {
  if (file.assumptions) return checkAssumptions(file.assumptions, file.fileName);
  if (shared) return checkAssumptions(shared.read, shared.source);
  throw new AdplanError(
    'input',
    text(
      `${file.fileName} has no assumptions table: add a sheet with key | Base (| Conservative | Aggressive) — at least cogs_rate and cash_available — or pass --assumptions FILE.`,
      `${file.fileName} 中没有假设表：请添加“键 | 基准（| 稳健 | 进取）”工作表，至少填写商品成本率与可用资金，或使用 --assumptions 指定假设文件。`,
    ),
    'assumptions',
  );
}
