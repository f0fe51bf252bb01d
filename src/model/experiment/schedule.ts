/**
 * The dated test schedule: one ROI target per day (the platform allows many edits a day; the test
 * makes at most one, at the start of the day), every change within MAX_STEP of the target before
 * it, the first LEARNING_DAYS after a change marked to drop (the platform re-learns). A schedule
 * also comes from the ROI目标记录 target log, for tests already run.
 */
import { text, type Text } from '../../i18n/text';
import { addDays, dayIndex } from '../core';
import type { IsoDate, TargetLogEntry } from '../core';
import type { Rng } from '../numeric';

/** The platform's rule: keep each target change within 10 % of the target before it. */
export const MAX_STEP = 0.1;
/** Days after a change left out as learning (the platform's re-learning). */
export const LEARNING_DAYS = 1;
/** Each level of a target-step test is held this long (5–7 days; 7 balances the weekdays). */
export const STEP_HOLD_DAYS = 7;
/** Switchback blocks (3–7 days in the field): 5 keeps many blocks with one day dropped each. */
export const SWITCHBACK_BLOCK_DAYS = 5;

export type DesignKind = 'step' | 'switchback';
export type TargetBasis = 'pay' | 'net';

export interface ScheduleDay {
  date: IsoDate;
  /** Index into `levels` (0 = the current target: the base arm). */
  level: number;
  target: number;
  /** The target is changed at the start of this day. */
  change: boolean;
  /** Left out of the analysis (learning after a change). */
  drop: boolean;
  /** Block number: a run of days at one level (the cluster of the analysis). */
  block: number;
}

export interface Schedule {
  kind: DesignKind | 'log';
  basis: TargetBasis;
  /** Target of each level; level 0 is the base. */
  levels: number[];
  days: ScheduleDay[];
}

/** Rounds a target to the 0.01 the platform takes. */
export const roundTarget = (t: number): number => Math.round(t * 100) / 100;

/**
 * Levels from the base target towards `ratio` × base in equal steps of at most MAX_STEP both
 * ways (going back up from 0.9 is +11 %: the step is bounded by 1/(1 + MAX_STEP) as well).
 */
export function targetLevels(base: number, ratio: number): number[] {
  const lr = Math.log(ratio);
  const maxLn = Math.log(1 + MAX_STEP) * 0.97;
  const k = Math.max(1, Math.ceil(Math.abs(lr) / maxLn - 1e-9));
  const out = [roundTarget(base)];
  const ok = (a: number, b: number): boolean => Math.max(a / b, b / a) <= 1 + MAX_STEP + 1e-12;
  for (let j = 1; j <= k; j++) {
    const prev = out[j - 1]!;
    let t = roundTarget(base * Math.exp((lr * j) / k));
    // The 0.01 rounding can push a small target's step over the rule: pull it back towards the last.
    while (t !== prev && !ok(t, prev)) t = roundTarget(t + (prev > t ? 0.01 : -0.01));
    out.push(t);
  }
  return out;
}

/** Days → schedule days; the target in force before the first day is the base level's. */
function mark(dates: { date: IsoDate; level: number }[], levels: readonly number[]): ScheduleDay[] {
  const out: ScheduleDay[] = [];
  let block = -1;
  let sinceChange = Infinity;
  dates.forEach((d, i) => {
    const prev = dates[i - 1];
    const change = levels[prev?.level ?? 0] !== levels[d.level];
    if (i === 0 || prev!.level !== d.level) block++;
    sinceChange = change ? 0 : sinceChange + 1;
    out.push({ date: d.date, level: d.level, target: levels[d.level]!, change, drop: sinceChange < LEARNING_DAYS, block });
  });
  return out;
}

/**
 * A target-step schedule: the ladder walked up (0, 1, …, k) and down again, `legs` walks in all,
 * each level held `hold` days: legs 2 is 0 … k … 0, legs 3 ends at the top (a half cycle keeps the
 * sizing fine-grained).
 */
