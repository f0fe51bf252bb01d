/**
 * The whole-room fit with experiment results (docs/experiment.md "Calibration"). The lift rows
 * alone would be one observation against a hundred days; when spend followed demand those days
 * are confounded, and they say so by disagreeing with the experiment. So the fit first runs
 * without the experiments, measures the disagreement d between each result and the fitted
 * change in Gp beyond the fit's own error (τ² = d² − SE², averaged over results), and keeps the
 * observational days at weight κ = SE²/(SE² + τ²) against the experiments: 1 when they agree,
 * small when the experiment contradicts them. The experiment is the reference: its own σ stays
 * in its row and is not subtracted from d² (subtracting it left the days at full weight on
 * results that were merely noisy, and the S* interval covered the truth on 77 % of confounded
 * merchants instead of 87 %: docs/experiment.md).
 * Implemented by scaling the rows' σ by √κ and the curve covariance by 1/κ (the same optimum
 * and the same curvature as down-weighting every day by κ).
 */
import { text, type Text } from '../../i18n/text';
import { groupDigits } from '../../i18n/number';
import type { History, LiftObservation } from '../core';
import { solveMarginal } from '../transforms';
import { fitRoom, roomSStarInterval, type RoomFit } from './room-fit';
import { liftRows, usableLifts } from './calibration';

/** The least weight the observational days keep (they still carry the organic room and weekdays). */
export const MIN_DATA_WEIGHT = 1e-3;

export interface RoomCalibration {
  /** The experiment results the fit used. */
  used: LiftObservation[];
  /** κ: the weight kept by the observational days (1 = they agree with the experiments). */
  dataWeight: number;
  /** The same fit without the experiments. */
  before: RoomFit;
}

export type CalibratedRoomFit = RoomFit & { calibration?: RoomCalibration };

/** κ from the uncalibrated fit and the results. */
export function dataWeightOf(before: RoomFit, lifts: readonly LiftObservation[]): number {
  if (!before.identified || lifts.length === 0) return 1;
  const sh = before.curve.shape;
  if (sh.kind !== 'hill') return 1;
  const rows = liftRows(lifts, Math.log(sh.gmax), Math.log(sh.k), sh.a, 1);
  const cov = before.covariance;
  let tau2 = 0;
  let se2 = 0;
  rows.forEach((row) => {
    let v = 0;
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) v += row.j[r]! * (cov[r * 3 + c] ?? 0) * row.j[c]!;
    se2 += Math.max(0, v);
    tau2 += row.r * row.r - Math.max(0, v);
  });
  se2 /= rows.length;
  tau2 = Math.max(0, tau2 / rows.length);
  if (!(se2 > 0)) return tau2 > 0 ? MIN_DATA_WEIGHT : 1;
  return Math.max(MIN_DATA_WEIGHT, Math.min(1, se2 / (se2 + tau2)));
}

export function fitRoomCalibrated(history: History): CalibratedRoomFit {
  const lifts = usableLifts(history.liftObservations);
  if (lifts.length === 0) return fitRoom(history);
  const before = fitRoom({ ...history, liftObservations: [] });
  const kappa = dataWeightOf(before, lifts);
  const scaled = lifts.map((o) => ({ ...o, sigma: o.sigma * Math.sqrt(kappa) }));
  const after = fitRoom({ ...history, liftObservations: scaled });
  const calibration: RoomCalibration = { used: lifts, dataWeight: kappa, before };
  if (!after.identified) return { ...after, calibration };
  return { ...after, covariance: after.covariance.map((x) => x / kappa), calibration };
}

/** What a plan says about its calibrations: the results used and the S* interval without them. */
export interface CalibrationSummary {
  used: LiftObservation[];
  dataWeight: number;
  /** S* and its interval from the fit without the experiments (null when that fit is not identified). */
  sStarBefore: number | null;
  sStarIntervalBefore: [number, number] | null;
}

export function calibrationSummary(room: CalibratedRoomFit, target: number, cap: number): CalibrationSummary | null {
  const c = room.calibration;
  if (!c) return null;
  const b = c.before;
  if (!b.identified) return { used: c.used, dataWeight: c.dataWeight, sStarBefore: null, sStarIntervalBefore: null };
  const s = Math.min(cap, solveMarginal(b.curve.shape, target));
  return { used: c.used, dataWeight: c.dataWeight, sStarBefore: Number.isFinite(s) ? s : null, sStarIntervalBefore: roomSStarInterval(b, target, cap) };
}

const money = (x: number): string => groupDigits(x, 0);
const range = (iv: [number, number] | null): string => (iv ? `${money(iv[0])} – ${money(iv[1])}` : '—');

/** The plan's line on its calibrations: which results, and the S* interval before and after them. */
export function calibrationNote(c: CalibrationSummary, after: [number, number] | null): Text {
  const list = c.used.map((o) => `${o.source} ${o.first}–${o.last}`).join('; ');
  const weight = c.dataWeight < 1 ? ` The observational days disagreed with the experiments and keep ${(100 * c.dataWeight).toFixed(1)} % of their weight.` : '';
  const weightZh = c.dataWeight < 1 ? `历史观测日与实验结果不一致，其权重降为 ${(100 * c.dataWeight).toFixed(1)}%。` : '';
  return text(
    `Calibrated with ${c.used.length} experiment result(s) (${list}): S* range ${range(c.sStarIntervalBefore)} without them, ${range(after)} with them.${weight}`,
    `已用 ${c.used.length} 个实验结果校准（${list}）：未校准时可持续日消耗区间 ${range(c.sStarIntervalBefore)}，校准后 ${range(after)}。${weightZh}`,
  );
}
