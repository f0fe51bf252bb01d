/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes scalars of any type (numbers,
   text such as "5%", blanks, 1×1 matrices); args.ts coerces and validates them. */
/**
 * The ADPLAN custom functions. Each is a thin wrapper: its JSDoc is the en-US metadata
 * (custom-functions-metadata-plugin generates dist/functions.json from it and appends the
 * CustomFunctions.associate calls), its body coerces arguments and calls the engine through
 * `guard`, which turns every failure into an Excel error value with a message.
 * zh-CN metadata: src/functions/metadata.zh-CN.json (the build fails if an entry is missing).
 */
import { guard } from './runtime';
import { breakEvenRoiOf, unitMarginOf } from './unit-economics';

/**
 * Break-even ROI: the GMV per yuan of ad spend at which paid traffic exactly breaks even (1 / unit margin).
 * @customfunction BREAKEVENROI
 * @helpurl https://localhost:3000/help/functions.html#breakevenroi
 * @param cogs_rate Goods cost as a share of the selling price, e.g. 0.4 or 40%.
 * @param [refund_rate] Refunded share of GMV (default 0).
 * @param [fee_rate] Platform technical service fee rate (default 0).
 * @param [commission_rate] Creator commission rate (default 0).
 * @param [shipping_per_order] Outbound shipping cost per order (default 0).
 * @param [aov] Average order value; required when a shipping cost is given.
 * @param [return_shipping] Return shipping cost per refunded order (default 0).
 * @param [resale_rate] Share of refunded goods that can be sold again (default 1).
 * @returns GMV per yuan of spend needed to break even.
 */
export function breakevenroi(
  cogs_rate: any,
  refund_rate?: any,
  fee_rate?: any,
  commission_rate?: any,
  shipping_per_order?: any,
  aov?: any,
  return_shipping?: any,
  resale_rate?: any,
): number {
  return guard(() =>
    breakEvenRoiOf(cogs_rate, refund_rate, fee_rate, commission_rate, shipping_per_order, aov, return_shipping, resale_rate),
  );
}

/**
 * Unit margin: contribution per yuan of GMV after goods, refunds, fees, commission and shipping.
 * @customfunction UNITMARGIN
 * @helpurl https://localhost:3000/help/functions.html#unitmargin
 * @param cogs_rate Goods cost as a share of the selling price, e.g. 0.4 or 40%.
 * @param [refund_rate] Refunded share of GMV (default 0).
 * @param [fee_rate] Platform technical service fee rate (default 0).
 * @param [commission_rate] Creator commission rate (default 0).
 * @param [shipping_per_order] Outbound shipping cost per order (default 0).
 * @param [aov] Average order value; required when a shipping cost is given.
 * @param [return_shipping] Return shipping cost per refunded order (default 0).
 * @param [resale_rate] Share of refunded goods that can be sold again (default 1).
 * @returns Contribution per yuan of GMV (a fraction).
 */
export function unitmargin(
  cogs_rate: any,
  refund_rate?: any,
  fee_rate?: any,
  commission_rate?: any,
  shipping_per_order?: any,
  aov?: any,
  return_shipping?: any,
  resale_rate?: any,
): number {
  return guard(() =>
    unitMarginOf(cogs_rate, refund_rate, fee_rate, commission_rate, shipping_per_order, aov, return_shipping, resale_rate),
  );
}
