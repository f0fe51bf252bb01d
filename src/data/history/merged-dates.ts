/**
 * What a whole pass over an .xlsx history sheet shows besides its rows (formats/xlsx/sheet-facts.ts),
 * applied to the read: a date cell merged down over several session rows is filled down, as Excel
 * shows it (a merged cell displays its value over the whole range; the file holds it once, in
 * the top cell), and formula cells without a saved value are named instead of reading as blanks.
 * Browser-safe.
 */
import { text } from '../../i18n/text';
import { columnLetters, type MergedRange, type PassFacts, type RowSource } from '../formats';
import { isMissing } from '../cells';
import type { Cell, DataIssue } from '../table';

/** The merged ranges that run down over more than one row of column `col`, below row `after` (0-based). */
export function mergedDown(merges: readonly MergedRange[], col: number, after: number): MergedRange[] {
  return merges.filter((m) => m.left <= col && m.right >= col && m.bottom > m.top && m.top > after).sort((a, b) => a.top - b.top);
}

/** Rows with each empty cell of `col` inside a merged range given the range's top value. Every pass reads from row 0 (the top value is needed). */
export function fillMergedDown(rows: RowSource, ranges: readonly MergedRange[], col: number): RowSource {
  return {
    *from(start: number) {
      let k = 0;
      let top: Cell = null;
      let r = -1;
      for (const row of rows.from(0)) {
        r++;
        while (k < ranges.length && (ranges[k] as MergedRange).bottom < r) k++;
        const m = ranges[k];
        let out = row;
        if (m && m.top === r) top = row[col] ?? null;
        else if (m && m.top < r && isMissing(row[col] ?? null) && !isMissing(top)) {
          const copy = row.slice();
          while (copy.length <= col) copy.push(null);
          copy[col] = top;
          out = copy;
        }
        if (r >= start) yield out;
      }
    },
  };
}

const list = (cells: readonly string[], count: number): string => cells.join(', ') + (count > cells.length ? ', …' : '');

/** The note that dates were filled down from merged cells. */
export function filledNote(ranges: readonly MergedRange[], col: number, sheet: string): DataIssue {
  const refs = ranges.slice(0, 10).map((m) => `${columnLetters(col + 1)}${m.top + 1}:${columnLetters(col + 1)}${m.bottom + 1}`);
  const shown = list(refs, ranges.length);
  return {
    severity: 'info',
    sheet,
    message: text(
      `the dates of ${ranges.length} merged cell(s) (${shown}) are filled down over their rows, as Excel shows them`,
      `${ranges.length} 个合并单元格（${shown}）中的日期已按 Excel 的显示向下填充到所合并的各行`,
    ),
  };
}

/** The warning naming formula cells without a saved value (null when there are none). */
export function uncachedNote(facts: PassFacts, sheet: string): DataIssue | null {
  if (facts.uncachedCount === 0) return null;
  const shown = list(facts.uncachedCells, facts.uncachedCount);
  return {
    severity: 'warning',
    sheet,
    message: text(
      `${facts.uncachedCount} formula cell(s) have no saved value (${shown}): they read as empty. The file was saved by a program that does not calculate formulas; open it in Excel and save it again.`,
      `${facts.uncachedCount} 个公式单元格没有保存计算结果（${shown}）：按空白读取。该文件由不计算公式的程序保存，请用 Excel 打开后重新保存。`,
    ),
  };
}
