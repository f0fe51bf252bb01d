/**
 * The scenario-free part of planning: what the history says (baseline, fitted curve, lift, the
 * whole-room fit) for one baseline window.
 */
import { text } from '../../i18n/text';
import { AdplanError, type History } from '../core';
import { defaultOf } from '../settings';
import { computeBaseline, type BaselineMetrics } from './baseline';
import { tryFitCurve, type FitResult } from './curve-fit';
import { estimateLift, type LiftEstimate } from './lift';
import { needsWholeRoom, organicResidualCv, refund1hOf, splitForBaseline, WHOLE_ROOM_LIFT } from './room';
import { fitRoom, organicLevelOver, type RoomFit } from './room-fit';

/** What the history says, independent of any scenario but the baseline window. */
export interface Analysis {
  history: History;
  /** The baseline window this analysis was made for. */
  baselineDays: number;
  baseline: BaselineMetrics;
  fit: FitResult;
  lift: LiftEstimate;
  /** The whole-room fit (MODEL §11): fitted when the history has no paid split, else on first use. */
  room: RoomFit | null;
  /** 1-hour refund share of GMV from the export; null when not exported. */
  refund1h: number | null;
}

function emptyHistory(): AdplanError {
  return new AdplanError('input', text('The history is empty: no days to plan from.', '历史数据为空:没有可用于规划的天。'), 'history');
}

/** Baseline, fitted curve and lift estimate from the history (the scenario-free part). */
export function analyse(history: History, baselineDays = defaultOf('baseline_days')): Analysis {
  if (history.days.length === 0) throw emptyHistory();
  const room = needsWholeRoom(history) ? fitRoom(history) : null;
  const baseline = roomAwareBaseline(history, baselineDays, room);
  const paid = history.days.filter((d) => d.spend > 0 && d.paidGmv !== null);
  const fit = tryFitCurve(
    paid.map((d) => d.spend),
    paid.map((d) => d.paidGmv ?? 0),
    'auto',
  );
  const lift = room ? WHOLE_ROOM_LIFT : estimateLift(history, baseline.weekdayFactors);
  return { history, baselineDays, baseline, fit, lift, room, refund1h: refund1hOf(history) };
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
  return roomAwareBaseline(history, baselineDays, needsWholeRoom(history) ? fitRoom(history) : null);
}

/** The whole-room fit of an analysis, fitted on first use when the history has a paid split. */
export function roomFitOf(a: Analysis): RoomFit {
  if (!a.room) a.room = fitRoom(a.history);
  return a.room;
}