export function stepSchedule(start: IsoDate, levels: readonly number[], legs: number, hold = STEP_HOLD_DAYS): ScheduleDay[] {
  const k = levels.length - 1;
  const seq: number[] = [0];
  for (let leg = 0; leg < legs; leg++) {
    if (leg % 2 === 0) for (let j = 1; j <= k; j++) seq.push(j);
    else for (let j = k - 1; j >= 0; j--) seq.push(j);
  }
  const dates: { date: IsoDate; level: number }[] = [];
  let day = 0;
  for (const level of seq) for (let h = 0; h < hold; h++) dates.push({ date: addDays(start, day++), level });
  return mark(dates, levels);
}

/**
 * A switchback schedule: `blocksPerArm` pairs of blocks, each pair in random order (A B or B A):
 * balanced, never more than two blocks at one level in a row (a free permutation makes long runs,
 * few changes and few independent blocks).
 */
export function switchbackSchedule(start: IsoDate, levels: readonly [number, number], blocksPerArm: number, rng: Rng, block = SWITCHBACK_BLOCK_DAYS): ScheduleDay[] {
  const order: number[] = [];
  for (let i = 0; i < blocksPerArm; i++) order.push(...(rng.uniform() < 0.5 ? [0, 1] : [1, 0]));
  const dates: { date: IsoDate; level: number }[] = [];
  let day = 0;
  for (const level of order) for (let h = 0; h < block; h++) dates.push({ date: addDays(start, day++), level });
  return mark(dates, levels);
}

/** Effective (kept) days per level. */
export function keptDays(days: readonly ScheduleDay[], levelCount: number): number[] {
  const n = new Array<number>(levelCount).fill(0);
  for (const d of days) if (!d.drop) n[d.level]!++;
  return n;
}

/** Every change within MAX_STEP (tolerance for the 0.01 rounding) and at most one per day. */
export function ruleBreaks(days: readonly ScheduleDay[]): Text[] {
  const out: Text[] = [];
  const seen = new Set<IsoDate>();
  days.forEach((d, i) => {
    if (seen.has(d.date)) out.push(text(`${d.date}: more than one target on one day.`, `${d.date}：同一天有多个目标。`));
    seen.add(d.date);
    const prev = days[i - 1];
    if (prev && Math.abs(d.target / prev.target - 1) > MAX_STEP + 1e-9) {
      out.push(
        text(
          `${d.date}: the target moves from ${prev.target} to ${d.target}, more than ${100 * MAX_STEP} % in one change.`,
          `${d.date}：目标从 ${prev.target} 调到 ${d.target}，单次调整超过 ${100 * MAX_STEP}%。`,
        ),
      );
    }
  });
  return out;
}

/** One day of a test as a sheet or log gives it: the target in force, and whether to drop it (else learning decides). */
export interface TargetDay {
  date: IsoDate;
  target: number;
  drop?: boolean;
}

/**
 * A schedule from dated targets (consecutive days, ascending). Levels: the first day's target is
 * the base, the others follow from high to low (more spend down the list).
 */
export function scheduleFromTargets(days: readonly TargetDay[], basis: TargetBasis): Schedule | null {
  const first = days[0];
  if (!first) return null;
  const distinct = [...new Set(days.map((d) => d.target))].sort((p, q) => q - p);
  const levels = [first.target, ...distinct.filter((t) => t !== first.target)];
  const marked = mark(
    days.map((d) => ({ date: d.date, level: levels.indexOf(d.target) })),
    levels,
  );
  days.forEach((d, i) => {
    if (d.drop !== undefined) marked[i]!.drop = d.drop;
  });
  return { kind: 'log', basis, levels, days: marked };
}

/** The schedule a target log describes: from its first entry to `lastDate`, each day's target the last one set on or before it. */
export function scheduleFromLog(log: readonly TargetLogEntry[], lastDate: IsoDate): Schedule | null {
  const sorted = [...log].sort((p, q) => dayIndex(p.date) - dayIndex(q.date));
  const first = sorted[0];
  if (!first || first.date > lastDate) return null;
  const days: TargetDay[] = [];
  let j = 0;
  for (let d = first.date; d <= lastDate; d = addDays(d, 1)) {
    while (j + 1 < sorted.length && sorted[j + 1]!.date <= d) j++;
    days.push({ date: d, target: sorted[j]!.target });
  }
  return scheduleFromTargets(days, first.basis);
}
