/**
 * Days that are not normal days, found and named: event phases (from the history's windows),
 * pauses (near-zero GMV inside a run: 春节, a closed shop), stock-outs (a day or two far below
 * the room's level), learning (the first days after ads start or after a large spend or target
 * step), anomalies (a robust residual far outside the room's own noise) and missing dates.
 * The fits treat these days apart; the surfaces list them. Thresholds: docs/model.md "Flagged days".
 */
import { addDays, dayIndex, weekdayOf } from '../core';
import { MAD_TO_SD, median as medianOf } from '../numeric';
import type { DayRecord, EventWindow, FlagKind, FlaggedDay, History, IsoDate } from '../core';

/** GMV below this share of the local level is near-zero (a pause when it lasts, else a stock-out). */
export const PAUSE_SHARE = 0.1;
/** GMV below this share of the local level for at most STOCKOUT_MAX_RUN days is a stock-out. */
export const STOCKOUT_SHARE = 0.45;
export const STOCKOUT_MAX_RUN = 2;
/** Days flagged learning after ads start, and after a target or spend step. */
export const LEARNING_AFTER_START = 4;
export const LEARNING_AFTER_STEP = 3;
/** A target step this large (relative), or spend this many times its last week's median, starts learning. */
export const TARGET_STEP = 0.08;
export const SPEND_STEP = 2;
/** |robust residual| above this many robust sds is an anomaly. */
export const ANOMALY_Z = 4;
const LOCAL_DAYS = 14;

const ORDER: Record<FlagKind, number> = { missing: 0, pause: 1, stockout: 2, event: 3, learning: 4, anomaly: 5 };

/** The numeric median, NaN (not 0) for no values: an empty window has no level. */
const median = (xs: ArrayLike<number>): number => (xs.length === 0 ? NaN : medianOf(xs));

/** The window (if any) each day falls in; the first listed wins on overlaps. */
export function windowsByDay(days: readonly DayRecord[], windows: readonly EventWindow[] | undefined): (EventWindow | null)[] {
  const ws = (windows ?? []).map((w) => ({ w, a: dayIndex(w.first), b: dayIndex(w.last) }));
  return days.map((d) => {
    const t = dayIndex(d.date);
    for (const x of ws) if (x.a <= t && t <= x.b) return x.w;
    return null;
  });
}

/** Why a day is flagged learning: ads switched on, a restart after a pause, a target step, a spend step. */
export type LearningCause = 'start' | 'restart' | 'target' | 'spend';

/** Every flagged day of the history, ascending by date (a day may carry an event and a learning flag). */
export function flagDays(history: History): FlaggedDay[] {
  return flagDaysWithCause(history).flags;
}

