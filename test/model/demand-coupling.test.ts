/**
 * Spend that follows demand, on seeded 全域 hard rooms (no events: the coupling is the only
 * difficulty), coupling 0 / 0.5 / 1, with and without the ROI target log. With the log the control
 * function removes the bias (signed median within ±10 %), keeps S*'s median error ≤ 15 % at every
 * coupling (measured 12.7 / 11.0 / 11.4 %; these rooms have no organic anchor, docs/model.md gives
 * the numbers) and the interval, first stage included, covers the truth in ≥ 80 %; without it the diagnostic fires on most coupled
 * rooms and the widened interval covers the truth in ≥ 80 %; the uncorrected fit's bias is shown.
 */
import { fitRoom, roomSStarInterval, type RoomFitOptions } from '../../src/model/fit';
import { solveMarginal } from '../../src/model/transforms';
import { hardRoomFamily } from '../../src/sample/hard-room';

const N = 40;
const MIN_DAYS = 120;
const med = (xs: number[]): number => {
  const a = xs.slice().sort((p, q) => p - q);
  return a.length === 0 ? NaN : a.length % 2 ? a[(a.length - 1) / 2]! : 0.5 * (a[a.length / 2 - 1]! + a[a.length / 2]!);
};

interface Score {
  identified: number;
  absErr: number;
  signed: number;
  coverage: number;
  detected: number;
}

function score(coupling: number, withLog: boolean, options: RoomFitOptions, minDays = MIN_DAYS): Score {
  const errs: number[] = [];
  const signed: number[] = [];
  let covered = 0;
  let detected = 0;
  for (const h of hardRoomFamily(N, 70_000, { coupling, events: false, pause: false, stockouts: 0, missing: 0 }, minDays)) {
    const history = withLog ? h.history : { ...h.history, targetLog: undefined };
    const fit = fitRoom(history, options);
    if (!fit.identified) continue;
    const cap = 2 * (fit.maxSpend ?? 0);
    const s = Math.min(cap, solveMarginal(fit.curve.shape, h.target));
    errs.push(Math.abs(s / h.sTrue - 1));
    signed.push(s / h.sTrue - 1);
    const iv = roomSStarInterval(fit, h.target, cap) ?? [0, 0];
    if (iv[0] <= h.sTrue && h.sTrue <= iv[1]) covered++;
    if (fit.demandCoupling.detected) detected++;
  }
  return { identified: errs.length, absErr: med(errs), signed: med(signed), coverage: covered / Math.max(1, errs.length), detected: detected / Math.max(1, errs.length) };
}

const fmt = (s: Score): string =>
  `${s.identified}/${N} identified, S* |error| median ${(100 * s.absErr).toFixed(1)}%, signed ${(100 * s.signed).toFixed(1)}%, coverage ${(100 * s.coverage).toFixed(0)}%, diagnostic fired ${(100 * s.detected).toFixed(0)}%`;

describe('spend that follows demand (whole room)', () => {
  for (const coupling of [0, 0.5, 1]) {
    it(`coupling ${coupling}`, () => {
      const raw = score(coupling, false, { demand: 'none' });
      const log = score(coupling, true, {});
      const nolog = score(coupling, false, {});
      console.log(`coupling ${coupling}\n  uncorrected: ${fmt(raw)}\n  target log: ${fmt(log)}\n  no log: ${fmt(nolog)}`);
      expect(log.identified).toBeGreaterThanOrEqual(0.7 * N);
      expect(log.absErr).toBeLessThanOrEqual(0.15);
      expect(Math.abs(log.signed)).toBeLessThan(0.1);
      expect(log.coverage).toBeGreaterThanOrEqual(0.8);
      expect(nolog.coverage).toBeGreaterThanOrEqual(0.8);
      if (coupling >= 0.5) {
        // Uncorrected, the platform's spend into strong days is read as response: S* far too high.
        expect(raw.signed).toBeGreaterThan(0.3);
        expect(raw.coverage).toBeLessThan(0.6);
        // A screen (z > 1): measured 82 / 78 % at coupling 0.5 / 1 (z > 1.5 fired on 74 / 68 %).
        expect(nolog.detected).toBeGreaterThanOrEqual(0.75);
      } else {
        expect(nolog.detected).toBeLessThanOrEqual(0.1);
      }
    });
  }
});

describe('罗盘 非投放时段 GMV as the demand proxy', () => {
  it('removes most of the bias of spend that follows demand, without a target log', () => {
    const errs: number[] = [];
    const raw: number[] = [];
    for (const h of hardRoomFamily(30, 80_000, { coupling: 1, events: false, pause: false, stockouts: 0, missing: 0, observedOrganic: true })) {
      const history = { ...h.history, targetLog: undefined };
      const fit = fitRoom(history);
      const plain = fitRoom(history, { demand: 'none' });
      if (!fit.identified || !plain.identified) continue;
      expect(fit.demandCoupling.method).toBe('proxy');
      const cap = 2 * (fit.maxSpend ?? 0);
      errs.push(Math.min(cap, solveMarginal(fit.curve.shape, h.target)) / h.sTrue - 1);
      raw.push(Math.min(cap, solveMarginal(plain.curve.shape, h.target)) / h.sTrue - 1);
    }
    console.log(`proxy, coupling 1: ${errs.length} identified; S* signed median ${(100 * med(errs)).toFixed(1)}% (|error| ${(100 * med(errs.map(Math.abs))).toFixed(1)}%), without the proxy's covariate ${(100 * med(raw)).toFixed(1)}%`);
    expect(errs.length).toBeGreaterThanOrEqual(20);
    expect(Math.abs(med(errs))).toBeLessThan(0.5 * med(raw));
  });
});
