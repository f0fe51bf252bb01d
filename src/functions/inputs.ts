/**
 * Range and choice arguments: the history and assumptions tables go through the one reader
 * (src/data), cached on content; scenario, metric and option names are matched
 * case-insensitively and an unknown one is a lookup error (#N/A) that lists the valid ones.
 */
import { readAssumptions } from '../data/assumptions';
import { readHistory } from '../data/history';
import type { Cell, HistoryReadResult } from '../data/table';
import { text, type Lang } from '../i18n/text';
import type { Scenario } from '../model/settings';
import { AdplanError } from '../model/core';
import { Memo, contentKey } from './memo';
import { requiredNumber } from './args';
import { isMatrix, trimRange } from './trim';
import { plainCell, plainCells, rejectOddArg, type OddCell } from './cell-values';
import { withOddCells } from './cell-issues';

const histories = new Memo<HistoryReadResult>(32);
const assumptionTables = new Memo<Scenario[]>(32);

/** A table range, trimmed to its data (a whole-column A:R costs what the table costs), as plain cells. */
export function asMatrix(v: unknown, name: string): Cell[][] {
  return asPlainMatrix(v, name).cells;
}

/** asMatrix, with the error and data-type cells it held (cell-values.ts). */
function asPlainMatrix(v: unknown, name: string): { cells: Cell[][]; odd: OddCell[] } {
  if (isMatrix(v)) return plainCells(trimRange(v, true));
  throw new AdplanError(
    'input',
    text(
      `${name} must be a range including its header row (e.g. A1:K91), got a single value.`,
      `参数 ${name} 应为包含表头行的区域（如 A1:K91），而不是单个值。`,
    ),
    name,
  );
}

/**
 * The history table (header row included), read once per distinct content; with its content key.
 * Error and data-type cells are issues naming their cell (cell-issues.ts), never "[object Object]".
 */
export function historyArgKeyed(v: unknown, name = 'history'): { key: string; read: HistoryReadResult } {
  const { cells, odd } = asPlainMatrix(v, name);
  // An error cell and the same text typed in are different inputs (one is reported).
  const key = odd.length === 0 ? contentKey(cells) : contentKey(cells, odd.map((o) => [o.i, o.j, o.odd.kind]));
  return { key, read: histories.get(key, () => withOddCells(readHistory(cells), cells, odd)) };
}

export function historyArg(v: unknown, name = 'history'): HistoryReadResult {
  return historyArgKeyed(v, name).read;
}

/**
 * The assumptions table: scenarios with blanks inherited. An error in the table (a typo'd key,
 * text where a rate belongs) fails the formula with the cell named, rather than planning
 * on a silently dropped value.
 */
export function assumptionsArg(v: unknown, name = 'assumptions'): Scenario[] {
  return assumptionsArgKeyed(v, name).scenarios;
}

export function assumptionsArgKeyed(v: unknown, name = 'assumptions'): { key: string; scenarios: Scenario[] } {
  const cells = asMatrix(v, name);
  const key = contentKey(cells);
  const scenarios = assumptionTables.get(key, () => {
    const read = readAssumptions(cells);
    const error = read.issues.find((i) => i.severity === 'error');
    if (error) {
      const at = error.row !== undefined ? ` (row ${error.row} of ${name}${error.column ? `, ${error.column}` : ''})` : '';
      const atZh = error.row !== undefined ? `(${name} 第 ${error.row} 行${error.column ? `,${error.column}` : ''})` : '';
      throw new AdplanError('input', text(`${error.message['en-US']}${at}`, `${error.message['zh-CN']}${atZh}`), name);
    }
    return read.scenarios;
  });
  return { key, scenarios };
}

function scalarOf(v: unknown): unknown {
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v;
}

/** Trimmed text of an optional argument, or null when omitted/blank. */
export function optionalText(v: unknown): string | null {
  const x = plainCell(Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v);
  if (x === null || x === undefined || x === 0 || (typeof x === 'string' && x.trim() === '')) return null;
  return String(x).trim();
}

/** One of `allowed` (case-insensitive), `fallback` when omitted; else #N/A listing the choices. */
export function choiceArg<T extends string>(v: unknown, name: string, allowed: readonly T[], fallback?: T): T {
  rejectOddArg(scalarOf(v), name);
  const s = optionalText(v);
  if (s === null) {
    if (fallback !== undefined) return fallback;
    throw new AdplanError('input', text(`${name} is required: one of ${allowed.join(', ')}.`, `缺少参数 ${name}，可选值：${allowed.join('、')}。`), name);
  }
  const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
  if (hit) return hit;
  throw new AdplanError(
    'lookup',
    text(`Unknown ${name} "${s}". Valid: ${allowed.join(', ')}.`, `未知的 ${name}“${s}”。可选值：${allowed.join('、')}。`),
    name,
  );
}

/** A scenario by its column header; omitted ⇒ the first value column. */
export function scenarioArg(v: unknown, scenarios: readonly Scenario[]): Scenario {
  const first = scenarios[0];
  if (!first) {
    throw new AdplanError('input', text('The assumptions table has no scenario column.', '假设表中没有方案列。'), 'assumptions');
  }
  rejectOddArg(scalarOf(v), 'scenario');
  const s = optionalText(v);
  if (s === null) return first;
  const hit = scenarios.find((x) => x.name.trim().toLowerCase() === s.toLowerCase());
  if (hit) return hit;
  const names = scenarios.map((x) => x.name);
  throw new AdplanError(
    'lookup',
    text(`Unknown scenario "${s}". Scenarios in the table: ${names.join(', ')}.`, `未知方案“${s}”。假设表中的方案：${names.join('、')}。`),
    'scenario',
  );
}

/** A whole number in [min, max], `fallback` when omitted. */
export function intArg(v: unknown, name: string, min: number, max: number, fallback: number): number {
  const n = requiredNumber(v, name, { kind: 'count', fallback });
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AdplanError(
      'input',
      text(`${name} must be a whole number from ${min} to ${max}, got ${n}.`, `参数 ${name} 应为 ${min} 到 ${max} 之间的整数，实际为 ${n}。`),
      name,
    );
  }
  return n;
}

/** Header labels of a spilled table in the display language. */
export function labels<K extends string>(lang: Lang, table: Readonly<Record<K, readonly [string, string]>>, keys: readonly K[]): string[] {
  return keys.map((k) => (lang === 'zh-CN' ? table[k][1] : table[k][0]));
}
