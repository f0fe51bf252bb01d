import type { Text } from '../../i18n/text';

/**
 * Why an engine call has no answer. Surfaces map the kind to their own shape:
 * custom functions → #VALUE! (input) or #N/A (math, lookup), the two errors Excel shows a message
 * on; CLI → exit code 1 with the message.
 * - `input`: the user's input is wrong (a cell, a field, an argument);
 * - `math`: the input is valid but the maths has no answer (e.g. unit margin ≤ 0);
 * - `lookup`: an unknown scenario, metric or key (the message lists the valid ones).
 */
export type ErrorKind = 'input' | 'math' | 'lookup';

export class AdplanError extends Error {
  readonly kind: ErrorKind;
  readonly text: Text;
  /** The field, argument or key concerned, when there is one. */
  readonly field?: string;

  constructor(kind: ErrorKind, text: Text, field?: string) {
    super(text['en-US']);
    this.name = 'AdplanError';
    this.kind = kind;
    this.text = text;
    this.field = field;
  }
}

export function isAdplanError(e: unknown): e is AdplanError {
  return e instanceof AdplanError;
}

/** The one error kind a "try it, else fall back" site may swallow: anything else is a bug and must surface. */
export function isInputError(e: unknown): e is AdplanError {
  return isAdplanError(e) && e.kind === 'input';
}
