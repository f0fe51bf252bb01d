import { analyseExperiment } from '../../../src/model/experiment';
import { Rng } from '../../../src/model/numeric';
import { builder, simulate, type SimRoom } from './sim';

const ROOM: SimRoom = { cv: 0.15, rho: 0.3, lift: 0.1, gmv: 30000, spend: 6000, spendStep: 0.25 };

function run(room: SimRoom, kind: 'switchback' | 'step', steps: number, repeats: number, seeds: number, offset: number) {
  let cover = 0;
  let sig = 0;
  let roiCover = 0;
  let roiN = 0;
  for (let i = 0; i < seeds; i++) {
    const schedule = builder(kind, steps, offset + i)(repeats);
    const h = simulate(room, schedule, new Rng(offset + 100000 + i));
    const r = analyseExperiment(h, schedule);
    const p = r.primary!;
    // The truth: the level effect in money per day, and the step's ROI (true Δspend = spendStep·spend·E[e^{0.1z+0.5e}]).
    const truth = room.lift * room.gmv;
    if (p.deltaGmv.lo <= truth && truth <= p.deltaGmv.hi) cover++;
    if (p.deltaGmv.significant) sig++;
    if (p.roi) {
      roiN++;
      const dS = room.spendStep * room.spend * Math.exp(0.005 + 0.125 * room.cv * room.cv);
      const roiTrue = truth / dS;
      if (p.roi.lo <= roiTrue && roiTrue <= p.roi.hi) roiCover++;
    }
  }
  return { cover: cover / seeds, sig: sig / seeds, roiCover: roiN > 0 ? roiCover / roiN : null };
}

describe('analyser: 90 % intervals and null tests on simulated target tests', () => {
  const cases: [string, 'switchback' | 'step', number, number][] = [
    ['switchback, 4 pairs (40 days)', 'switchback', 1, 4],
    ['switchback, 8 pairs (80 days)', 'switchback', 1, 8],
    ['one step, 6 legs (49 days)', 'step', 1, 6],
    ['two-step ladder, 4 legs (63 days)', 'step', 2, 4],
  ];
  it.each(cases)('%s: covers the true step effect on ≥ 85 %% of seeds, no claim on ≥ 90 %% of null seeds', (_, kind, steps, repeats) => {
    const eff = run(ROOM, kind, steps, repeats, 300, 1);
    const nul = run({ ...ROOM, lift: 0 }, kind, steps, repeats, 300, 5001);
    console.log(`${_}: coverage ${(100 * eff.cover).toFixed(1)} %, ROI coverage ${eff.roiCover === null ? '—' : (100 * eff.roiCover).toFixed(1)} %, null claims ${(100 * nul.sig).toFixed(1)} %`);
    expect(eff.cover).toBeGreaterThanOrEqual(0.85);
    expect(nul.sig).toBeLessThanOrEqual(0.1);
  });
});
