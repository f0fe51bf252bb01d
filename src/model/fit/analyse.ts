/**
 * The scenario-free part of planning: what the history says (baseline, fitted curve, lift, the
 * whole-room fit) for one baseline window.
 */
import { text } from '../../i18n/text';
import { AdplanError, type History } from '../core';
import { defaultOf } from '../settings';
import { computeBaseline, type BaselineMetrics } from './baseline';
import { tryFitCurveTreated, type FitResult } from './curve-fit';
import { estimateLift, type LiftEstimate } from './lift';
import { needsWholeRoom, organicResidualCv, refund1hOf, splitForBaseline, WHOLE_ROOM_LIFT } from './room';
import { fitRoomCalibrated, type CalibratedRoomFit } from './calibrated-room';
import { fitRoom, organicLevelOver, type RoomFit } from './room-fit';
import { treatDays, type EventHandling } from '../events';
import type { FittedEventEffect } from '../core';

/** What the history says, independent of any scenario but the baseline window. */
export interface Analysis {
  history: History;
  /** The baseline window this analysis was made for. */
  baselineDays: number;
  baseline: BaselineMetrics;
  fit: FitResult;
  lift: LiftEstimate;
  /** The whole-room fit (docs/model.md): fitted when the history has no paid split, else on first use. */
  room: CalibratedRoomFit | null;
  /** 1-hour refund share of GMV from the export; null when not exported. */
  refund1h: number | null;
  /** Room fits under a non-default event_handling, fitted on first use. */
  roomBy?: Partial<Record<EventHandling, RoomFit>>;
  /** The direct fit's event phases (response multipliers; organic from the split days). */
  eventEffects?: FittedEventEffect[];
  /** Direct fits under a non-default event_handling, fitted on first use. */
  fitBy?: Partial<Record<EventHandling, FitResult>>;
}

function emptyHistory(): AdplanError {
  return new AdplanError('input', text('The history is empty: no days to plan from.', '历史数据为空：没有可用于规划的天。'), 'history');
}

/** Baseline, fitted curve and lift estimate from the history (the scenario-free part). */
export function analyse(history: History, baselineDays = defaultOf('baseline_days')): Analysis {
  if (history.days.length === 0) throw emptyHistory();
  const room = needsWholeRoom(history) ? fitRoomCalibrated(history) : null;
  const baseline = roomAwareBaseline(history, baselineDays, room);
  const { fit, eventEffects } = directFit(history, 'model');
  const lift = room ? WHOLE_ROOM_LIFT : estimateLift(history, baseline.weekdayFactors);
  return { history, baselineDays, baseline, fit, lift, room, refund1h: refund1hOf(history), ...(eventEffects.length > 0 ? { eventEffects } : {}) };
}

/**
 * The baseline on any history: unsplit (全域) days split by the room fit; on a fitted room the
 * organic level is the model's, the one the plan runs on (one number, not two).
 */
function roomAwareBaseline(history: History, baselineDays: number, room: RoomFit | null): BaselineMetrics {
  const splitHistory = splitForBaseline(history, room);
  const split = computeBaseline(splitHistory, baselineDays);
  if (!room?.identified) return split;
  // The proportional split follows spend; level, growth and noise come from the fitted organic room.
  return {
    ...split,
    organicGmvPerDay: organicLevelOver(room.organic, history, baselineDays),
    trend: Math.expm1(room.organic.growth),
    organicGmvCv: organicResidualCv(room.organic, splitHistory, baselineDays),
  };
}

/** The baseline alone (BASELINE), exactly as analyse computes it. */
export function baselineOf(history: History, baselineDays: number): BaselineMetrics {
  return roomAwareBaseline(history, baselineDays, needsWholeRoom(history) ? fitRoomCalibrated(history) : null);
}

/** The whole-room fit of an analysis, fitted on first use when the history has a paid split. */
export function roomFitOf(a: Analysis, handling: EventHandling = 'model'): CalibratedRoomFit {
  if (handling !== 'model') {
    a.roomBy ??= {};
    return (a.roomBy[handling] ??= fitRoom(a.history, { eventHandling: handling }));
  }
  if (!a.room) a.room = fitRoomCalibrated(a.history);
  return a.room;
}


/**
 * The direct fit (paid GMV on spend) under an event treatment: pause and stock-out days out,
 * learning days down-weighted, event phases with their own response multiplier (model) or out.
 * Organic multipliers are the phase days' mean organic GMV over the normal days' (split data).
 */
export function directFit(history: History, handling: EventHandling): { fit: FitResult; eventEffects: FittedEventEffect[] } {
  const tr = treatDays(history, handling);
  const slotOf = new Map<number, number>();
  tr.groups.forEach((g, i) => {
    if (g.fitted) slotOf.set(i, slotOf.size);
  });
  const spend: number[] = [];
  const paidGmv: number[] = [];
  const weight: number[] = [];
  const slot: number[] = [];
  history.days.forEach((d, i) => {
    if (!(d.spend > 0 && d.paidGmv !== null) || !(tr.weight[i]! > 0)) return;
    spend.push(d.spend);
    paidGmv.push(d.paidGmv);
    weight.push(tr.weight[i]!);
    slot.push(tr.group[i]! >= 0 ? (slotOf.get(tr.group[i]!) ?? -1) : -1);
  });
  const { fit, response } = tryFitCurveTreated({ spend, paidGmv, weight, slot, slots: slotOf.size }, 'auto', history.liftObservations);
  let normal = 0;
  let normalN = 0;
  const phaseSum = new Float64Array(tr.groups.length);
  const phaseN = new Float64Array(tr.groups.length);
  history.days.forEach((d, i) => {
    if (d.organicGmv === null || !(tr.weight[i]! > 0)) return;
    const g = tr.group[i]!;
    if (g >= 0) {
      phaseSum[g]! += d.organicGmv;
      phaseN[g]!++;
    } else {
      normal += d.organicGmv;
      normalN++;
    }
  });
  const eventEffects = tr.groups.map((g, i): FittedEventEffect => {
    const k = slotOf.get(i);
    const organic = g.fitted && phaseN[i]! > 0 && normal > 0 ? phaseSum[i]! / phaseN[i]! / (normal / normalN) : 1;
    return { name: g.name, phase: g.phase, days: g.days, fitted: g.fitted, organic, response: k !== undefined ? response[k]! : 1 };
  });
  return { fit, eventEffects };
}

/** The direct fit of an analysis under event_handling (the default one is the analysis's own). */
export function directFitOf(a: Analysis, handling: EventHandling = 'model'): FitResult {
  if (handling === 'model') return a.fit;
  a.fitBy ??= {};
  return (a.fitBy[handling] ??= directFit(a.history, handling).fit);
}
