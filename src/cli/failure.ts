/**
 * The one way a command fails: a usage error exits 2, an input the engine cannot plan exits 1,
 * anything else exits 1 as "unexpected error". With --json the failure is one JSON object on
 * stdout ({"error": {message, kind, field}}), so a script always gets JSON; otherwise one line on
 * stderr (plus the synopsis for usage errors).
 */
import { pick, text, type Lang } from '../i18n/text';
import { isAdplanError } from '../model/core';
import { UsageError } from './args';
import { EXIT } from './command';
import type { CliIo } from './io';

export interface FailureContext {
  /** `adplan <name>`; null before a command was found. */
  command: { name: string; usage: string } | null;
  json: boolean;
  lang: Lang;
}

export type FailureKind = 'usage' | 'input' | 'math' | 'lookup' | 'internal';

export interface Failure {
  message: string;
  kind: FailureKind;
  field: string | null;
  exit: number;
}

export function failureOf(e: unknown, lang: Lang): Failure {
  if (e instanceof UsageError) return { message: e.message, kind: 'usage', field: null, exit: EXIT.usage };
  if (isAdplanError(e)) return { message: pick(e.text, lang), kind: e.kind, field: e.field ?? null, exit: EXIT.failed };
  // Not an expected failure: say so plainly rather than print a stack to a merchant.
  const why = e instanceof Error ? e.message : String(e);
  return { message: `${pick(text('unexpected error', '意外错误'), lang)}: ${why}`, kind: 'internal', field: null, exit: EXIT.failed };
}

/** Print the failure the one way and return its exit code. */
export function reportFailure(e: unknown, ctx: FailureContext, io: CliIo): number {
  const f = failureOf(e, ctx.lang);
  const usage = f.kind === 'usage' ? (ctx.command?.usage ?? 'adplan <command> [options]') : null;
  if (ctx.json) {
    io.stdout(`${JSON.stringify({ error: { message: f.message, kind: f.kind, field: f.field, ...(usage ? { usage } : {}) } })}\n`);
  } else {
    const prefix = ctx.command ? `adplan ${ctx.command.name}` : 'adplan';
    io.stderr(`${prefix}: ${f.message}\n${usage ? `${pick(text('usage', '用法'), ctx.lang)}: ${usage}\n` : ''}`);
  }
  return f.exit;
}

/** --json anywhere among the arguments (before a bare `--`): failures then print JSON too. */
export function jsonFlag(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}
