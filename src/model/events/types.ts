/**
 * The e-commerce calendar's vocabulary: an event window is one phase of one 大促 (or a pause)
 * over whole days. The built-in calendar, the 活动日历 sheet and `--events FILE` all produce these.
 */
import type { IsoDate } from '../history';

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
