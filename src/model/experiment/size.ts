/**
 * Sizing a designed test. The textbook formula (power.ts) counts days per arm as if each arm were
 * one long run; a real schedule alternates, drops learning days and reads the contrast after
 * weekday and trend terms. So the designer sizes the schedule it will hand out: the exact
 * standard error of its contrast under the room's AR(1) noise (its.ts), against the t test on
 * contrastDf(blocks) degrees of freedom that the analyser runs (power.ts tTestPower).
 */
import { contrastDf, daysPerArm, ncpFor, tTestPower } from './power';
import { contrastSe } from './its';
import { keptDays, type DesignKind, type Schedule } from './schedule';

/** The longest test the designer proposes (8 weeks). */
export const MAX_TEST_DAYS = 56;
/** The most repeats tried before the designer says no. */
const MAX_REPEATS = 120;

export interface TestSize {
  kind: DesignKind;
  /** Target levels besides the base. */
  steps: number;
  /** Switchback: pairs of blocks; step: walks up or down the ladder. */
  repeats: number;
  totalDays: number;
  /** Kept days on the arm with fewer (base or top level). */
  keptPerArm: number;
  /** Blocks at the base or the top level (the clusters carrying the contrast). */
  contrastBlocks: number;
  /** Standard error of the top-vs-base contrast as a share of GMV. */
  se: number;
  /** The formula's days per arm (normal critical value, one long run per arm). */
  formulaDaysPerArm: number;
  /** The GMV lift (share) the test is sized for. */
  lift: number;
  /** Its power to detect that lift (≥ 80 % when sized for the lift: whole repeats overshoot). */
  power: number;
  schedule: Schedule;
}

/** A schedule with `repeats` repeats (the designer's own, so its random order is the one sized). */
export type ScheduleBuilder = (repeats: number) => Schedule;

interface Measured {
  se: number;
  blocks: number;
  kept: number;
  df: number;
  /** The lift detectable at 80 % power. */
  need: number;
}

function measure(s: Schedule, cv: number, rho: number): Measured | null {
  const top = s.levels.length - 1;
  const rows = s.days.filter((d) => !d.drop);
  const se = contrastSe(rows, s.levels.length, top, cv, rho);
  if (se === null) return null;
  const blocks = new Set(rows.filter((d) => d.level === 0 || d.level === top).map((d) => d.block)).size;
  const df = contrastDf(blocks);
  const kept = keptDays(s.days, s.levels.length);
  return { se, blocks, df, kept: Math.min(kept[0]!, kept[top]!), need: ncpFor(df) * se };
}

function sized(s: Schedule, kind: DesignKind, repeats: number, m: Measured, cv: number, rho: number, lift: number): TestSize {
  return {
    kind,
    steps: s.levels.length - 1,
    repeats,
    totalDays: s.days.length,
    keptPerArm: m.kept,
    contrastBlocks: m.blocks,
    se: m.se,
    formulaDaysPerArm: daysPerArm(cv, rho, lift),
    lift,
    power: tTestPower(lift / m.se, m.df),
    schedule: s,
  };
}

/** The smallest schedule that detects `lift` at 80 % power; the largest tried when none does. */
export function sizeForLift(cv: number, rho: number, lift: number, kind: DesignKind, build: ScheduleBuilder): TestSize {
  let last: TestSize | null = null;
  for (let repeats = 2; repeats <= MAX_REPEATS; repeats++) {
    const s = build(repeats);
    const m = measure(s, cv, rho);
    if (!m) continue;
    last = sized(s, kind, repeats, m, cv, rho, lift);
    if (m.need <= lift) return last;
    // Far from enough: skip ahead (the error falls like 1/√repeats).
    const jump = Math.floor(repeats * ((m.need / lift) ** 2 - 1) * 0.5);
    if (jump > 1) repeats += jump - 1;
  }
  const s = build(MAX_REPEATS);
  const m = measure(s, cv, rho);
  return m ? sized(s, kind, MAX_REPEATS, m, cv, rho, lift) : last!;
}

/** The lift the longest schedule of at most `days` days detects; null when even two repeats do not fit. */
export function sizeForDays(cv: number, rho: number, days: number, kind: DesignKind, build: ScheduleBuilder): TestSize | null {
  let best: { s: Schedule; repeats: number } | null = null;
  for (let repeats = 2; repeats <= MAX_REPEATS; repeats++) {
    const s = build(repeats);
    if (s.days.length > days) break;
    best = { s, repeats };
  }
  if (!best) return null;
  const m = measure(best.s, cv, rho);
  if (!m) return null;
  return sized(best.s, kind, best.repeats, m, cv, rho, m.need);
}
