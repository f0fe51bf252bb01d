/**
 * The plan's days inside event windows: which window each plan day falls in, and the multipliers it
 * plans with — the user's (from the calendar row), else the merchant's own fitted ones (the fit's
 * FittedEventEffect for that event and phase), else the labelled defaults (phase-defaults.ts).
 * Which windows change a plan at all is the scenario's `event_plan` (docs/model.md).
 */
import { dayIndex, type EventPhase, type EventWindow, type FittedEventEffect, type IsoDate } from '../core';
import { eventKey } from './calendar';
import { PHASE_DEFAULTS, type MultiplierSource, type PhaseMultipliers } from './phase-defaults';

export interface PlanEventDay {
  window: EventWindow;
  multipliers: PhaseMultipliers;
  /** Where organic × and response × came from (refund, capacity and cost × are always defaults). */
  source: MultiplierSource;
  /** 1-based plan day of the window's first day (≤ 0 when it began before the plan). */
  windowStart: number;
}

/** The windows a scenario plans with, by its `event_plan` code (0 confirmed, 1 all, 2 none). */
export function appliedWindows(windows: readonly EventWindow[] | undefined, eventPlan: number): EventWindow[] {
  if (!windows || eventPlan === 2) return [];
  return eventPlan === 1 ? windows.slice() : windows.filter((w) => w.isDefault !== true);
}

/** Phases whose goods are bought event_stock_days before the window (build-up and hangover trade as usual). */
export function isStocked(phase: EventPhase): boolean {
  return phase === 'warmup' || phase === 'peak' || phase === 'encore';
}

function fittedFor(fitted: readonly FittedEventEffect[], w: EventWindow): FittedEventEffect | undefined {
  const key = eventKey(w.name);
  return fitted.find((f) => f.fitted && f.phase === w.phase && eventKey(f.name) === key && f.organic > 0 && f.response > 0);
}

function multipliersOf(w: EventWindow, fitted: readonly FittedEventEffect[]): { m: PhaseMultipliers; source: MultiplierSource } {
  const d = PHASE_DEFAULTS[w.phase];
  const uo = w.organicMultiplier ?? null;
  const ur = w.responseMultiplier ?? null;
  const f = fittedFor(fitted, w);
  const organic = uo ?? f?.organic ?? d.organic;
  const response = ur ?? f?.response ?? d.response;
  const source: MultiplierSource = uo !== null || ur !== null ? 'user' : f ? 'fitted' : 'default';
  return { m: { ...d, organic, response }, source };
}

/**
 * Per plan day t = 1 … horizon (index t − 1) the window it falls in and its multipliers, or null
 * when no applied window touches the horizon. The first window listed wins an overlap.
 */
export function planEventDays(
  windows: readonly EventWindow[],
  lastDate: IsoDate,
  horizon: number,
  fitted: readonly FittedEventEffect[],
): (PlanEventDay | null)[] | null {
  if (windows.length === 0 || horizon < 1) return null;
  const t0 = dayIndex(lastDate);
  const out = new Array<PlanEventDay | null>(horizon).fill(null);
  let any = false;
  for (const w of windows) {
    const a = Math.max(1, dayIndex(w.first) - t0);
    const b = Math.min(horizon, dayIndex(w.last) - t0);
    if (a > b) continue;
    const { m, source } = multipliersOf(w, fitted);
    const day: PlanEventDay = { window: w, multipliers: m, source, windowStart: dayIndex(w.first) - t0 };
    for (let t = a; t <= b; t++) {
      if (out[t - 1] === null) {
        out[t - 1] = day;
        any = true;
      }
    }
  }
  return any ? out : null;
}
