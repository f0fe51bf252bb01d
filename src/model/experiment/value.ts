/**
 * What a test is worth before it runs: how much the S* interval is expected to narrow, by
 * simulation from the current fit — draw the test's result from the fitted curve and the
 * designed standard error, refit with it, and compare the intervals (median over draws).
 */
import { fitRoomCalibrated } from '../fit';
import type { History, IsoDate } from '../core';
import { Rng } from '../numeric';
import { responseOf } from '../transforms';
import { roomSStarInterval, type RoomFit } from '../fit';

export const VALUE_DRAWS = 12;

export interface TestValue {
  before: [number, number];
  /** The median interval after the test (bounds' medians). */
  after: [number, number];
  /** Median of width(after)/width(before), widths on the log scale. */
  ratio: number;
}

export interface ValueInput {
  history: History;
  room: RoomFit;
  first: IsoDate;
  last: IsoDate;
  spendBefore: number;
  spendAfter: number;
  /** Standard error of the test's ΔGMV per day. */
  sigma: number;
  targetMarginalRoi: number;
  cap: number;
  seed: number;
  draws?: number;
}

const med = (xs: number[]): number => {
  const a = [...xs].sort((p, q) => p - q);
  return a.length % 2 ? a[(a.length - 1) / 2]! : 0.5 * (a[a.length / 2 - 1]! + a[a.length / 2]!);
};

export function expectedValue(v: ValueInput): TestValue | null {
  const { room } = v;
  if (!room.identified || !(v.sigma > 0)) return null;
  const before = roomSStarInterval(room, v.targetMarginalRoi, v.cap);
  if (!before) return null;
  const mean = responseOf(v.spendAfter, room.curve.shape) - responseOf(v.spendBefore, room.curve.shape);
  const rng = new Rng(v.seed);
  const ratios: number[] = [];
  const los: number[] = [];
  const his: number[] = [];
  const w0 = Math.log(before[1] / before[0]);
  for (let i = 0; i < (v.draws ?? VALUE_DRAWS); i++) {
    const obs = { first: v.first, last: v.last, spendBefore: v.spendBefore, deltaSpend: v.spendAfter - v.spendBefore, deltaGmv: mean + v.sigma * rng.normal(), sigma: v.sigma, source: 'simulated' };
    const f = fitRoomCalibrated({ ...v.history, liftObservations: [...(v.history.liftObservations ?? []), obs] });
    const iv = f.identified ? roomSStarInterval(f, v.targetMarginalRoi, v.cap) : null;
    if (!iv) continue;
    ratios.push(w0 > 0 ? Math.log(iv[1] / iv[0]) / w0 : 1);
    los.push(iv[0]);
    his.push(iv[1]);
  }
  if (ratios.length === 0) return null;
  return { before, after: [med(los), med(his)], ratio: med(ratios) };
}
