import { text } from '../../i18n/text';
import { AdplanError } from '../core';

/** Unit economics inputs (docs/model.md). Rates are fractions of price. */
export interface UnitEconomics {
  /** k: goods cost as a share of price. */
  cogsRate: number;
  /** ρ: refunded share of GMV. */
  refundRate: number;
  /** f: platform technical service fee. */
  feeRate: number;
  /** c: creator commission. */
  commissionRate: number;
  /** s: outbound shipping per order. */
  shippingPerOrder: number;
  /** r: return shipping per refunded order. */
  returnShipping: number;
  /** q: share of refunded goods back in sellable stock. */
  resaleRate: number;
  /** AOV; needed only when a per-order cost is > 0. */
  aov: number | null;
}

/** Field names as the user sees them (assumption keys / function argument names). */
const FIELD: Record<keyof UnitEconomics, string> = {
  cogsRate: 'cogs_rate',
  refundRate: 'refund_rate',
  feeRate: 'fee_rate',
  commissionRate: 'commission_rate',
  shippingPerOrder: 'shipping_per_order',
  returnShipping: 'return_shipping',
  resaleRate: 'resale_rate',
  aov: 'aov',
};

const RATES = ['cogsRate', 'refundRate', 'feeRate', 'commissionRate', 'resaleRate'] as const;
const MONEY = ['shippingPerOrder', 'returnShipping'] as const;

function validate(e: UnitEconomics): void {
  for (const k of RATES) {
    const v = e[k];
    if (!Number.isFinite(v) || v < 0 || v > 1) {
      throw new AdplanError(
        'input',
        text(
          `${FIELD[k]} must be a rate between 0 and 1 (e.g. 0.05 for 5%), got ${String(v)}.`,
          `${FIELD[k]} 应为 0 到 1 之间的比例（如 0.05 表示 5%），实际为 ${String(v)}。`,
        ),
        FIELD[k],
      );
    }
  }
  for (const k of MONEY) {
    const v = e[k];
    if (!Number.isFinite(v) || v < 0) {
      throw new AdplanError(
        'input',
        text(
          `${FIELD[k]} must be an amount ≥ 0, got ${String(v)}.`,
          `${FIELD[k]} 应为不小于 0 的金额，实际为 ${String(v)}。`,
        ),
        FIELD[k],
      );
    }
  }
  const perOrder = e.shippingPerOrder + e.refundRate * e.returnShipping;
  if (e.aov === null) {
    if (perOrder > 0) {
      throw new AdplanError(
        'input',
        text(
          'aov (average order value) is required when shipping_per_order or return_shipping is > 0.',
          '单均运费或退货运费大于 0 时，需要填写客单价 aov。',
        ),
        FIELD.aov,
      );
    }
  } else if (!Number.isFinite(e.aov) || e.aov <= 0) {
    throw new AdplanError(
      'input',
      text(
        `aov (average order value) must be > 0, got ${String(e.aov)}.`,
        `客单价 aov 应大于 0，实际为 ${String(e.aov)}。`,
      ),
      FIELD.aov,
    );
  }
}

/**
 * u: contribution per yuan of GMV after goods, refunds, fees, commission and per-order costs.
 *   u = (1−ρ)(1−f−c) − (1−ρ)k − ρ(1−q)k − (s + ρ·r)/AOV
 * Throws an `input` error naming the field when an input is out of range.
 */
export function unitMargin(e: UnitEconomics): number {
  validate(e);
  const { cogsRate: k, refundRate: rho, feeRate: f, commissionRate: c, resaleRate: q } = e;
  const perOrder = e.shippingPerOrder + rho * e.returnShipping;
  const perOrderShare = perOrder > 0 && e.aov !== null ? perOrder / e.aov : 0;
  if (!Number.isFinite(perOrderShare)) {
    // A denormal AOV (5e-324) overflows the per-order share: the input is wrong, not the maths.
    throw new AdplanError(
      'input',
      text(`aov ${String(e.aov)} is too small for per-order costs of ${String(perOrder)}: enter the average order value in yuan.`, `客单价 aov ${String(e.aov)} 相对单均成本 ${String(perOrder)} 过小：请填写以元为单位的客单价。`),
      FIELD.aov,
    );
  }
  return (1 - rho) * (1 - f - c) - (1 - rho) * k - rho * (1 - q) * k - perOrderShare;
}

/** The `math` error for u ≤ 0: no ROI can break even. */
export function noBreakEvenError(u: number): AdplanError {
  const shown = Number.isFinite(u) ? u.toFixed(4) : String(u);
  return new AdplanError(
    'math',
    text(
      `Unit margin is ${shown} (≤ 0): every sale loses money after costs, so no ROI breaks even. Lower costs or refunds, or raise prices, before paying for traffic.`,
      `单位贡献率为 ${shown}（≤ 0）：扣除成本后每笔成交都亏损，任何投产比都无法保本。请先降低成本或退款，或提高售价，再考虑付费投放。`,
    ),
    'unit_margin',
  );
}

/** 1/u: GMV per yuan of spend at which paid traffic breaks even. Throws `math` when u ≤ 0. */
export function breakEvenRoi(e: UnitEconomics): number {
  const u = unitMargin(e);
  if (!(u > 0)) throw noBreakEvenError(u);
  return 1 / u;
}
