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
