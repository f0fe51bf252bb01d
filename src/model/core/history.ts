/**
 * The engine's input: one record per calendar day, after the reader has parsed, validated,
 * aggregated sessions into days and split organic from paid (docs/model.md, docs/data.md).
 * Money in the sheet's currency, counts as counts, rates as fractions.
 */

/** Calendar date as `YYYY-MM-DD` (no time zone: a merchant's trading day). */
export type IsoDate = string;

/** How the export counted views: 次数 (view count) and 人数 (unique viewers) differ. */
export type ViewsMeasure = 'count' | 'unique' | 'unknown';

export interface DayRecord {
  date: IsoDate;
  /** Total live-room views; null when the export has only the organic/paid split. */
  views: number | null;
  /** Organic views as exported, else views − paid_views, else views on a day without spend. */
  organicViews: number | null;
  paidViews: number | null;
  orders: number;
  gmv: number;
  refundAmount: number | null;
  /** Paid spend; 0 when the export has no spend column or the cell is missing. */
  spend: number;
  /** GMV attributed to paid traffic; 0 when spend is 0 and missing; null when spend > 0 and missing. */
  paidGmv: number | null;
  paidOrders: number | null;
  /** gmv − paidGmv; null when the day cannot be split (spend > 0, paid GMV unknown). */
  organicGmv: number | null;
  /** orders − paidOrders, else orders split by GMV share; null when the day cannot be split. */
  organicOrders: number | null;
  buyers: number | null;
  impressions: number | null;
  clicks: number | null;
  /** 净成交金额: GMV net of refunds within 1 hour (docs/model.md net basis); absent when not exported. */
  netGmv?: number | null;
  /** 1小时内退款率 as a fraction of GMV; absent when not exported. */
  refund1hRate?: number | null;
  /** GMV sold outside ad time (罗盘 非投放时段): organic by construction (docs/model.md). */
  organicGmvObserved?: number | null;
  /** 投放贡献成交金额: platform-attributed paid GMV, biased upward; a weak prior only (docs/model.md). */
  attributedPaidGmv?: number | null;
  /** 赠款 part of spend (no cash); absent when not exported. */
  grantSpend?: number | null;
  /** 罗盘 流量来源: the live room's traffic by channel that day; absent when not exported. */
  traffic?: ChannelDay[];
  /** 直播明细 / 单场 content measures folded over the day's sessions; absent when not exported. */
  content?: DayContent;
  /** 短视频 daily measures; absent when not exported. */
  video?: DayVideo;
  /** 成交分析 载体 rows (直播, 短视频, 商品卡 …) of the day; absent when the export has none. */
  carriers?: CarrierDay[];
}

/** Paid channels (千川, 品牌广告, 其他付费 …) against natural ones (推荐feed, 关注, 搜索 …). */
export type ChannelClass = 'paid' | 'natural' | 'unknown';

/** One traffic channel on one day (人数 and 次数 kept apart; null = not exported). */
export interface ChannelDay {
  channel: string;
  class: ChannelClass;
  viewers: number | null;
  views: number | null;
  gmv: number | null;
}

/** A day's live content measures: counts summed, averages and rates weighted by the sessions' viewers. */
export interface DayContent {
  /** Σ 观看人数 of the sessions that carry content measures (the weight of the averages). */
  viewers: number | null;
  /** Σ 观看次数 of those sessions (the denominator of the interaction rate). */
  views: number | null;
  /** 人均观看时长 in seconds. */
  staySeconds: number | null;
  comments: number | null;
  likes: number | null;
  newFollowers: number | null;
  /** 曝光-观看率, 商品点击率, 点击-成交转化率 as fractions. */
  exposureViewRate: number | null;
  productClickRate: number | null;
  clickOrderRate: number | null;
  /** UV价值 (GMV per viewer) and GPM as exported. */
  uvValue: number | null;
  gpm: number | null;
}

