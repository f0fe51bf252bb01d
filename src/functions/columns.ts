/**
 * Numeric column arguments (spend, paid_gmv, gmv …): a single row or column range, parsed the
 * way the reader parses cells. Blank rows (null, or 0 on desktop builds that send 0 for blanks,
 * on both sides) are dropped pairwise so two columns stay aligned.
 */
import { parseNumber, type NumberKind } from '../data/cells';
import type { Cell } from '../data/table';
import { text } from '../i18n/text';
import { AdplanError } from '../model/core';
import { isMatrix, trimRange } from './trim';

/** Flattens a 1-column or 1-row range (or a scalar) to a list of cells. */
export function vectorCells(v: unknown, name: string): Cell[] {
  if (!Array.isArray(v)) return [v as Cell];
  if (!isMatrix(v)) return v as Cell[];
  // Whole columns (A:A) arrive as 1,048,576 rows: trailing blanks dropped first, no spreading.
  const m = trimRange(v, false) as Cell[][];
  let width = 0;
  for (const r of m) width = Math.max(width, r.length);
  if (m.length === 1) return (m[0] ?? []).slice();
  if (width <= 1) return m.map((r) => r[0]);
  throw new AdplanError(
    'input',
    text(`${name} must be a single column or row (got ${m.length}×${width}).`, `参数 ${name} 应为单列或单行区域（实际为 ${m.length}×${width}）。`),
    name,
  );
}

/** Parses one cell of a numeric column; null for blank. */
export function columnNumber(c: Cell, name: string, index: number, kind: NumberKind): number | null {
  const p = parseNumber(c, kind);
  if (!p.ok || (p.value !== null && p.value < 0)) {
    throw new AdplanError(
      'input',
      text(
        `${name}: value ${index + 1} must be a number ≥ 0, got "${String(c)}".`,
        `参数 ${name}：第 ${index + 1} 个值应为不小于 0 的数，实际为“${String(c)}”。`,
      ),
      name,
    );
  }
  return p.value;
}

/**
 * Two aligned numeric columns: same length required; a row blank on both sides is skipped; a
 * row blank on one side only is an error (which value is missing would otherwise be guessed).
 */
export function pairedColumns(
  a: unknown,
  aName: string,
  b: unknown,
  bName: string,
  kind: NumberKind = 'money',
): { a: number[]; b: number[] } {
  const ca = vectorCells(a, aName);
  const cb = vectorCells(b, bName);
  // Two ranges of one size may trim to different lengths: the shorter one's tail is blank.
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    while (ca.length < cb.length) ca.push(null);
    while (cb.length < ca.length) cb.push(null);
  }
  if (ca.length !== cb.length) {
    throw new AdplanError(
      'input',
      text(
        `${aName} and ${bName} must have the same number of cells (got ${ca.length} and ${cb.length}).`,
        `参数 ${aName} 与 ${bName} 的单元格数量应相同（实际为 ${ca.length} 和 ${cb.length}）。`,
      ),
      bName,
    );
  }
  const outA: number[] = [];
  const outB: number[] = [];
  for (let i = 0; i < ca.length; i++) {
    const x = columnNumber(ca[i], aName, i, kind);
    const y = columnNumber(cb[i], bName, i, kind);
    if (x === null && y === null) continue;
    if (x === null || y === null) {
      const which = x === null ? aName : bName;
      throw new AdplanError(
        'input',
        text(`${which}: value ${i + 1} is blank while the other column has a value.`, `参数 ${which}：第 ${i + 1} 个值为空，而另一列有数值。`),
        which,
      );
    }
    outA.push(x);
    outB.push(y);
  }
  return { a: outA, b: outB };
}
