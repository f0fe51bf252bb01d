/**
 * Argument coercion shared by every ADPLAN function. Scalars are declared `any` in the metadata
 * so that "5%" or "1.2万" typed as text reach us and parse the way the reader parses cells,
 * instead of Excel's bare #VALUE!.
 */
import { parseNumber, type NumberKind } from '../data/cells';
import type { Cell } from '../data/table';
import { text } from '../i18n/text';
import { AdplanError } from '../model/core';
import { plainCell, rejectOddArg } from './cell-values';

function isSingleCellMatrix(v: unknown): v is [[Cell]] {
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1;
}

/** Excel may hand a single-cell reference to an `any` parameter as a 1×1 matrix. */
function scalar(v: unknown): Cell {
  return plainCell(isSingleCellMatrix(v) ? v[0][0] : v);
}

const KIND_TEXT: Record<NumberKind, { en: string; zh: string }> = {
  rate: { en: 'a rate (0.05 or 5%)', zh: '比例（如 0.05 或 5%）' },
  money: { en: 'an amount', zh: '金额' },
  count: { en: 'a number', zh: '数值' },
};

export interface NumberArgOptions {
  kind: NumberKind;
  /** Value when the argument is omitted or blank; undefined ⇒ the argument is required. */
  fallback?: number | null;
}

/**
 * An optional or required numeric argument. Omitted arguments arrive as null; blank cells as
 * null (web) or 0 (some desktop builds) — for an optional argument a blank is "omitted".
 */
export function numberArg(value: unknown, name: string, opts: NumberArgOptions): number | null {
  if (Array.isArray(value) && !isSingleCellMatrix(value)) {
    throw new AdplanError(
      'input',
      text(`${name} must be a single value, not a range.`, `参数 ${name} 应为单个值，而不是区域。`),
      name,
    );
  }
  rejectOddArg(isSingleCellMatrix(value) ? value[0][0] : value, name);
  const parsed = parseNumber(scalar(value), opts.kind);
  const want = KIND_TEXT[opts.kind];
  if (!parsed.ok && parsed.reason === 'too_large') {
    throw new AdplanError(
      'input',
      text(`${name} is too large: beyond ±1e15 (the documented input limit), got ${String(scalar(value))}.`, `参数 ${name} 过大：超出 ±1e15（输入上限），实际为 ${String(scalar(value))}。`),
      name,
    );
  }
  if (!parsed.ok) {
    const shown = String(scalar(value)).slice(0, 40);
    throw new AdplanError(
      'input',
      text(`${name} must be ${want.en}, got "${shown}".`, `参数 ${name} 应为${want.zh}，实际为“${shown}”。`),
      name,
    );
  }
  if (parsed.value === null) {
    if (opts.fallback !== undefined) return opts.fallback;
    throw new AdplanError('input', text(`${name} is required.`, `缺少必填参数 ${name}。`), name);
  }
  return parsed.value;
}

/** Like numberArg but never null: for arguments whose fallback is a number. */
export function requiredNumber(value: unknown, name: string, opts: NumberArgOptions): number {
  const v = numberArg(value, name, opts);
  if (v === null) throw new AdplanError('input', text(`${name} is required.`, `缺少必填参数 ${name}。`), name);
  return v;
}
