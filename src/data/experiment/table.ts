/**
 * A small side table (实验结果, 实验计划): the header row among the top rows that names the most
 * known columns, each column found by its aliases (compared as headerKey forms), and an issue
 * helper that names the cell.
 */
import { headerKey } from '../cells';
import type { Cell } from '../table';

const HEADER_SEARCH_ROWS = 10;

export interface SideTable<K extends string> {
  headerIndex: number;
  columns: Partial<Record<K, number>>;
  /** The header text of each found column, for messages. */
  names: Partial<Record<K, string>>;
}

export function findColumns<K extends string>(cells: readonly (readonly Cell[])[], aliases: Record<K, readonly string[]>): SideTable<K> | null {
  const keys = Object.keys(aliases) as K[];
  const want = new Map<string, K>();
  for (const k of keys) for (const a of aliases[k]) want.set(headerKey(a), k);
  let best: SideTable<K> | null = null;
  let bestCount = 1;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, cells.length); i++) {
    const columns: Partial<Record<K, number>> = {};
    const names: Partial<Record<K, string>> = {};
    (cells[i] ?? []).forEach((c, j) => {
      if (typeof c !== 'string') return;
      const k = want.get(headerKey(c));
      if (k !== undefined && columns[k] === undefined) {
        columns[k] = j;
        names[k] = c.trim();
      }
    });
    const count = Object.keys(columns).length;
    if (count > bestCount) {
      best = { headerIndex: i, columns, names };
      bestCount = count;
    }
  }
  return best;
}

export { issueAdder, type AddIssue } from '../table';
