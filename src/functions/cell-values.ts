/**
 * Values Excel hands a custom function that are not plain cells. functions.json sets
 * allowErrorForDataTypeAny (and the generator sets allowCustomDataForDataTypeAny), so an `any`
 * parameter may receive an error cell (a CustomFunctions.Error, or the data-type form
 * `{ type: "Error", basicValue: "#DIV/0!" }`) or a data type (`{ type: "Entity", text: … }`,
 * `{ type: "FormattedNumber", basicValue: 12.5 }` …). Each becomes a plain cell here, so nothing
 * downstream ever shows "[object Object]"; errors and entities are also reported, by cell.
 */
import type { Cell } from '../data/table';
import { text, type Text } from '../i18n/text';
import { AdplanError } from '../model/core';

/** A cell that held an Excel error or a data type: what it is and the text it stands for. */
export type OddValue = { kind: 'error'; code: string } | { kind: 'entity'; shown: string };

/** Data types that only dress a plain value (a formatted number is still a number). */
const PLAIN_TYPES = new Set(['Double', 'FormattedNumber', 'String', 'Boolean']);

function isPrimitive(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Null for a plain cell; else what the object is. */
export function oddValue(v: unknown): OddValue | null {
  if (typeof v !== 'object' || v === null || v instanceof Date || Array.isArray(v)) return null;
  const o = v as { type?: unknown; basicType?: unknown; basicValue?: unknown; errorType?: unknown; code?: unknown; text?: unknown };
  const isRuntimeError = typeof CustomFunctions !== 'undefined' && v instanceof CustomFunctions.Error;
  if (isRuntimeError || o.type === 'Error' || o.basicType === 'Error') {
    const code = [o.basicValue, o.code, o.errorType].find((c): c is string => typeof c === 'string' && c !== '');
    return { kind: 'error', code: code ?? '#VALUE!' };
  }
  if (typeof o.type === 'string' && PLAIN_TYPES.has(o.type) && isPrimitive(o.basicValue)) return null;
  const shown = [o.text, o.basicValue, o.type].find((c) => isPrimitive(c) && String(c) !== '');
  return { kind: 'entity', shown: shown === undefined ? 'data type' : String(shown) };
}

/** The plain cell a value stands for: the basic value of a plain data type, an error's code, an entity's text. */
export function plainCell(v: unknown): Cell {
  const odd = oddValue(v);
  if (odd) return odd.kind === 'error' ? odd.code : odd.shown;
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) return (v as { basicValue: Cell }).basicValue;
  return v as Cell;
}

/** What a range held that was not plain: its position (0-based, in the trimmed range) and kind. */
export interface OddCell {
  i: number;
  j: number;
  odd: OddValue;
}

/** A range as plain cells, copied only when it holds an object; the error and data-type cells listed. */
export function plainCells(m: readonly unknown[][]): { cells: Cell[][]; odd: OddCell[] } {
  const odd: OddCell[] = [];
  let out: Cell[][] | null = null;
  for (let i = 0; i < m.length; i++) {
    const row = m[i];
    if (!Array.isArray(row)) continue;
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'object' || v === null || v instanceof Date) continue;
      out ??= m.map((r) => (Array.isArray(r) ? [...(r as Cell[])] : []));
      const o = oddValue(v);
      if (o) odd.push({ i, j, odd: o });
      out[i]![j] = plainCell(v);
    }
  }
  return { cells: out ?? (m as Cell[][]), odd };
}

/** The message for an error or data-type cell at `address` (the address is set too). */
export function oddCellMessage(address: string, odd: OddValue): Text {
  if (odd.kind === 'error') {
    return text(
      `${address} holds the Excel error ${odd.code}, not a value: correct the formula that gives it, or clear the cell.`,
      `${address} 是 Excel 错误值 ${odd.code}，不是数值：请修正产生它的公式，或清空该单元格。`,
    );
  }
  return text(
    `${address} holds a data type ("${odd.shown}"), not a plain value: convert it to text or a number (Data ▸ Convert to Text).`,
    `${address} 是数据类型（“${odd.shown}”），不是普通数值：请转换为文本或数字（数据 ▸ 转换为文本）。`,
  );
}

/** A scalar argument that is an error or a data type fails, naming the argument. */
export function rejectOddArg(v: unknown, name: string): void {
  const odd = oddValue(v);
  if (!odd) return;
  throw new AdplanError(
    'input',
    odd.kind === 'error'
      ? text(`${name} is the Excel error ${odd.code}: correct the cell or formula it comes from.`, `参数 ${name} 是 Excel 错误值 ${odd.code}：请修正它引用的单元格或公式。`)
      : text(`${name} is a data type ("${odd.shown}"), not a value.`, `参数 ${name} 是数据类型（“${odd.shown}”），不是普通数值。`),
    name,
  );
}
