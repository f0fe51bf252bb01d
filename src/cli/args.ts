/** node:util parseArgs with our usage-error convention (exit 2, message on stderr). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pick, text, type Lang } from '../i18n/text';
import { defaultOf } from '../model/settings';
import { ASSUMPTIONS, type AssumptionKey } from '../model/settings';
import type { OptionBounds } from '../model/settings';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** The options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** A whole-number option within a registry's bounds (src/model/run-options.ts, the ASSUMPTIONS registry). */
export function boundedOption(name: string, raw: string | undefined, b: OptionBounds, lang: Lang): number {
  return integerOption(name, raw, b.default, b.min, b.max, lang);
}

/** The bounds of an integer assumption key as an option (e.g. --horizon ↔ horizon_days). */
export function assumptionBounds(key: AssumptionKey): OptionBounds {
  const s = ASSUMPTIONS[key];
  return { default: defaultOf(key), min: s.min, max: s.max };
}

/** A whole-number option in [min, max]; `fallback` when absent; otherwise a usage error. */
export function integerOption(name: string, raw: string | undefined, fallback: number, min: number, max: number, lang: Lang): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^-?\d+$/u.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(
      pick(text(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`, `--${name} 应为 ${min} 到 ${max} 的整数，而不是“${raw}”`), lang),
    );
  }
  return n;
}
