/**
 * The 净成交 basis: 净成交金额 = 整体成交金额 − GMV refunded within 1 hour, and the
 * room's 30-day settlement rate that converts a 净成交ROI target into its 支付 equivalent
 * (支付 = 净成交 ÷ rate; the platform's own example: 3 × 90 % = 2.7). One conversion for every surface.
 */
import type { History } from '../core';
import type { Settlement } from '../report';

export type { Settlement, SettlementSource } from '../report';

/** The window the platform's suggestion and our conversion use. */
export const SETTLEMENT_WINDOW_DAYS = 30;

/**
 * The history's settlement rate over its last 30 days carrying a measure: Σ 净成交金额 / Σ 整体成交金额
 * where 净成交金额 is exported, else 1 − the GMV-weighted 1小时内退款率; null when neither is exported.
 */
export function historySettlement(history: History): Settlement | null {
  let gmv = 0;
  let net = 0;
  let used = 0;
  let fromNet = 0;
  for (let i = history.days.length - 1; i >= 0 && used < SETTLEMENT_WINDOW_DAYS; i--) {
    const d = history.days[i]!;
    if (!(d.gmv > 0)) continue;
    if (d.netGmv !== undefined && d.netGmv !== null && Number.isFinite(d.netGmv)) {
      gmv += d.gmv;
      net += Math.min(d.gmv, Math.max(0, d.netGmv));
      fromNet++;
    } else if (d.refund1hRate !== undefined && d.refund1hRate !== null && Number.isFinite(d.refund1hRate)) {
      gmv += d.gmv;
      net += d.gmv * (1 - Math.min(1, Math.max(0, d.refund1hRate)));
    } else continue;
    used++;
  }
  if (!(gmv > 0)) return null;
  return { rate: Math.max(0.01, net / gmv), source: fromNet * 2 >= used ? 'net_gmv' : 'refund_1h' };
}

/** 支付ROI equivalent of a 净成交ROI target. */
export function payFromNet(net: number, rate: number): number {
  return net / rate;
}

/** 净成交ROI equivalent of a 支付ROI target. */
export function netFromPay(pay: number, rate: number): number {
  return pay * rate;
}
