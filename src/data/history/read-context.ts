/**
 * What the history reader knows about the table it reads, and how it reports an issue. An issue on
 * the row being read takes its value excerpt from that row; one on an earlier row (a day's first
 * row, a totals row) is filled in by one more pass over the rows at the end, so no row is kept.
 */
import { plural, text, type Text } from '../../i18n/text';
import { groupDigits } from '../../i18n/number';
import { LIMITS } from '../formats';
import type { Locator } from '../formats';
import type { Family } from '../families';
import type { ColumnMapping } from '../table';
import type { DimensionColumns } from '../families';
import type { FoldStore, Layout, NumericField } from './day-fold';
import type { NumberKind } from '../cells';
import { detach } from '../formats';
import { excerpt } from '../table';
import { cellText } from '../cells';
import type { RowSource } from '../formats';
import type { Cell, DataIssue, HistoryField } from '../table';

export interface NumericColumn {
  field: NumericField;
  col: number;
  core: boolean;
  count: boolean;
  scale: number;
  kind: NumberKind;
}

export interface Ctx {
  loc: Locator;
  map: ColumnMapping;
  /** The table's rows: walked in order; never kept. */
  rows: RowSource;
  headerRow: readonly Cell[];
  /** The row being read (its issues take their value from it). */
  current: { index: number; row: readonly Cell[] } | null;
  issues: DataIssue[];
  /** Issues listed so far, and those past LIMITS.issuesListed (counted, not kept), per severity. */
  counts: Record<DataIssue['severity'], { listed: number; unlisted: number }>;
  /** Issues whose value is a cell of an earlier row: filled by `fillExcerpts`. */
  deferred: { out: DataIssue; index: number; col: number }[];
  /** The mapped numeric fields with their column, computed once per table. */
  numeric: NumericColumn[];
  layout: Layout;
  folds: FoldStore;
  dims: DimensionColumns;
  family: Family;
  /** The workbook's serial dates count from 1904 (RangeOrigin.date1904). */
  date1904: boolean;
}

export function issue(
  ctx: Ctx,
  severity: DataIssue['severity'],
  message: Text,
  at?: { index: number; field?: HistoryField; col?: number },
): DataIssue {
  const out: DataIssue = { severity, message };
  if (ctx.loc.sheet !== undefined) out.sheet = ctx.loc.sheet;
  // Only a listed issue has its value looked up (an unlisted one would cost a pass for nothing).
  const shown = listed(ctx, severity);
  if (at) {
    out.row = ctx.loc.row(at.index);
    const col = at.col ?? (at.field !== undefined ? ctx.map.columns[at.field] : undefined);
    if (col !== undefined) {
      out.address = ctx.loc.address(at.index, col);
      out.column = detach(cellText(ctx.headerRow[col]).trim());
      if (at.index !== ctx.map.headerIndex) {
        if (ctx.current?.index === at.index) out.value = excerpt(cellText(ctx.current.row[col]), 80);
        else if (shown) ctx.deferred.push({ out, index: at.index, col });
      }
    }
  }
  if (shown) ctx.issues.push(out);
  return out;
}

/** Whether one more issue of this severity is listed (the first LIMITS.issuesListed are). */
function listed(ctx: Ctx, severity: DataIssue['severity']): boolean {
  const c = ctx.counts[severity];
  if (c.listed < LIMITS.issuesListed) {
    c.listed++;
    return true;
  }
  c.unlisted++;
  return false;
}

export const freshCounts = (): Ctx['counts'] => ({ error: { listed: 0, unlisted: 0 }, warning: { listed: 0, unlisted: 0 }, info: { listed: 0, unlisted: 0 } });

/**
 * One line per severity that had more issues than are listed, saying how many, appended after
 * the listed ones (never taken for "the first error" of a table).
 */
export function unlistedNotes(ctx: Ctx): void {
  ctx.issues.push(...unlistedIssues(ctx.counts, ctx.loc.sheet));
}

/** The lines unlistedNotes appends, for any reader that keeps the same counts. */
export function unlistedIssues(counts: Ctx['counts'], sheet: string | undefined): DataIssue[] {
  const names = { error: ['error', 'errors', '个错误'], warning: ['warning', 'warnings', '个警告'], info: ['note', 'notes', '条说明'] } as const;
  const lines: DataIssue[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const more = counts[severity].unlisted;
    if (more === 0) continue;
    const [one, many, zh] = names[severity];
    const en = plural(more, one, many);
    const out: DataIssue = {
      severity,
      message: text(
        `${groupDigits(more)} more ${en} like the ones listed (the first ${groupDigits(LIMITS.issuesListed)} are listed)`,
        `另有 ${more} ${zh}与所列类似（只列出前 ${LIMITS.issuesListed} 个）`,
      ),
      more,
    };
    if (sheet !== undefined) out.sheet = sheet;
    lines.push(out);
  }
  return lines;
}

/** The value excerpts of issues on earlier rows: one pass over the rows, only when there are any. */
export function fillExcerpts(ctx: Ctx): void {
  if (ctx.deferred.length === 0) return;
  const wanted = new Map<number, { out: DataIssue; col: number }[]>();
  let from = Infinity;
  let to = -1;
  for (const d of ctx.deferred) {
    const list = wanted.get(d.index);
    if (list) list.push(d);
    else wanted.set(d.index, [d]);
    from = Math.min(from, d.index);
    to = Math.max(to, d.index);
  }
  let i = from;
  for (const row of ctx.rows.from(from)) {
    for (const d of wanted.get(i) ?? []) d.out.value = excerpt(cellText(row[d.col]), 80);
    if (++i > to) break;
  }
  ctx.deferred = [];
}
