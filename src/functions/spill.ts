/**
 * Shapes tables for Excel: rectangular, "" where a cell should look blank (a null shows as 0),
 * and never NaN or Infinity (a non-finite number is a bug upstream; it must not reach a cell).
 */
import { text } from '../i18n/text';
import { AdplanError } from '../model/core';

export type SpillValue = string | number | boolean | null | undefined;
export type Spill = (string | number | boolean)[][];

export function toSpill(rows: readonly (readonly SpillValue[])[]): Spill {
  // A loop, not Math.max(...rows): a plan or a trimmed range can hold more rows than a call takes arguments.
  let width = 1;
  for (const r of rows) if (r.length > width) width = r.length;
  return rows.map((r) => {
    const out: (string | number | boolean)[] = [];
    for (let j = 0; j < width; j++) out.push(finiteCell(r[j]));
    return out;
  });
}

function finiteCell(v: SpillValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && !Number.isFinite(v)) throw nonFinite();
  return v;
}

/** A single number for a cell: null (no answer, e.g. no payback) becomes "" and non-finite fails. */
export function toNumberCell(v: number | null): number | string {
  if (v === null) return '';
  if (!Number.isFinite(v)) throw nonFinite();
  return v;
}

function nonFinite(): AdplanError {
  return new AdplanError(
    'math',
    text('The calculation produced no finite number for these inputs.', '按这些输入计算不出有限的数值。'),
  );
}
