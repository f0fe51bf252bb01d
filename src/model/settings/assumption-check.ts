/**
 * The one bounds check of an assumption value against the ASSUMPTIONS registry: the reader
 * reports it on the cell, the task pane under the input, the engine throws it.
 */
import { text, type Text } from '../../i18n/text';
import { ASSUMPTIONS, type AssumptionKey, type AssumptionSpec } from './assumptions';
import { AdplanError } from '../core';

const isRate = (s: AssumptionSpec): boolean => s.unit === 'rate' || s.unit === 'rate_per_day';

/** A bound as the user wrote the value: a rate both ways on a sheet (0.05（5%）), as % in the pane. */
function fmtBound(s: AssumptionSpec, v: number, zh: boolean, typedAsPercent: boolean): string {
  if (!isRate(s)) return String(v);
  const pct = `${Math.round(v * 1e4) / 100}%`;
  if (typedAsPercent) return pct;
  return zh ? `${v}（${pct}）` : `${v} (${pct})`;
}

/**
 * What is wrong with `v` for `key` (names the key and its range), or null when it is valid.
 * `typedAsPercent`: the user typed the rate as a percentage (the pane's inputs), so the value is
 * echoed as one and the "did you mean 5%?" hint, meant for a sheet cell holding 5, is not given.
 */
export function assumptionProblem(key: AssumptionKey, v: number, typedAsPercent = false): Text | null {
  const s = ASSUMPTIONS[key];
  if (!Number.isFinite(v)) return text(`${s.key} must be a finite number, found ${String(v)}`, `${s.zh}应为有限数值，此处为 ${String(v)}`);
  const low = s.minExclusive ? v <= s.min : v < s.min;
  if (low || v > s.max) {
    const range = (zh: boolean) => [`${s.minExclusive ? '>' : '≥'} ${fmtBound(s, s.min, zh, typedAsPercent)}`, `≤ ${fmtBound(s, s.max, zh, typedAsPercent)}`];
    const [lo, hi] = range(false);
    const [loZh, hiZh] = range(true);
    const pct = !typedAsPercent && isRate(s) && v > 1 && v <= 100 && v / 100 <= s.max ? text(` (did you mean ${v}%?)`, `（是否想写 ${v}%？）`) : text('', '');
    const found = typedAsPercent && isRate(s) ? `${Number((v * 100).toPrecision(12))}%` : String(v);
    return text(`${s.key} must be ${lo} and ${hi}, found ${found}${pct['en-US']}`, `${s.zh}应 ${loZh} 且 ${hiZh}，此处为 ${found}${pct['zh-CN']}`);
  }
  if (s.integer && !Number.isInteger(v)) {
    return text(`${s.key} must be a whole number of days, found ${v}`, `${s.zh}应为整数天数，此处为 ${v}`);
  }
  return null;
}

/** `v` when valid, else AdplanError('input') naming the key. */
export function checkAssumption(key: AssumptionKey, v: number): number {
  const problem = assumptionProblem(key, v);
  if (problem) throw new AdplanError('input', problem, key);
  return v;
}

/** The given value (checked) or the registry's default; for keys whose `whenMissing` is 'default'. */
export function valueOrDefault(key: AssumptionKey, given: number | null | undefined): number {
  return given === undefined || given === null ? defaultOf(key) : checkAssumption(key, given);
}

/** The registry's default of a key that has one (a programming error otherwise). */
export function defaultOf(key: AssumptionKey): number {
  const d = ASSUMPTIONS[key].default;
  if (d === null) throw new Error(`assumption ${key} has no default (whenMissing: ${ASSUMPTIONS[key].whenMissing})`);
  return d;
}
