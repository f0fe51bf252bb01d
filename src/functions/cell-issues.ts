/**
 * Error and data-type cells of a history range as issues of the history read, through the data
 * layer's one cell-addressed issue builder (issueAdder: row, A1 address, the cell's text). Where
 * the reader already flagged the cell (text where a number belongs: the row is skipped), its issue
 * keeps its severity and takes the clearer message; elsewhere the cell is a warning (a #N/A reads
 * as blank, an entity in a text column as its name).
 */
import { LIMITS, Locator } from '../data/formats';
import { issueAdder, type Cell, type DataIssue, type HistoryReadResult } from '../data/table';
import { text } from '../i18n/text';
import { oddCellMessage, type OddCell } from './cell-values';

/** Per read: the issues of its error and data-type cells the reader did not flag itself (warnings). */
const unflagged = new WeakMap<HistoryReadResult, DataIssue[]>();

/** The error and data-type cells a function should mention although no row was skipped for them. */
export function oddCellWarnings(read: HistoryReadResult): readonly DataIssue[] {
  return unflagged.get(read) ?? [];
}

export function withOddCells(read: HistoryReadResult, cells: readonly (readonly Cell[])[], odd: readonly OddCell[]): HistoryReadResult {
  if (odd.length === 0) return read;
  const found: DataIssue[] = [];
  const add = issueAdder(cells, undefined, found);
  // The same locator the reader uses for a bare range, so both name the cell alike.
  const loc = new Locator();
  for (const o of odd.slice(0, LIMITS.issuesListed)) add('warning', oddCellMessage(loc.address(o.i, o.j), o.odd), o.i, o.j);
  const byAddress = new Map(found.map((x) => [x.address, x]));
  const issues = read.issues.map((r) => {
    const mine = r.address !== undefined ? byAddress.get(r.address) : undefined;
    if (!mine) return r;
    byAddress.delete(r.address);
    return { ...r, message: mine.message };
  });
  const rest = [...byAddress.values()];
  const more = odd.length - LIMITS.issuesListed;
  if (more > 0) rest.push({ severity: 'warning', message: text(`${more} more error or data-type cells like these`, `另有 ${more} 个类似的错误值或数据类型单元格`), more });
  const out = { ...read, issues: [...rest, ...issues] };
  unflagged.set(out, rest);
  return out;
}
