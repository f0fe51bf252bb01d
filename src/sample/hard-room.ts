/**
 * Hard rooms with known truth: merchants whose spend the PLATFORM chooses at the merchant's ROI
 * target (more on strong days, less when the target rises), with 大促 windows on the real
 * calendar, a 春节 pause, stock-outs, learning days after big steps and missing dates. Whole-room
 * (全域, no paid split) and direct (paid split) shapes. Pure and seeded: the fits' acceptance
 * families and the docs' measured numbers are drawn from here.
 *
 *   organic_t = B · w(dow) · e^{g·t} · e^{u_t} · O(phase_t)         u AR(1) log demand shock
 *   paid_t    = Hill(S_t) · R(phase_t) · e^{ε_t} · (learning ? 0.7 : 1)
 *   ln S_t    = ln S0 − e·ln(T_t / T0) + β·u_t + σ_s·η_t + ln O(phase_t)    β = coupling · 2.5
 */
import { addDays, dayIndex, weekdayOf } from '../model/core';
import type { DayRecord, EventPhase, EventWindow, History, IsoDate, TargetLogEntry } from '../model/core';
import { Rng } from '../model/numeric';
import { marginalOf, solveMarginal } from '../model/transforms';
import { hill, type HillTruth } from './merchant';

export type HardKind = 'whole-room' | 'direct';
/** What a day truly is (the flags' and the fits' ground truth). */
export type TrueDay = 'normal' | 'event' | 'pause' | 'stockout' | 'learning';

export interface HardRoomTruth {
  kind: HardKind;
  days: number;
  startDate: IsoDate;
  organicPerDay: number;
  weekday: readonly number[];
  /** Log growth per day. */
  growth: number;
  /** Stationary log-sd and AR(1) coefficient of the organic demand shock. */
  demandSd: number;
  demandAr: number;
  curve: HillTruth;
  paidNoise: number;
  /** 0: spend ignores demand; 1: the platform spends strongly into strong days. */
  coupling: number;
  /** Spend at the starting target, and its elasticity to the target (spend ∝ T^−e). */
  spend0: number;
  targetElasticity: number;
  /** Day-to-day platform spend noise unrelated to demand (log-sd). */
  spendNoise: number;
  /** Starting 净成交ROI target; steps of at most 10 % every 6–16 days, kept in [0.78, 1.28]·T0. */
  target0: number;
  /** 大促 windows (618, 双11, 双12) and the 春节 pause on; strength scales the phase multipliers. */
  events: boolean;
  eventStrength: number;
  pause: boolean;
  stockouts: number;
  missing: number;
  aov: number;
  /** Export 罗盘 非投放时段 GMV (whole room): the day's organic GMV with 5 % noise. */
  observedOrganic: boolean;
}

export const DEFAULT_HARD_ROOM: HardRoomTruth = {
  kind: 'whole-room',
  days: 240,
  startDate: '2025-03-01',
  organicPerDay: 20000,
  weekday: [1.12, 0.93, 0.92, 0.94, 0.97, 1.02, 1.1],
  growth: 0,
  demandSd: 0.12,
  demandAr: 0.5,
  curve: { gmax: 40000, k: 5000, a: 1 },
  paidNoise: 0.12,
  coupling: 0,
  spend0: 5000,
  targetElasticity: 2.5,
  spendNoise: 0.12,
  target0: 3,
  events: true,
  eventStrength: 1,
  pause: true,
  stockouts: 2,
  missing: 3,
  aov: 150,
  observedOrganic: false,
};

/** True multipliers per phase at strength 1 (organic, response); pause days are near-zero. */
const PHASE_TRUTH: Record<Exclude<EventPhase, 'pause'>, { organic: number; response: number }> = {
  build: { organic: 1.15, response: 1.05 },
  warmup: { organic: 1.3, response: 1.15 },
  peak: { organic: 2.2, response: 1.5 },
  encore: { organic: 1.4, response: 1.15 },
  hangover: { organic: 0.85, response: 0.9 },
};

