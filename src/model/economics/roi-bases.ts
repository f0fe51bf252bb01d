/**
 * ROI bases and the target to set (docs/model.md). Break-even on incremental GMV (支付 1/u, 净成交
 * (1 − r1h)/u), the whole-room break-even 整体ROI, and the 整体ROI target that makes the platform
 * spend S*. "Room" ROI counts the organic GMV O the room sells anyway (uni_roi_scope = room);
 * "attributed" counts only what the ads add.
 */
import { noBreakEvenError } from './economics';
import type { RoiTargets } from '../report';
import { responseOf, type CurveShape } from '../transforms';

export type RoiScope = 'room' | 'attributed';

/** What one yuan of spend is credited with: the room's GMV (organic included) or the ads' only. */
export interface RoomTerms {
  /** Expected organic GMV per day (no ads). */
  organic: number;
  /** Incremental GMV per unit of Gp over time (1 + leverage; 1 on the whole-room basis). */
  gpFactor: number;
  scope: RoiScope;
}

/** 整体ROI (pay basis) at daily spend s; null at s = 0. */
export function roomRoiAt(s: number, shape: CurveShape, t: RoomTerms): number | null {
  if (!(s > 0)) return null;
  const inc = t.gpFactor * responseOf(s, shape);
  return ((t.scope === 'room' ? t.organic : 0) + inc) / s;
}

/**
 * The largest s on a log grid (then bisected) with f(s) ≥ 0, for f that falls past a peak;
 * 0 when f < 0 everywhere on [lo, hi]. One search for every "largest spend where…" question here.
 */
export function largestWhere(f: (s: number) => number, lo: number, hi: number): number {
  const steps = 160;
  const r = Math.pow(hi / lo, 1 / steps);
  let last = -1;
  for (let i = steps; i >= 0; i--) {
    if (f(lo * Math.pow(r, i)) >= 0) {
      last = i;
      break;
    }
  }
  if (last < 0) return 0;
  if (last === steps) return hi;
  let a = lo * Math.pow(r, last);
  let b = a * r;
  for (let i = 0; i < 60 && b - a > 1e-9 * b; i++) {
    const m = Math.sqrt(a * b);
    if (f(m) >= 0) a = m;
    else b = m;
  }
  return a;
}

/** Search range for spends: 10⁻⁴ … 10⁴ × the curve's scale. */
function spendRange(shape: CurveShape, hint: number): [number, number] {
  const scale = shape.kind === 'hill' ? shape.k : Math.max(1, hint);
  return [scale * 1e-4, scale * 1e4];
}

/** S_be: the largest spend where the ads as a whole just pay (u·gpFactor·Gp(S) = S); 0 when never. */
export function breakEvenSpend(shape: CurveShape, u: number, gpFactor: number, hint = 1): number {
  if (!(u > 0)) throw noBreakEvenError(u);
  const [lo, hi] = spendRange(shape, hint);
  return largestWhere((s) => u * gpFactor * responseOf(s, shape) - s, lo, hi);
}

/** The daily spend the platform settles at for a 整体ROI target T: the largest s with roomRoi(s) ≥ T. */
export function spendForRoomRoi(target: number, shape: CurveShape, t: RoomTerms, hint = 1): number {
  if (!(target > 0)) return 0;
  const [lo, hi] = spendRange(shape, hint);
  return largestWhere((s) => (roomRoiAt(s, shape, t) ?? 0) - target, lo, hi);
}

export interface RoiBases {
  breakEvenRoi: number;
  breakEvenRoiNet: number;
  /** (O + Gp(S_be))/S_be; null when the ads never pay (S_be = 0) or no organic measure applies. */
  roomBreakEvenRoi: number | null;
  targets: RoiTargets;
}

/** The ROI-basis numbers of one scenario at its sustainable spend. */
export function roiBases(shape: CurveShape, u: number, r1h: number, sStar: number, t: RoomTerms | null, hint = 1): RoiBases {
  if (!(u > 0)) throw noBreakEvenError(u);
  const breakEvenRoi = 1 / u;
  const net = 1 - r1h;
  if (!t) return { breakEvenRoi, breakEvenRoiNet: net / u, roomBreakEvenRoi: null, targets: { roomRoi: null, roomRoiNet: null, dailyBudget: sStar } };
  const sBe = breakEvenSpend(shape, u, t.gpFactor, hint);
  const roomBe = sBe > 0 ? roomRoiAt(sBe, shape, t) : null;
  const target = sStar > 0 ? roomRoiAt(sStar, shape, t) : null;
  return {
    breakEvenRoi,
    breakEvenRoiNet: net / u,
    roomBreakEvenRoi: roomBe,
    targets: { roomRoi: target, roomRoiNet: target === null ? null : target * net, dailyBudget: sStar },
  };
}