/** A day's short videos (counts summed; completion a play-weighted fraction). */
export interface DayVideo {
  plays: number | null;
  completionRate: number | null;
  saves: number | null;
  likes: number | null;
  comments: number | null;
  /** 短视频引流直播间人数. */
  liveEntrants: number | null;
  /** 短视频成交金额 (organic unless boosted). */
  gmv: number | null;
}

/** One 载体 of a 成交分析 day: its 不限 GMV and its 非投放时段 (organic) GMV. */
export interface CarrierDay {
  carrier: 'live' | 'video' | 'card' | 'other';
  /** The carrier name as exported (直播, 短视频, 商品卡, 图文 …). */
  name: string;
  gmv: number | null;
  organicGmv: number | null;
}

/** Which GMV measure the reader took for `gmv` (docs/data.md "Measures, not aliases"). */
export type GmvMeasure = 'gmv' | 'pay_amount' | 'room_gmv' | 'net_gmv' | 'unknown';

/** One change of the 全域 ROI target (ROI目标记录): the exogenous lever the merchant moves. */
export interface TargetLogEntry {
  /** Day the target took effect (time of day dropped: one target per day, the last one set). */
  date: IsoDate;
  target: number;
  basis: 'pay' | 'net';
  /** 控成本 (cost control, budget a cap) or 放量 (volume, budget spent). */
  mode: 'cost' | 'volume';
}

/**
 * A measured lift (an experiment's result, 实验结果): spend moved from spendBefore by deltaSpend
 * and room GMV moved by deltaGmv ± sigma (per day). Enters the fits as a likelihood row on the curve.
 */
export interface LiftObservation {
  first: IsoDate;
  last: IsoDate;
  spendBefore: number;
  deltaSpend: number;
  deltaGmv: number;
  sigma: number;
  source: string;
}

export interface History {
  /** Ascending by date, one record per calendar day, no duplicates. */
  days: DayRecord[];
  /** Event windows over the history and the plan's horizon (built-in calendar, edited by the user). */
  events?: EventWindow[];
  /** ROI target changes, ascending by date; absent when no target log was given. */
  targetLog?: TargetLogEntry[];
  /** Experiment results to calibrate the curve with; absent when none. */
  liftObservations?: LiftObservation[];
  viewsMeasure: ViewsMeasure;
  /** Which GMV measure `gmv` is; absent = the old single-measure reading. */
  gmvMeasure?: GmvMeasure;
}

/* The e-commerce calendar's vocabulary (src/model/events builds and reads it). */

/** 蓄水 build-up, 预热 warm-up, 爆发 peak, 返场 encore, 回落 hangover; pause = logistics stop (春节). */
export type EventPhase = 'build' | 'warmup' | 'peak' | 'encore' | 'hangover' | 'pause';

export interface EventWindow {
  /** Event name as the user reads it, e.g. 双11, 618, 春节. */
  name: string;
  phase: EventPhase;
  /** First and last day, inclusive. */
  first: IsoDate;
  last: IsoDate;
  /** Optional user multipliers (else fitted, else labelled defaults). */
  organicMultiplier?: number | null;
  responseMultiplier?: number | null;
  /** true when it comes from the built-in calendar, not from the user. */
  isDefault?: boolean;
}

/** Why a day is not a normal day (flagged for the user, and treated apart by the fits). */
export type FlagKind = 'event' | 'pause' | 'stockout' | 'learning' | 'anomaly' | 'missing';

export interface FlaggedDay {
  date: IsoDate;
  kind: FlagKind;
  /** The event's name and phase, for kind 'event' (and a pause inside a named window). */
  name?: string;
  phase?: EventPhase;
}

/** What the fit learned about one event phase from this merchant's own history. */
export interface FittedEventEffect {
  name: string;
  phase: EventPhase;
  /** Multipliers on the organic room and on the response curve's scale (1 = a normal day). */
  organic: number;
  response: number;
  /** Days of this phase in the history, and whether they were fitted (else left out of the fit). */
  days: number;
  fitted: boolean;
}
