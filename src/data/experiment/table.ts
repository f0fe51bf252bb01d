/**
 * A small side table (实验结果, 实验计划): the header row among the top rows that names the most
 * known columns, each column found by its aliases (compared as headerKey forms), and an issue
 * helper that names the cell.
 */
import type { Text } from '../../i18n/text';
import { Locator } from '../formats';
import { isMissing } from '../cells';
import { excerpt } from '../table';
import { cellText, headerKey } from '../cells';
import type { Cell, DataIssue, RangeOrigin } from '../table';

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

export type AddIssue = (severity: DataIssue['severity'], message: Text, i?: number, j?: number, column?: string) => void;

export function issueAdder(cells: readonly (readonly Cell[])[], origin: RangeOrigin | undefined, issues: DataIssue[]): AddIssue {
  const loc = new Locator(origin);
  return (severity, message, i, j, column) => {
    const x: DataIssue = { severity, message };
    if (loc.sheet !== undefined) x.sheet = loc.sheet;
    if (i !== undefined) x.row = loc.row(i);
    if (i !== undefined && j !== undefined) {
      x.address = loc.address(i, j);
      const raw = cells[i]?.[j];
      if (!isMissing(raw)) x.value = excerpt(cellText(raw), 80);
    }
    if (column !== undefined) x.column = column;
    issues.push(x);
  };
}
