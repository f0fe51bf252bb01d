/**
 * Seeded 全域 ("whole-room") merchants with known truth (docs/model.md), in exactly the shape the
 * reader gives for 全域 exports: days with spend carry `paidGmv: null` and `organicGmv: null`,
 * the room's GMV in `gmv`, plus `netGmv` / `refund1hRate` and, when asked, the 罗盘 非投放时段
 * GMV and the platform's (inflated) 投放贡献成交金额.
 */
import { addDays, weekdayOf } from '../model/core';
import type { DayRecord, History, IsoDate } from '../model/core';
import { Rng } from '../model/numeric';
import { hill, type HillTruth, type WorldChange } from './merchant';

export interface RoomTruth {
  days: number;
  startDate: IsoDate;
  /** Organic GMV per day (weekday-averaged) at the start. */
  organicPerDay: number;
  weekday: readonly number[];
  /** Relative organic growth per day. */
  growth: number;
  /** Log-sd of the organic room per day. */
  organicNoise: number;
  /** The incremental curve the ads buy. */
  curve: HillTruth;
  /** Log-sd of incremental GMV per day. */
  paidNoise: number;
  /** Days at the start with no spend (0 = always on from day 1). */
  preAdDays: number;
  /** Spend band as multiples of the curve's k: always on, a slow random walk inside it. */
  lowMultiple: number;
  highMultiple: number;
  aov: number;
  refundRate: number;
  /** 1-hour refund share of GMV (净成交 = GMV × (1 − r1h)). */
  refund1hRate: number;
  /** Export 罗盘 非投放时段 GMV (the organic room, observed with noise). */
  observedOrganic: boolean;
  /** Export 投放贡献成交金额: incremental GMV inflated by this factor (cannibalised organic). */
  attributedInflation: number | null;
  /** The world changes from a day on (review tests, docs/model.md; same meaning as for direct merchants). */
  change?: WorldChange;
}

export const DEFAULT_ROOM_TRUTH: RoomTruth = {
  days: 90,
  startDate: '2026-03-01',
  organicPerDay: 20000,
  weekday: [1.15, 0.92, 0.9, 0.93, 0.97, 1.03, 1.1],
  growth: 0,
  organicNoise: 0.1,
  curve: { gmax: 30000, k: 4000, a: 1 },
  paidNoise: 0.15,
  preAdDays: 0,
  lowMultiple: 0.4,
  highMultiple: 2,
  aov: 150,
  refundRate: 0.25,
  refund1hRate: 0.06,
  observedOrganic: false,
  attributedInflation: null,
};

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Spend: a reflected random walk in log space across [low, high]·k, covering the band. */
function spendPath(rng: Rng, t: RoomTruth): number[] {
  const lo = Math.log(t.curve.k * t.lowMultiple);
  const hi = Math.log(t.curve.k * t.highMultiple);
  const out = new Array<number>(t.days).fill(0);
  const paidDays = Math.max(1, t.days - t.preAdDays);
  // A slow sweep (up and down once) plus day-to-day moves: how budgets are tested in practice.
  const phase0 = rng.uniform();
  for (let i = t.preAdDays; i < t.days; i++) {
    const ph = ((i - t.preAdDays) / paidDays + phase0) % 1;
    const tri = ph <= 0.5 ? 2 * ph : 2 - 2 * ph;
    let x = lo + (hi - lo) * tri + 0.12 * rng.normal();
    for (let k = 0; k < 8 && (x < lo || x > hi); k++) x = x < lo ? 2 * lo - x : 2 * hi - x;
    out[i] = round2(Math.exp(Math.min(hi, Math.max(lo, x))));
  }
  return out;
}

export function generateRoomMerchant(seed: number, overrides: Partial<RoomTruth> = {}): { truth: RoomTruth; history: History } {
  const truth: RoomTruth = { ...DEFAULT_ROOM_TRUTH, ...overrides };
  const rng = new Rng(seed);
  const spends = spendPath(rng, truth);
  const change = truth.change;
  change?.spend?.forEach((x, i) => {
    if (change.fromDay + i < spends.length) spends[change.fromDay + i] = round2(Math.max(0, x));
  });
  const dow0 = weekdayOf(truth.startDate);
  const days: DayRecord[] = [];
  for (let t = 0; t < truth.days; t++) {
    const date = addDays(truth.startDate, t);
    const spend = spends[t] ?? 0;
    const organicMean = truth.organicPerDay * (truth.weekday[(dow0 + t) % 7] ?? 1) * Math.pow(1 + truth.growth, t);
    const changed = change !== undefined && t >= change.fromDay;
    const organic = (changed ? (change.organicFactor ?? 1) : 1) * organicMean * Math.exp(truth.organicNoise * rng.normal());
    const incremental = spend > 0 ? (changed ? (change.curveFactor ?? 1) : 1) * hill(spend, truth.curve) * Math.exp(truth.paidNoise * rng.normal()) : 0;
    const gmv = round2(organic + incremental);
    const orders = Math.max(0, Math.round(gmv / truth.aov));
    const r1h = Math.min(0.5, Math.max(0, truth.refund1hRate * Math.exp(0.1 * rng.normal())));
    const record: DayRecord = {
      date,
      views: Math.round((gmv / truth.aov) * 90),
      organicViews: spend > 0 ? null : Math.round((gmv / truth.aov) * 90),
      paidViews: null,
      orders,
      gmv,
      refundAmount: round2(gmv * truth.refundRate),
      spend,
      paidGmv: spend > 0 ? null : 0,
      paidOrders: spend > 0 ? null : 0,
      organicGmv: spend > 0 ? null : gmv,
      organicOrders: spend > 0 ? null : orders,
      buyers: Math.round(orders * 0.93),
      impressions: null,
      clicks: null,
      netGmv: round2(gmv * (1 - r1h)),
      refund1hRate: r1h,
    };
    if (truth.observedOrganic) record.organicGmvObserved = round2(organic * Math.exp(0.05 * rng.normal()));
    if (truth.attributedInflation !== null && spend > 0) record.attributedPaidGmv = round2(incremental * truth.attributedInflation);
    days.push(record);
  }
  return { truth, history: { days, viewsMeasure: 'count', gmvMeasure: 'room_gmv' } };
}
