/**
 * The history fields, their header aliases (docs/data.md table, simplified Chinese and English; the
 * traditional forms are folded by `headerKey`) and the fallback patterns. Aliases are listed in
 * order of preference: when two columns match one field, the earlier alias wins.
 */
import type { HistoryField } from './types';

export interface FieldSpec {
  field: HistoryField;
  /** Chinese header used in messages ("missing column gmv (成交金额)"). */
  zh: string;
  aliases: readonly string[];
  /** Tried only when no column matched an alias; `headerKey` form. */
  patterns: readonly RegExp[];
}

export const FIELDS: readonly FieldSpec[] = [
  {
    field: 'date',
    zh: '日期',
    aliases: ['日期', '统计日期', '时间', '直播开始时间', '开播时间', 'date', 'day', '数据日期', '直播日期', '开始时间', '直播时间'],
    patterns: [/日期$/u, /^date/u, /开播时间|开始时间/u],
  },
  {
    field: 'views',
    zh: '直播间观看次数',
    aliases: ['直播间观看次数', '观看次数', '直播间观看人数', '观看人数', 'views', 'liveviews', 'viewcount'],
    patterns: [/^(直播间)?(累计)?观看(次数|人次|人数)$/u, /^(total)?views?$/u],
  },
  {
    field: 'organic_views',
    zh: '自然流量观看次数',
    aliases: ['自然流量观看次数', '自然流量', '自然流量观看人数', 'organicviews'],
    patterns: [/^自然.*观看/u, /^organic.*views?$/u],
  },
  {
    field: 'paid_views',
    zh: '付费流量观看次数',
    aliases: ['付费流量观看次数', '千川观看次数', '付费流量', '付费流量观看人数', 'paidviews'],
    patterns: [/^(付费|千川|广告|投放).*观看/u, /^paid.*views?$/u],
  },
  {
    field: 'orders',
    zh: '成交订单数',
    aliases: ['成交订单数', '直播间成交订单数', '订单数', 'orders', '整体成交订单数', '支付订单数', 'ordercount'],
    patterns: [/^(直播间)?(成交|支付)?订单(数|量)$/u, /^(total)?orders?$/u],
  },
  {
    field: 'gmv',
    zh: '成交金额',
    aliases: ['成交金额', '直播间成交金额', '直播间用户支付金额', '用户支付金额', '销售额', 'gmv', 'sales', 'revenue', '整体成交金额', '支付金额', '用户实际支付金额'],
    patterns: [/^(直播间)?(用户)?(成交|支付|销售)(金额|额)$/u, /^(total)?(gmv|sales|revenue)$/u],
  },
  {
    field: 'refund_amount',
    zh: '退款金额',
    aliases: ['退款金额', 'refunds', 'refundamount', 'refund', '直播间退款金额'],
    patterns: [/^(直播间)?(成功)?退款(金)?额$/u, /^refunds?(amount)?$/u],
  },
  {
    field: 'spend',
    zh: '千川消耗',
    aliases: ['千川消耗', '消耗', '整体消耗', '广告消耗', '投放消耗', 'spend', 'adspend', 'cost', '花费', '广告花费'],
    patterns: [/^(千川|广告|投放|整体|推广)?(消耗|花费)$/u, /^(ad)?(spend|cost)$/u],
  },
  {
    field: 'paid_gmv',
    zh: '直接成交金额',
    aliases: ['直接成交金额', '千川成交金额', 'paidgmv', '付费成交金额', '直接支付金额'],
    patterns: [/^(直接|千川|付费|广告)(成交|支付)金额$/u, /^paid(gmv|sales|revenue)$/u],
  },
  {
    field: 'paid_orders',
    zh: '直接成交订单数',
    aliases: ['直接成交订单数', '直接成交笔数', 'paidorders', '千川成交订单数', '付费成交订单数', '直接支付订单数'],
    patterns: [/^(直接|千川|付费|广告)(成交|支付)?订单(数|量)$/u, /^paidorders?$/u],
  },
  { field: 'buyers', zh: '直播间成交人数', aliases: ['直播间成交人数', '成交人数', 'buyers'], patterns: [] },
  {
    field: 'impressions',
    zh: '直播间曝光人数',
    aliases: ['直播间曝光人数', '直播间曝光次数', '曝光人数', '曝光次数', '展示次数', 'impressions', '直播间整体曝光次数', '整体展示次数', '整体展现次数'],
    patterns: [],
  },
  {
    field: 'clicks',
    zh: '直播间商品点击人数',
    aliases: ['直播间商品点击人数', '商品点击人数', '点击次数', '点击人数', 'clicks', '整体点击次数'],
    patterns: [],
  },
  // Measures carried next to GMV (docs/data.md "Real export families"): never aliases of gmv/spend.
  { field: 'net_gmv', zh: '净成交金额', aliases: ['净成交金额', '直播间净成交金额', 'netgmv'], patterns: [] },
  {
    field: 'refund_1h_rate',
    zh: '1小时内退款率',
    aliases: ['1小时内退款率', '1小时退款率', '直播间1小时退款率', 'refund1hrate'],
    patterns: [],
  },
  { field: 'attributed_paid_gmv', zh: '投放贡献成交金额', aliases: ['投放贡献成交金额', 'attributedpaidgmv'], patterns: [] },
  { field: 'grant_spend', zh: '赠款消耗', aliases: ['赠款消耗', 'grantspend'], patterns: [] },
];

