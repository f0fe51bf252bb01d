/**
 * Seeded 全域 merchants whose spend follows demand (FIELD.md §1: the platform spends more on strong
 * days), with a target test at the end: the case an observational whole-room fit gets wrong and an
 * experiment should fix. Minimal stand-in until src/sample/hard-room.ts lands.
 */
import { addDays, weekdayOf } from '../../src/model/dates';
import type { DayRecord, History } from '../../src/model/history';
import { Rng } from '../../src/model/random';
import { marginalOf, responseOf, type CurveShape } from '../../src/model/response-curve';
import { stepSchedule, switchbackSchedule, targetLevels, type Schedule } from '../../src/model/experiment/schedule';

const WEEKDAY = [1.12, 0.93, 0.9, 0.95, 0.98, 1.04, 1.08];

export interface DemandRoom {
  seed: number;
  history: History;
  schedule: Schedule;
  shape: CurveShape;
  /** The true S* and the marginal ROI target it answers. */
  sTrue: number;
  target: number;
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

/**
 * `preDays` observational days (budget drifting slowly, spend ∝ demand^coupling), then a test of
 * `pairs` switchback pairs (or step cycles) whose high level spends `spendStep` more.
 */
export function demandRoom(seed: number, opts: { preDays?: number; pairs?: number; coupling?: number; spendStep?: number; kind?: 'switchback' | 'step' } = {}): DemandRoom {
  const r = new Rng(seed);
  const preDays = opts.preDays ?? 90;
  const coupling = opts.coupling ?? 1.5;
  const spendStep = opts.spendStep ?? 0.35;
  const k = 3000 * Math.pow(3, r.uniform());
  const a = 0.7 + 0.6 * r.uniform();
  const gmax = k * (5 + 5 * r.uniform());
  const shape: CurveShape = { kind: 'hill', gmax, k, a };
  const base = k * (0.6 + 0.6 * r.uniform());
  const organic = responseOf(base, shape) * (0.8 + 1.2 * r.uniform());
  const sTrue = base * (1.05 + 0.3 * r.uniform());
  const start = '2026-01-05';
  const levels = targetLevels(3, 0.92);
  const test = opts.kind === 'step' ? stepSchedule(addDays(start, preDays), levels, opts.pairs ?? 3) : switchbackSchedule(addDays(start, preDays), [levels[0]!, levels[1]!], opts.pairs ?? 6, r);
  const schedule: Schedule = { kind: opts.kind ?? 'switchback', basis: 'pay', levels, days: test };
  let demand = 0;
  let budget = 0;
  const days: DayRecord[] = [];
  const total = preDays + test.length;
  for (let t = 0; t < total; t++) {
    const date = addDays(start, t);
    demand = 0.6 * demand + 0.15 * Math.sqrt(1 - 0.36) * r.normal();
    // The merchant's own slow budget moves before the test (some exogenous spread), none during it.
    if (t < preDays) budget = 0.93 * budget + 0.12 * r.normal();
    const inTest = t >= preDays ? test[t - preDays]! : null;
    const step = inTest && inTest.level > 0 ? 1 + spendStep : 1;
    const spend = base * Math.exp(budget) * step * Math.exp(coupling * demand + 0.08 * r.normal());
    const w = WEEKDAY[weekdayOf(date)]!;
    const gmv = (organic * w * Math.exp(demand) + responseOf(spend, shape)) * Math.exp(0.05 * r.normal());
    days.push(day(date, gmv, spend));
  }
  return { seed, history: { days, viewsMeasure: 'unknown' }, schedule, shape, sTrue, target: marginalOf(sTrue, shape) };
}
