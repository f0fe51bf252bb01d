/**
 * The whole-room basis inside the engine (docs/model.md): when it applies, how a 全域 history's
 * days are split for the baseline (from the room fit), the 1-hour refund share, and the lift note.
 */
import { text } from '../../i18n/text';
import { coefficientOfVariation, validDays } from './baseline';
import type { DayRecord, History } from '../core';
import { historySettlement } from '../economics';
import { noLift, type LiftEstimate } from './lift';
import type { CurveBasis } from '../report';
import { responseOf } from '../transforms';
import { organicOn, type OrganicRoom, type RoomFit } from './room-fit';

/** The history has spend on days without a paid measure: only the whole room can be fitted. */
export function needsWholeRoom(history: History): boolean {
  return history.days.some((d) => d.spend > 0 && d.paidGmv === null);
}

/** curve_basis 0 auto / 1 direct / 2 whole-room → the basis this history plans on. */
export function basisFor(history: History, curveBasis: number): CurveBasis {
  if (curveBasis === 1) return 'direct';
  if (curveBasis === 2) return 'whole-room';
  return needsWholeRoom(history) ? 'whole-room' : 'direct';
}

/**
 * The history with every unsplit day (spend > 0, paid GMV unknown) split for the baseline: by the
 * room fit's expected organic share when it is identified, else by 非投放时段 GMV or 投放贡献成交金额
 * when exported, else the whole day counted organic (the plan then re-derives the organic level
 * from the scenario's assumed curve and says so).
 */
export function splitForBaseline(history: History, room: RoomFit | null): History {
  if (!needsWholeRoom(history)) return history;
  const days = history.days.map((d): DayRecord => {
    if (!(d.spend > 0 && d.organicGmv === null)) return d;
    let organic: number;
    if (room?.identified) {
      const o = organicOn(room.organic, d.date);
      const p = responseOf(d.spend, room.curve.shape);
      organic = o + p > 0 ? (d.gmv * o) / (o + p) : d.gmv;
    } else if (d.organicGmvObserved !== undefined && d.organicGmvObserved !== null) {
      organic = Math.min(d.gmv, d.organicGmvObserved);
    } else if (d.attributedPaidGmv !== undefined && d.attributedPaidGmv !== null) {
      organic = Math.max(0, d.gmv - d.attributedPaidGmv);
    } else {
      organic = d.gmv;
    }
    const share = d.gmv > 0 ? organic / d.gmv : 1;
    return {
      ...d,
      organicGmv: organic,
      paidGmv: d.gmv - organic,
      organicOrders: d.orders * share,
      paidOrders: d.orders * (1 - share),
      organicViews: d.organicViews ?? (d.views === null ? null : d.views * share),
    };
  });
  return { ...history, days };
}

/**
 * Day-to-day variation of organic GMV on a fitted room: sd / mean of each window day's organic
 * GMV over the fit's expected organic (weekday and growth included), i.e. the fit's residual.
 */
export function organicResidualCv(o: OrganicRoom, split: History, windowDays: number): number {
  const valid = validDays(split);
  const w = valid.slice(Math.max(0, valid.length - Math.max(1, Math.floor(windowDays))));
  const ratios: number[] = [];
  for (const d of w) {
    const expected = organicOn(o, d.date);
    if (expected > 0 && d.organicGmv !== null) ratios.push(d.organicGmv / expected);
  }
  return coefficientOfVariation(ratios);
}

/** 1-hour refund share of GMV over the last 30 days (净成交金额, else 1小时内退款率); null when absent. */
export function refund1hOf(history: History): number | null {
  const s = historySettlement(history);
  return s === null ? null : Math.min(0.99, 1 - s.rate);
}

/** On the whole-room basis the incremental curve already carries the same-day lift: λ = 0, said so. */
export const WHOLE_ROOM_LIFT: LiftEstimate = noLift(
  text(
    'Whole-room basis: the incremental curve already includes the organic sales the ads pull in, so no separate organic lift is added (λ = 0).',
    '整体口径：投放增量曲线已包含投放带动的自然成交，因此不再单独计入自然流撬动。',
  ),
);
