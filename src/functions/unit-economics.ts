/** BREAKEVENROI and UNITMARGIN: argument defaults per docs/functions.md, maths in src/model/economics. */
import { breakEvenRoi, unitMargin, type UnitEconomics } from '../model/economics';
import { numberArg, requiredNumber } from './args';

/** The argument list both functions share, in their order. */
export type EconomicsArgs = [
  cogsRate: unknown,
  refundRate?: unknown,
  feeRate?: unknown,
  commissionRate?: unknown,
  shippingPerOrder?: unknown,
  aov?: unknown,
  returnShipping?: unknown,
  resaleRate?: unknown,
];

/** Defaults: refund 0, fee 0, commission 0, shipping 0, aov none, return shipping 0, resale 1. */
export function economicsFromArgs(...[k, rho, f, c, s, aov, r, q]: EconomicsArgs): UnitEconomics {
  return {
    cogsRate: requiredNumber(k, 'cogs_rate', { kind: 'rate' }),
    refundRate: requiredNumber(rho, 'refund_rate', { kind: 'rate', fallback: 0 }),
    feeRate: requiredNumber(f, 'fee_rate', { kind: 'rate', fallback: 0 }),
    commissionRate: requiredNumber(c, 'commission_rate', { kind: 'rate', fallback: 0 }),
    shippingPerOrder: requiredNumber(s, 'shipping_per_order', { kind: 'money', fallback: 0 }),
    aov: numberArg(aov, 'aov', { kind: 'money', fallback: null }),
    returnShipping: requiredNumber(r, 'return_shipping', { kind: 'money', fallback: 0 }),
    resaleRate: requiredNumber(q, 'resale_rate', { kind: 'rate', fallback: 1 }),
  };
}

export function unitMarginOf(...args: EconomicsArgs): number {
  return unitMargin(economicsFromArgs(...args));
}

export function breakEvenRoiOf(...args: EconomicsArgs): number {
  return breakEvenRoi(economicsFromArgs(...args));
}
