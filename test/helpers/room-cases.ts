/** Seeded whole-room merchant families with known truth (issue 13's acceptance families). */
import { Rng } from '../../src/model/numeric';
import { marginalOf } from '../../src/model/transforms';
import { generateRoomMerchant, type RoomTruth } from '../../src/sample/room-merchant';

export interface RoomCase {
  seed: number;
  truth: RoomTruth;
  /** The true S* and the target marginal ROI that gives it. */
  sTrue: number;
  target: number;
}

/** A family of merchants drawn from their own stream (seed offset keeps tests and docs apart). */
export function roomCases(n: number, offset: number, preAd: boolean): RoomCase[] {
  const out: RoomCase[] = [];
  for (let i = 1; i <= n; i++) {
    const r = new Rng(offset + i);
    const k = 1000 * Math.pow(8, r.uniform());
    const a = 0.6 + 0.8 * r.uniform();
    const gmax = k * (6 + 10 * r.uniform());
    const range = 3 + 5 * r.uniform();
    const low = Math.pow(range, -0.5) * Math.pow(1.5, 2 * r.uniform() - 1);
    const high = low * range;
    const curve = { gmax, k, a };
    const gMid = (gmax * Math.pow(low * high, a / 2)) / (Math.pow(low * high, a / 2) + 1);
    // Organic-heavy (organic 2–4× the ads' GMV) or ad-dependent (0.2–0.6×), alternating.
    const organicPerDay = gMid * (i % 2 === 0 ? 2 + 2 * r.uniform() : 0.2 + 0.4 * r.uniform());
    const days = 45 + Math.floor(76 * r.uniform());
    const sTrue = k * low * Math.pow(range, 0.25 + 0.5 * r.uniform());
    const truth: RoomTruth = {
      ...generateRoomMerchant(0).truth,
      days,
      curve,
      organicPerDay,
      lowMultiple: low,
      highMultiple: high,
      preAdDays: preAd ? 14 + Math.floor(8 * r.uniform()) : 0,
    };
    out.push({ seed: offset + i, truth, sTrue, target: marginalOf(sTrue, { kind: 'hill', ...curve }) });
  }
  return out;
}

