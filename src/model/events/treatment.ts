/**
 * How the fits treat each history day (event_handling): `ignore` takes every day as a normal day
 * (the behaviour before events were known); `exclude` leaves event days out; `model` gives each
 * event phase with enough days its own organic and response multiplier and leaves shorter phases
 * out. Under model and exclude, pause and stock-out days are out and learning days count less.
 */
import type { EventPhase, History } from '../core';
import { flagDaysWithCause } from './flags';

export type EventHandling = 'model' | 'exclude' | 'ignore';
/** The event_handling assumption's numeric code (registry: 0 model, 1 exclude, 2 ignore). */
export const EVENT_HANDLINGS: readonly EventHandling[] = ['model', 'exclude', 'ignore'];

/** A phase is modelled when the history holds at least this many of its days. */
export const MIN_EVENT_DAYS = 5;
/** Weight of a learning day in the fits. */
export const LEARNING_WEIGHT = 0.3;

export interface EventGroup {
  name: string;
  phase: EventPhase;
  /** Days of this phase in the history. */
  days: number;
  /** Modelled with its own multipliers (else its days are out of the fit). */
  fitted: boolean;
}

export interface DayTreatment {
  handling: EventHandling;
  /** Per history day: weight in the fit, 0 = left out. */
  weight: Float64Array;
  /** Per history day: index into `groups` when the day is a modelled event day, else −1. */
  group: Int32Array;
  groups: EventGroup[];
  /** Days left out (pause, stock-out, events not modelled). */
  excluded: number;
  /**
   * Per history day: 1 on the learning days after a logged ROI-target step. They carry
   * LEARNING_WEIGHT here; the whole-room fit instead keeps them at full weight with their own
   * response multiplier (they are where the target, the instrument, moves spend).
   */
  targetLearning: Uint8Array;
}

export function eventHandlingOf(code: number | null | undefined): EventHandling {
  return EVENT_HANDLINGS[code ?? 0] ?? 'model';
}

/**
 * The treatment of each day of `history`. Learning days count less only after a restart or a
 * target step (the platform re-learns); the first switch-on and big spend steps keep full weight:
 * they are the spend variation the curve is read from.
 */
export function treatDays(history: History, handling: EventHandling): DayTreatment {
  const n = history.days.length;
  const weight = new Float64Array(n).fill(1);
  const group = new Int32Array(n).fill(-1);
  const groups: EventGroup[] = [];
  const targetLearning = new Uint8Array(n);
  if (handling === 'ignore') return { handling, weight, group, groups, excluded: 0, targetLearning };
  const pos = new Map(history.days.map((d, i) => [d.date, i]));
  const eventOf = new Array<{ name: string; phase: EventPhase } | null>(n).fill(null);
  const { flags, learning } = flagDaysWithCause(history);
  for (const f of flags) {
    const i = pos.get(f.date);
    if (i === undefined) continue;
    const cause = learning.get(f.date);
    if (f.kind === 'pause' || f.kind === 'stockout') weight[i] = 0;
    else if (f.kind === 'learning' && (cause === 'restart' || cause === 'target')) {
      weight[i] = Math.min(weight[i]!, LEARNING_WEIGHT);
      if (cause === 'target') targetLearning[i] = 1;
    }
    else if (f.kind === 'event' && f.name !== undefined && f.phase !== undefined) eventOf[i] = { name: f.name, phase: f.phase };
  }
  const key = (e: { name: string; phase: EventPhase }): string => `${e.name}\u0000${e.phase}`;
  const count = new Map<string, number>();
  eventOf.forEach((e, i) => {
    if (e && weight[i]! > 0) count.set(key(e), (count.get(key(e)) ?? 0) + 1);
  });
  const index = new Map<string, number>();
  eventOf.forEach((e, i) => {
    if (!e) return;
    const k = key(e);
    let g = index.get(k);
    if (g === undefined) {
      const days = count.get(k) ?? 0;
      g = groups.length;
      index.set(k, g);
      groups.push({ name: e.name, phase: e.phase, days, fitted: handling === 'model' && days >= MIN_EVENT_DAYS });
    }
    if (groups[g]!.fitted) group[i] = g;
    else weight[i] = 0;
  });
  let excluded = 0;
  for (let i = 0; i < n; i++) if (weight[i] === 0) excluded++;
  return { handling, weight, group, groups, excluded, targetLearning };
}
