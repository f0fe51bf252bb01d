/** Simulated tests: the residual process of a room run directly (AR(1) noise on weekday-shaped GMV). */
import { weekdayOf } from '../../../src/model/core';
import type { DayRecord, History } from '../../../src/model/core';
import { Rng } from '../../../src/model/numeric';
import { stepSchedule, switchbackSchedule, targetLevels, type Schedule } from '../../../src/model/experiment';
import type { ScheduleBuilder } from '../../../src/model/experiment';

export const WEEKDAY = [1.12, 0.93, 0.9, 0.95, 0.98, 1.04, 1.08];

export interface SimRoom {
  cv: number;
  rho: number;
  /** True GMV lift of the top level over the base (share of base GMV); intermediate levels pro rata. */
  lift: number;
  gmv: number;
  spend: number;
  /** Relative spend change of the top level. */
  spendStep: number;
}

/** A schedule builder like the designer's: `steps` levels of 8 % target cuts, random order from `seed`. */
export function builder(kind: 'switchback' | 'step', steps: number, seed: number, start = '2026-06-01'): ScheduleBuilder {
  const levels = targetLevels(3, Math.pow(0.92, kind === 'switchback' ? 1 : steps));
  return (repeats) => ({
    kind,
    basis: 'pay',
    levels,
    days: kind === 'switchback' ? switchbackSchedule(start, [levels[0]!, levels[1]!], repeats, new Rng(seed)) : stepSchedule(start, levels, repeats),
  });
}

/** The history of a room over a schedule: AR(1) log noise, weekday factors, a level effect. */
export function simulate(room: SimRoom, schedule: Schedule, rng: Rng): History {
  const k = schedule.levels.length - 1;
  const innov = room.cv * Math.sqrt(1 - room.rho * room.rho);
  let e = room.cv * rng.normal();
  const days: DayRecord[] = schedule.days.map((s, t) => {
    if (t > 0) e = room.rho * e + innov * rng.normal();
    const share = k > 0 ? s.level / k : 0;
    const w = WEEKDAY[weekdayOf(s.date)]!;
    const gmv = room.gmv * w * Math.exp(e) + room.lift * room.gmv * share;
    const spend = room.spend * (1 + room.spendStep * share) * Math.exp(0.1 * rng.normal() + 0.5 * e);
    return {
      date: s.date,
      views: null,
      organicViews: null,
      paidViews: null,
      orders: Math.round(gmv / 150),
      gmv,
      refundAmount: null,
      spend,
      paidGmv: null,
      paidOrders: null,
      organicGmv: null,
      organicOrders: null,
      buyers: null,
      impressions: null,
      clicks: null,
    };
  });
  return { days, viewsMeasure: 'unknown' };
}