export const FIELD_SPEC: Readonly<Record<HistoryField, FieldSpec>> = Object.fromEntries(
  FIELDS.map((f) => [f.field, f]),
) as Record<HistoryField, FieldSpec>;

export const VIEW_FIELDS: readonly HistoryField[] = ['views', 'organic_views', 'paid_views'];
export const REQUIRED_FIELDS: readonly HistoryField[] = ['date', 'orders', 'gmv'];

/** Numeric fields whose bad cells skip the row; the informational ones only warn. */
export const CORE_NUMERIC: readonly HistoryField[] = [
  'views', 'organic_views', 'paid_views', 'orders', 'gmv', 'refund_amount', 'spend', 'paid_gmv', 'paid_orders',
];
export const INFO_NUMERIC: readonly HistoryField[] = [
  'buyers', 'impressions', 'clicks', 'net_gmv', 'refund_1h_rate', 'attributed_paid_gmv', 'grant_spend',
];
/** Fields read as rates ("1.20%" → 0.012) and averaged, not summed, over a day. */
export const RATE_FIELDS: ReadonlySet<HistoryField> = new Set(['refund_1h_rate']);
export const COUNT_FIELDS: ReadonlySet<HistoryField> = new Set([
  'views', 'organic_views', 'paid_views', 'orders', 'paid_orders', 'buyers', 'impressions', 'clicks',
]);

/** Words that make a header a derived metric (a rate, an average…), never a raw field by pattern. */
export const DERIVED_WORDS = /率|占比|单价|人均|平均|千次|均价|时长|roi|ratio|rate|avg|average|per/u;

/** A row whose label cell says this is the totals row, not a day (simplified forms). */
export const TOTALS_RE = /^(合计|总计|汇总|小计|总和|全部|total|totals|grandtotal|sum)/u;

/**
 * Header qualifiers that tell two columns of one measure apart (罗盘: 退款金额(支付时间) vs
 * 退款金额(退款时间), 投放消耗(店铺被投) vs 投放消耗(店铺绑定)); `headerKey` drops them like units.
 * The preferred one is read (refunds by pay time match the GMV they refund; 店铺被投 is the spend on
 * the shop's goods, what public 罗盘 parsers take), the other kept only when alone.
 */
export const PREFERRED_QUALIFIER = /\((支付时间|店铺被投)\)$/u;
export const SECONDARY_QUALIFIER = /\((退款时间|店铺绑定)\)$/u;
