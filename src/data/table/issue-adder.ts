/**
 * The one way a side-table reader records a finding on a cell: sheet, row, A1 address and the
 * cell's text (an excerpt), so every message names what the user typed and where.
 */
import type { Text } from '../../i18n/text';
import { Locator, type Cell, type RangeOrigin } from '../formats';
import { cellText, isMissing } from '../cells';
import { excerpt } from './excerpt';
import type { DataIssue } from './types';

export type AddIssue = (severity: DataIssue['severity'], message: Text, i?: number, j?: number, column?: string) => void;

/** An adder that appends to `issues`; i, j are 0-based indices into `cells` (the origin places them). */
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
