/**
 * Seeded 全域 merchants whose spend follows demand (FIELD.md §1: the platform spends more on strong
 * days), then a target test: the case an observational whole-room fit gets wrong and an experiment
 * should fix. A minimal stand-in until src/sample/hard-room.ts lands. The test is the designer's
 * own (designExperiment on the days before it) unless a schedule maker is given.
 */
import { addDays, weekdayOf } from '../../src/model/core';
import { designExperiment } from '../../src/model/experiment';
import type { Schedule } from '../../src/model/experiment';
import type { DayRecord, History } from '../../src/model/core';
import { Rng } from '../../src/model/numeric';
import { marginalOf, responseOf, type CurveShape } from '../../src/model/transforms';

const WEEKDAY = [1.12, 0.93, 0.9, 0.95, 0.98, 1.04, 1.08];

export interface DemandRoom {
  seed: number;
  /** The days before the test. */
  pre: History;
  /** Before and during the test. */
  history: History;
  schedule: Schedule;
  shape: CurveShape;
  /** The true S* and the marginal ROI target it answers. */
  sTrue: number;
  target: number;
}

export interface DemandOptions {
  preDays?: number;
  /** Elasticity of the platform's spend to the day's demand. */
  coupling?: number;
  /** Relative spend change one target level buys (the platform's response to the target). */
  spendPerLevel?: number;
  lift?: number;
  makeSchedule?: (pre: History) => Schedule;
}

function day(date: string, gmv: number, spend: number): DayRecord {
  return {
    date,
    views: null,
    organicViews: null,
    paidViews: null,
    orders: Math.max(1, Math.round(gmv / 150)),
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
}

export function demandRoom(seed: number, opts: DemandOptions = {}): DemandRoom {
  const r = new Rng(seed);
  const preDays = opts.preDays ?? 90;
  const coupling = opts.coupling ?? 2;
  const spendPerLevel = opts.spendPerLevel ?? 0.5;
  const k = 3000 * Math.pow(3, r.uniform());
  const a = 0.7 + 0.6 * r.uniform();
  const gmax = k * (5 + 5 * r.uniform());
  const shape: CurveShape = { kind: 'hill', gmax, k, a };
  const base = k * (0.6 + 0.6 * r.uniform());
  const organic = responseOf(base, shape) * (0.8 + 1.2 * r.uniform());
  const sTrue = base * (1.05 + 0.3 * r.uniform());
  const start = '2026-01-05';
  let demand = 0;
  let budget = 0;
  const days: DayRecord[] = [];
  const next = (t: number, levelShare: number): DayRecord => {
    const date = addDays(start, t);
    demand = 0.4 * demand + 0.07 * Math.sqrt(1 - 0.16) * r.normal();
    const spend = base * Math.exp(budget) * Math.pow(1 + spendPerLevel, levelShare) * Math.exp(coupling * demand + 0.05 * r.normal());
    const gmv = (organic * WEEKDAY[weekdayOf(date)]! * Math.exp(demand) + responseOf(spend, shape)) * Math.exp(0.04 * r.normal());
    return day(date, gmv, spend);
  };
  for (let t = 0; t < preDays; t++) {
    // The merchant's own slow budget moves before the test (the exogenous spread a fit sees).
    budget = 0.93 * budget + 0.08 * r.normal();
    days.push(next(t, 0));
  }
  const pre: History = { days: [...days], viewsMeasure: 'unknown' };
  const schedule = opts.makeSchedule ? opts.makeSchedule(pre) : designExperiment(pre, { lift: opts.lift ?? 0.12, seed }).schedule;
  // Level j of k buys (1 + spendPerLevel)^(j/k): the top level the full step.
  const top = schedule.levels.length - 1;
  schedule.days.forEach((s, i) => days.push(next(preDays + i, top > 0 ? s.level / top : 0)));
  return { seed, pre, history: { days, viewsMeasure: 'unknown' }, schedule, shape, sTrue, target: marginalOf(sTrue, shape) };
}
