/**
 * One calendar day from the fold of its rows (day-fold.ts): the organic/paid split of docs/model.md
 * and the day's consistency warnings, each naming the day's first row.
 */
import { text } from '../../i18n/text';
import type { DayRecord, IsoDate } from '../../model/core';
import type { NumericField } from './day-fold';
import { clean } from '../cells';
import { issue, type Ctx } from './read-context';
import type { HistoryField } from '../table';

/** A day's sum of a field, cleaned of binary fractions; null when no row had a value. */
function total(ctx: Ctx, s: number, f: NumericField): number | null {
  const v = ctx.folds.sum(s, f);
  return v === null ? null : clean(v);
}

/** GMV-weighted mean of the 1-hour refund rate over the day's rows. */
function weightedRate(ctx: Ctx, s: number): number | null {
  const { num, den, last } = ctx.folds.weightedRate(s);
  if (den > 0) return clean(num / den);
  return ctx.folds.rows(s) === 1 ? last : null;
}

/** The measures carried next to GMV (DayRecord's optional fields), only when their column exists. */
function extraMeasures(ctx: Ctx, s: number, organic: number | null): Partial<DayRecord> {
  const c = ctx.map.columns;
  const out: Partial<DayRecord> = {};
  if (c.net_gmv !== undefined) out.netGmv = total(ctx, s, 'net_gmv');
  if (c.refund_1h_rate !== undefined) out.refund1hRate = weightedRate(ctx, s);
  if (ctx.dims.slot !== undefined) out.organicGmvObserved = organic !== null ? total(ctx, organic, 'gmv') : null;
  if (c.attributed_paid_gmv !== undefined) out.attributedPaidGmv = total(ctx, s, 'attributed_paid_gmv');
  if (c.grant_spend !== undefined) out.grantSpend = total(ctx, s, 'grant_spend');
  return out;
}

export function buildDay(ctx: Ctx, day: { date: IsoDate; first: number }, s: number, organic: number | null = null): DayRecord {
  const sum = (f: NumericField): number | null => total(ctx, s, f);
  const at = (field: HistoryField) => ({ index: day.first, field });
  const views = sum('views');
  const paidViews = sum('paid_views');
  const orders = sum('orders') ?? 0;
  const gmv = sum('gmv') ?? 0;
  const spend = sum('spend') ?? 0;
  const hasPaidGmvCol = ctx.map.columns.paid_gmv !== undefined;
  const paidGmvUnknown = ctx.folds.paidGmvUnknown(s);
  let paidGmv: number | null = paidGmvUnknown ? null : (sum('paid_gmv') ?? 0);
  if (paidGmvUnknown && hasPaidGmvCol) {
    issue(
      ctx,
      'warning',
      text(
        `${day.date}: spend > 0 but paid GMV is missing, so the day cannot be split into organic and paid`,
        `${day.date}：有千川消耗但缺少直接成交金额，无法拆分自然与付费`,
      ),
      at('paid_gmv'),
    );
  }
  let organicGmv: number | null = null;
  if (paidGmv !== null) {
    if (paidGmv > gmv) {
      issue(
        ctx,
        'warning',
        text(`${day.date}: paid GMV ${paidGmv} exceeds GMV ${gmv}; organic GMV set to 0`, `${day.date}：直接成交金额 ${paidGmv} 大于成交金额 ${gmv}，自然成交按 0 计`),
        at('paid_gmv'),
      );
      paidGmv = Math.min(paidGmv, gmv);
    }
    organicGmv = clean(gmv - paidGmv);
  }

  const paidOrders = sum('paid_orders');
  const paidOrdersComplete =
    ctx.map.columns.paid_orders !== undefined && ctx.folds.paidOrdersComplete(s);
  let organicOrders: number | null;
  if (paidOrdersComplete && paidOrders !== null) {
    if (paidOrders > orders) {
      issue(
        ctx,
        'warning',
        text(`${day.date}: paid orders ${paidOrders} exceed orders ${orders}; organic orders set to 0`, `${day.date}：直接成交订单数 ${paidOrders} 大于成交订单数 ${orders}，自然订单按 0 计`),
        at('paid_orders'),
      );
    }
    organicOrders = clean(Math.max(0, orders - paidOrders));
  } else if (paidGmv === null || organicGmv === null) {
    organicOrders = null;
  } else {
    // No paid orders: split orders by GMV share (docs/model.md).
    organicOrders = gmv > 0 ? clean((orders * organicGmv) / gmv) : orders;
  }

  const organicExported = sum('organic_views');
  let organicViews: number | null;
  if (organicExported !== null) organicViews = organicExported;
  else if (views !== null && paidViews !== null) {
    if (paidViews > views) {
      issue(
        ctx,
        'warning',
        text(`${day.date}: paid views ${paidViews} exceed views ${views}; organic views set to 0`, `${day.date}：付费观看 ${paidViews} 大于观看次数 ${views}，自然观看按 0 计`),
        at('paid_views'),
      );
    }
    organicViews = Math.max(0, clean(views - paidViews));
  } else if (views !== null && spend === 0) organicViews = views;
  else organicViews = null;

  const seen = views ?? (organicExported !== null && paidViews !== null ? organicExported + paidViews : null);
  if (seen !== null && seen < orders) {
    issue(
      ctx,
      'warning',
      text(`${day.date}: fewer views (${seen}) than orders (${orders}) — check the columns`, `${day.date}：观看数（${seen}）少于订单数（${orders}），请检查列`),
      at(views !== null ? 'views' : 'organic_views'),
    );
  }
  const refundAmount = sum('refund_amount');
  if (refundAmount !== null && refundAmount > gmv) {
    issue(
      ctx,
      'warning',
      text(`${day.date}: refunds ${refundAmount} exceed GMV ${gmv}`, `${day.date}：退款金额 ${refundAmount} 大于成交金额 ${gmv}`),
      at('refund_amount'),
    );
  }
  return {
    date: day.date,
    views,
    organicViews,
    paidViews,
    orders,
    gmv,
    refundAmount,
    spend,
    paidGmv,
    paidOrders,
    organicGmv,
    organicOrders,
    buyers: sum('buyers'),
    impressions: sum('impressions'),
    clicks: sum('clicks'),
    ...extraMeasures(ctx, s, organic),
  };
}