type Span = [EventPhase, string, string];
/** The generator's calendar (month-day spans per year), shaped like the platform's 2025 one. */
const EVENTS: { name: string; spans: Span[] }[] = [
  {
    name: '618',
    spans: [
      ['build', '05-13', '05-26'],
      ['warmup', '05-27', '06-14'],
      ['peak', '06-15', '06-18'],
      ['encore', '06-19', '06-21'],
      ['hangover', '06-22', '06-28'],
    ],
  },
  {
    name: '双11',
    spans: [
      ['build', '10-09', '10-19'],
      ['warmup', '10-20', '11-07'],
      ['peak', '11-08', '11-11'],
      ['encore', '11-12', '11-14'],
      ['hangover', '11-15', '11-21'],
    ],
  },
  {
    name: '双12',
    spans: [
      ['warmup', '12-01', '12-09'],
      ['peak', '12-10', '12-12'],
    ],
  },
];
/** 春节 (lunar new year's day); the pause runs from 3 days before to 3 days after. */
const SPRING: Record<number, IsoDate> = { 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26' };

/** The generator's true windows overlapping [first, last]. */
export function hardRoomWindows(first: IsoDate, last: IsoDate, pause: boolean): EventWindow[] {
  const y0 = Number(first.slice(0, 4));
  const y1 = Number(last.slice(0, 4));
  const out: EventWindow[] = [];
  const lo = dayIndex(first);
  const hi = dayIndex(last);
  for (let y = y0; y <= y1; y++) {
    for (const e of EVENTS) {
      for (const [phase, a, b] of e.spans) {
        const w: EventWindow = { name: e.name, phase, first: `${y}-${a}`, last: `${y}-${b}` };
        if (dayIndex(w.last) >= lo && dayIndex(w.first) <= hi) out.push(w);
      }
    }
    const ny = SPRING[y];
    if (pause && ny) {
      const w: EventWindow = { name: '春节', phase: 'pause', first: addDays(ny, -3), last: addDays(ny, 3) };
      if (dayIndex(w.last) >= lo && dayIndex(w.first) <= hi) out.push(w);
    }
  }
  return out.sort((p, q) => dayIndex(p.first) - dayIndex(q.first));
}

export interface HardRoom {
  truth: HardRoomTruth;
  history: History;
  /** The true S* at a target marginal ROI (from the true incremental curve). */
  sStarAt(targetMarginal: number): number;
  /** A target marginal ROI whose true S* lies inside the spend the history saw, and that S*. */
  target: number;
  sTrue: number;
  /** True multipliers of each event phase in the history (strength applied). */
  phases: { name: string; phase: EventPhase; organic: number; response: number }[];
  /** What each generated date truly is (missing dates included, as generated). */
  dayKind: Map<IsoDate, TrueDay>;
  /** Log demand shock and spend per generated day (index = day from startDate). */
  shock: number[];
  spend: number[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function windowAt(windows: readonly EventWindow[], date: IsoDate): EventWindow | null {
  const d = dayIndex(date);
  for (const w of windows) if (dayIndex(w.first) <= d && d <= dayIndex(w.last)) return w;
  return null;
}

/** A seeded hard room. */
export function generateHardRoom(seed: number, overrides: Partial<HardRoomTruth> = {}): HardRoom {
  const t: HardRoomTruth = { ...DEFAULT_HARD_ROOM, ...overrides };
  const rng = new Rng(seed);
  const n = t.days;
  const lastDate = addDays(t.startDate, n - 1);
  const windows = t.events || t.pause ? hardRoomWindows(t.startDate, lastDate, t.pause).filter((w) => (w.phase === 'pause' ? t.pause : t.events)) : [];
  const mult = (w: EventWindow | null): { organic: number; response: number } => {
    if (!w || w.phase === 'pause') return { organic: 1, response: 1 };
    const m = PHASE_TRUTH[w.phase];
    return { organic: Math.pow(m.organic, t.eventStrength), response: Math.pow(m.response, t.eventStrength) };
  };

  // Target path: steps of 5–10 % every 6–16 days, reflected inside [0.78, 1.28]·T0.
  const target = new Array<number>(n).fill(t.target0);
  const log: TargetLogEntry[] = [{ date: t.startDate, target: t.target0, basis: 'net', mode: 'cost' }];
  let next = 6 + Math.floor(10 * rng.uniform());
  let cur = t.target0;
  const stepDay = new Set<number>();
  for (let i = 1; i < n; i++) {
    if (i === next) {
      let step = (0.05 + 0.05 * rng.uniform()) * (rng.uniform() < 0.5 ? -1 : 1);
      if (cur * (1 + step) > 1.28 * t.target0 || cur * (1 + step) < 0.78 * t.target0) step = -step;
      cur = Math.round(cur * (1 + step) * 100) / 100;
      log.push({ date: addDays(t.startDate, i), target: cur, basis: 'net', mode: 'cost' });
      if (Math.abs(step) >= 0.08) stepDay.add(i);
      next = i + 6 + Math.floor(10 * rng.uniform());
    }
    target[i] = cur;
  }

  // Stock-outs on normal days away from the edges; missing dates likewise.
  const dates = Array.from({ length: n }, (_, i) => addDays(t.startDate, i));
  const win = dates.map((d) => windowAt(windows, d));
  const free = (i: number): boolean => i > 10 && i < n - 10 && !win[i] && !win[i - 1] && !win[i + 1];
  const pick = (count: number, taken: Set<number>): Set<number> => {
    const out = new Set<number>();
    for (let k = 0; k < 200 && out.size < count; k++) {
      const i = Math.floor(rng.uniform() * n);
      if (free(i) && !taken.has(i) && !taken.has(i - 1) && !taken.has(i + 1)) out.add(i);
    }
    return out;
  };
  const stockout = pick(t.stockouts, new Set());
  const missing = pick(t.missing, stockout);

  const beta = 2.5 * t.coupling;
  const dow0 = weekdayOf(t.startDate);
  const shock: number[] = [];
  const spend: number[] = [];
  const dayKind = new Map<IsoDate, TrueDay>();
  const days: DayRecord[] = [];
  let u = t.demandSd * rng.normal();
  let learnLeft = 0;
  let paused = false;
  const innov = t.demandSd * Math.sqrt(1 - t.demandAr * t.demandAr);
  for (let i = 0; i < n; i++) {
    if (i > 0) u = t.demandAr * u + innov * rng.normal();
    const w = win[i]!;
    const m = mult(w);
    const isPause = w?.phase === 'pause';
    if (isPause) paused = true;
    else if (paused) {
      paused = false;
      learnLeft = 4;
    }
    if (stepDay.has(i)) learnLeft = Math.max(learnLeft, 3);
    const learning = !isPause && learnLeft > 0;
    if (learnLeft > 0 && !isPause) learnLeft--;
    const so = stockout.has(i);
    const organicMean = t.organicPerDay * (t.weekday[(dow0 + i) % 7] ?? 1) * Math.exp(t.growth * i);
    let s = isPause ? 0 : t.spend0 * Math.pow(target[i]! / t.target0, -t.targetElasticity) * Math.exp(beta * u + t.spendNoise * rng.normal()) * m.organic;
    if (so) s *= 0.5;
    s = round2(s);
    let organic = organicMean * Math.exp(u) * m.organic;
    let paid = s > 0 ? hill(s, t.curve) * m.response * Math.exp(t.paidNoise * rng.normal()) * (learning ? 0.7 : 1) : 0;
    if (isPause) organic *= 0.02;
    if (so) {
      organic *= 0.2;
      paid *= 0.2;
    }
    shock.push(u);
    spend.push(s);
    dayKind.set(dates[i]!, isPause ? 'pause' : so ? 'stockout' : w ? 'event' : learning ? 'learning' : 'normal');
    if (missing.has(i)) continue;
    const gmv = round2(organic + paid);
    const orders = Math.max(0, Math.round(gmv / t.aov));
    const whole = t.kind === 'whole-room';
    const share = gmv > 0 ? organic / gmv : 1;
    const obs = whole && t.observedOrganic && organic > 0 ? { organicGmvObserved: round2(organic * Math.exp(0.05 * rng.normal())) } : {};
    days.push({
      ...obs,
      date: dates[i]!,
      views: Math.round((gmv / t.aov) * 90),
      organicViews: whole && s > 0 ? null : Math.round((gmv / t.aov) * 90 * share),
      paidViews: whole ? null : Math.round((gmv / t.aov) * 90 * (1 - share)),
      orders,
      gmv,
      refundAmount: round2(gmv * 0.25),
      spend: s,
      paidGmv: whole ? (s > 0 ? null : 0) : round2(paid),
      paidOrders: whole ? (s > 0 ? null : 0) : orders * (1 - share),
      organicGmv: whole ? (s > 0 ? null : gmv) : round2(organic),
      organicOrders: whole ? (s > 0 ? null : orders) : orders * share,
      buyers: Math.round(orders * 0.93),
      impressions: null,
      clicks: null,
      netGmv: round2(gmv * 0.94),
      refund1hRate: 0.06,
    });
  }

  const shape = { kind: 'hill' as const, ...t.curve };
  // The true S* at a marginal ROI whose S* sits inside the normal days' spend (seeded spot).
  const sTrue = t.spend0 * Math.pow(1.6, 2 * rng.uniform() - 1);
  const phases: HardRoom['phases'] = [];
  for (const w of windows) {
    if (w.phase === 'pause' || phases.some((p) => p.name === w.name && p.phase === w.phase)) continue;
    phases.push({ name: w.name, phase: w.phase, ...mult(w) });
  }
  return {
    truth: t,
    history: { days, viewsMeasure: 'count', gmvMeasure: t.kind === 'whole-room' ? 'room_gmv' : 'gmv', events: windows, targetLog: log },
    sStarAt: (m) => solveMarginal(shape, m),
    target: marginalOf(sTrue, shape),
    sTrue,
    phases,
    dayKind,
    shock,
    spend,
  };
}

/** A family of hard rooms: curve, room size and ROI drawn per merchant (ROI 2–5 at the typical spend). */
export function hardRoomFamily(n: number, offset: number, overrides: Partial<HardRoomTruth> = {}, minDays = 120): HardRoom[] {
  const out: HardRoom[] = [];
  for (let i = 1; i <= n; i++) {
    const r = new Rng(offset + 7919 * i);
    const k = 2000 * Math.pow(4, r.uniform());
    const a = 0.7 + 0.6 * r.uniform();
    const spend0 = k * (0.5 + r.uniform());
    const roi = 2 + 3 * r.uniform();
    // Gmax so that Hill(spend0) / spend0 = roi.
    const z = Math.pow(spend0 / k, a);
    const gmax = (roi * spend0 * (1 + z)) / z;
    const organicPerDay = roi * spend0 * (i % 2 === 0 ? 1.5 + 1.5 * r.uniform() : 0.4 + 0.6 * r.uniform());
    const days = minDays + Math.floor((401 - minDays) * r.uniform());
    // Start so the history ends between 2025-07 and 2026-01: most hold 618 or 双11.
    const end = addDays('2025-07-01', Math.floor(200 * r.uniform()));
    out.push(generateHardRoom(offset + i, { days, startDate: addDays(end, -(days - 1)), curve: { gmax, k, a }, spend0, organicPerDay, ...overrides }));
  }
  return out;
}
