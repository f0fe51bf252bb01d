/**
 * The piece of Excel's runtime the custom functions use: a `CustomFunctions` global with Error
 * and ErrorCode (and associate, recorded). Tests install it before importing src/functions.
 */
export class FakeCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  invalidNumber: '#NUM!',
  divisionByZero: '#DIV/0!',
  nullReference: '#NULL!',
} as const;

export function installFakeRuntime(): Map<string, (...args: unknown[]) => unknown> {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registry.set(id, fn),
    Error: FakeCustomFunctionError,
    ErrorCode: ERROR_CODES,
  };
  return registry;
}

installFakeRuntime();

/** Calls f and returns what it threw (or undefined), for asserting on error codes and messages. */
export function thrownBy(f: () => unknown): FakeCustomFunctionError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof FakeCustomFunctionError) return e;
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`, { cause: e });
  }
  return undefined;
}
