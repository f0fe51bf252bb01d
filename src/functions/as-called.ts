/**
 * The ADPLAN wrappers typed as Excel calls them. functions.ts types the fixed-choice parameters
 * with their @customenum (that is what puts them in Excel's AutoComplete), but Excel may pass any
 * text, number or blank there, and tests and benches do the same: here every argument is unknown.
 */
import * as F from './functions';

type AsCalled<T> = { [K in keyof T]: T[K] extends (...args: infer P) => infer R ? (...args: { [I in keyof P]: unknown }) => R : T[K] };

// Widening, not narrowing: every wrapper coerces and validates its arguments (args.ts, inputs.ts).
const fns = F as unknown as AsCalled<typeof F>;

export const {
  backtestfn,
  baseline,
  breakevenroi,
  cashflowfn,
  events,
  experimentfn,
  fitcurve,
  kpi,
  mroi,
  optimalspend,
  plan,
  readiness,
  responsefn,
  reviewfn,
  roitarget,
  sensitivity,
  simulate,
  targets,
  unitmargin,
} = fns;