/** flagDays, with the cause of each learning day (the fits weigh them by cause). */
export function flagDaysWithCause(history: History): { flags: FlaggedDay[]; learning: Map<IsoDate, LearningCause> } {
  const days = history.days;
  const n = days.length;
  const out: FlaggedDay[] = [];
  const learning = new Map<IsoDate, LearningCause>();
  if (n === 0) return { flags: out, learning };
  const idx = days.map((d) => dayIndex(d.date));
  const win = windowsByDay(days, history.events);
  const flagged = new Array<Set<FlagKind>>(n);
  for (let i = 0; i < n; i++) flagged[i] = new Set();
  const flag = (i: number, kind: FlagKind, cause?: LearningCause): void => {
    if (i < 0 || i >= n) return;
    if (cause && !learning.has(days[i]!.date)) learning.set(days[i]!.date, cause);
    if (flagged[i]!.has(kind)) return;
    flagged[i]!.add(kind);
    const w = win[i];
    out.push({ date: days[i]!.date, kind, ...(w && (kind === 'event' || kind === 'pause') ? { name: w.name, phase: w.phase } : {}) });
  };

  // Missing dates between the first and the last day.
  for (let i = 1; i < n; i++) for (let t = idx[i - 1]! + 1; t < idx[i]!; t++) out.push({ date: addDays(days[0]!.date, t - idx[0]!), kind: 'missing' });

  // Event phases and named pauses, from the windows.
  for (let i = 0; i < n; i++) {
    const w = win[i];
    if (w) flag(i, w.phase === 'pause' ? 'pause' : 'event');
  }

  // Local level: median GMV of the surrounding days outside any window.
  const local = new Float64Array(n);
  let lo = 0;
  for (let i = 0; i < n; i++) {
    while (idx[lo]! < idx[i]! - LOCAL_DAYS) lo++;
    const around: number[] = [];
    for (let j = lo; j < n && idx[j]! <= idx[i]! + LOCAL_DAYS; j++) if (j !== i && !win[j]) around.push(days[j]!.gmv);
    local[i] = median(around);
  }
  const share = (i: number): number => (local[i]! > 0 ? days[i]!.gmv / local[i]! : 1);
  // A stock-out is judged against days of the same ad status (ads on, or off): switching ads on is not one.
  const localSame = new Float64Array(n);
  lo = 0;
  for (let i = 0; i < n; i++) {
    while (idx[lo]! < idx[i]! - LOCAL_DAYS) lo++;
    const around: number[] = [];
    const on = days[i]!.spend > 0;
    for (let j = lo; j < n && idx[j]! <= idx[i]! + LOCAL_DAYS; j++) if (j !== i && !win[j] && days[j]!.spend > 0 === on) around.push(days[j]!.gmv);
    localSame[i] = around.length >= 5 ? median(around) : NaN;
  }
  const shareSame = (i: number): number => (localSame[i]! > 0 ? days[i]!.gmv / localSame[i]! : 1);
  const low = (i: number): boolean => share(i) < PAUSE_SHARE || shareSame(i) < STOCKOUT_SHARE;

  // Pauses and stock-outs: runs of low days outside the windows.
  for (let i = 0; i < n; ) {
    if (win[i] || !low(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && !win[j + 1] && idx[j + 1] === idx[j]! + 1 && low(j + 1)) j++;
    const run = j - i + 1;
    let nearZero = true;
    for (let k = i; k <= j; k++) if (!(share(k) < PAUSE_SHARE)) nearZero = false;
    const kind: FlagKind = nearZero && run > STOCKOUT_MAX_RUN ? 'pause' : 'stockout';
    if (run <= STOCKOUT_MAX_RUN || kind === 'pause') for (let k = i; k <= j; k++) flag(k, kind);
    i = j + 1;
  }

  const firstAd = days.findIndex((d) => d.spend > 0);
  // Learning: after ads start (≥ 2 days without spend before) or a pause ends, after a target or a spend step.
  for (let i = 1; i < n; i++) {
    const restart = flagged[i - 1]!.has('pause') && !flagged[i]!.has('pause');
    if (restart || (days[i]!.spend > 0 && days[i - 1]!.spend === 0 && (i < 2 || days[i - 2]!.spend === 0))) {
      for (let k = 0; k < LEARNING_AFTER_START; k++) flag(i + k, 'learning', restart || i > firstAd ? 'restart' : 'start');
    }
  }
  const log = history.targetLog ?? [];
  const pos = new Map(days.map((d, i) => [d.date, i]));
  for (let e = 1; e < log.length; e++) {
    const step = log[e]!.target / log[e - 1]!.target - 1;
    const at = firstOnOrAfter(days, pos, log[e]!.date);
    if (at !== null && Math.abs(step) >= TARGET_STEP) for (let k = 0; k < LEARNING_AFTER_STEP; k++) flag(at + k, 'learning', 'target');
  }
  for (let i = 7; i < n - 2; i++) {
    if (win[i] || win[i - 1] || !(days[i]!.spend > 0)) continue;
    const week = days.slice(i - 7, i);
    // A step is judged against a week with ads on throughout (switching on is its own rule).
    if (!week.every((d) => d.spend > 0)) continue;
    const before = median(week.map((d) => d.spend));
    const after = median(days.slice(i, i + 3).map((d) => d.spend));
    if (!(before > 0)) continue;
    const r = days[i]!.spend / before;
    const ra = after / before;
    if ((r >= SPEND_STEP && ra >= 0.9 * SPEND_STEP) || (r <= 1 / SPEND_STEP && ra <= 1 / (0.9 * SPEND_STEP))) {
      for (let k = 0; k < LEARNING_AFTER_STEP; k++) flag(i + k, 'learning', 'spend');
      i += LEARNING_AFTER_STEP - 1;
    }
  }

  // Anomalies: ln GMV against the local level and weekday, in robust sds of the normal days.
  const normal = (i: number): boolean => !win[i] && !flagged[i]!.has('pause') && !flagged[i]!.has('stockout') && days[i]!.gmv > 0 && local[i]! > 0;
  const byDow: number[][] = [[], [], [], [], [], [], []];
  for (let i = 0; i < n; i++) if (normal(i)) byDow[weekdayOf(days[i]!.date)]!.push(Math.log(share(i)));
  const dowShift = byDow.map((xs) => (xs.length > 0 ? median(xs) : 0));
  const res: number[] = [];
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!normal(i)) continue;
    r[i] = Math.log(share(i)) - dowShift[weekdayOf(days[i]!.date)]!;
    res.push(Math.abs(r[i]!));
  }
  const scale = MAD_TO_SD * median(res);
  if (scale > 0) for (let i = 0; i < n; i++) if (normal(i) && Math.abs(r[i]!) > ANOMALY_Z * scale) flag(i, 'anomaly');

  out.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : ORDER[p.kind] - ORDER[q.kind]));
  return { flags: out, learning };
}

function firstOnOrAfter(days: readonly DayRecord[], pos: Map<IsoDate, number>, date: IsoDate): number | null {
  const hit = pos.get(date);
  if (hit !== undefined) return hit;
  const t = dayIndex(date);
  for (let i = 0; i < days.length; i++) if (dayIndex(days[i]!.date) >= t) return i;
  return null;
}
