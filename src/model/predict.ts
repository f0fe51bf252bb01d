/**
 * One day's GMV as the analysis predicts it at a given spend and date: the back-test and review
 * (MODEL §13) compare these with what happened. Whole-room: the fitted organic room on that date
 * plus the incremental curve; direct: the baseline's organic GMV on that weekday plus the paid
 * curve (lift is left out: it is a plan-level carry-over, not a same-day response).
 */
import type { Analysis } from './engine';
import { roomFitOf } from './engine';
import { weekdayOf } from './dates';
import type { IsoDate } from './history';
import type { CurveBasis } from './report';
import { responseOf } from './response-curve';
import { basisFor } from './room';
import { predictRoomDay } from './room-fit';

export interface DayPrediction {
  basis: CurveBasis;
  /** GMV the room would sell with no ads that day. */
  organic: number;
  /** GMV the spend adds (paid GMV on the direct basis). */
  incremental: number;
  total: number;
}

/**
 * The prediction, or null when the history has no fitted curve on that basis (an assumed curve
 * is a scenario's guess, not something to back-test). `basis` defaults to the history's own.
 */
export function predictDay(a: Analysis, spend: number, date: IsoDate, basis?: CurveBasis): DayPrediction | null {
  const b = basis ?? basisFor(a.history, 0);
  const s = Number.isFinite(spend) && spend > 0 ? spend : 0;
  if (b === 'whole-room') {
    const room = roomFitOf(a);
    if (!room.identified) return null;
    return { basis: b, ...predictRoomDay(room, s, date) };
  }
  if (!('curve' in a.fit)) return null;
  const organic = a.baseline.organicGmvPerDay * (a.baseline.weekdayFactors[weekdayOf(date)] ?? 1);
  const incremental = responseOf(s, a.fit.curve.shape);
  return { basis: b, organic, incremental, total: organic + incremental };
}
