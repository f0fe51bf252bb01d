import { analyseExperiment } from '../../../src/model/experiment';
import { daysPerArm, detectableLift } from '../../../src/model/experiment';
import { sizeForDays, sizeForLift } from '../../../src/model/experiment';
import { normalQuantile, tQuantile } from '../../../src/model/experiment';
import { Rng } from '../../../src/model/numeric';
import { builder, simulate } from './sim';

describe('power formula (FIELD.md §5 worked example)', () => {
  it('CV 0.15, ρ 0.3: 66 days per arm for a 10 % lift, 17 for 20 %', () => {
    expect(Math.ceil(daysPerArm(0.15, 0.3, 0.1))).toBe(66);
    expect(Math.ceil(daysPerArm(0.15, 0.3, 0.2))).toBe(17);
  });
  it('detectable lift inverts the days', () => {
    expect(detectableLift(0.15, 0.3, daysPerArm(0.15, 0.3, 0.12))).toBeCloseTo(0.12, 10);
  });
  it('quantiles match the tables', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.5706, 3);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281, 3);
    expect(tQuantile(0.95, 20)).toBeCloseTo(1.7247, 3);
  });
});

/** The designed test run on 200 simulated rooms: the share that detects the lift at 5 %. */
function detectionRate(cv: number, rho: number, lift: number, kind: 'switchback' | 'step', steps: number, trueLift: number, seed0: number): { rate: number; days: number; promised: number } {
  const size = sizeForLift(cv, rho, lift, kind, builder(kind, steps, seed0));
  let hits = 0;
  const N = 200;
  for (let i = 0; i < N; i++) {
    const rng = new Rng(seed0 + i);
    // Each room gets its own random order of blocks, sized like the designed one.
    const schedule = builder(kind, steps, seed0 + 7919 * (i + 1))(size.repeats);
    const h = simulate({ cv, rho, lift: trueLift, gmv: 30000, spend: 6000, spendStep: 0.25 }, schedule, rng);
    const r = analyseExperiment(h, schedule);
    if (r.primary?.deltaGmv.significant && r.primary.deltaGmv.value > 0) hits++;
  }
  return { rate: hits / N, days: size.totalDays, promised: size.power };
}

describe('the designed power is true (200 simulated rooms per setting)', () => {
  const settings: [number, number, number, 'switchback' | 'step', number][] = [
    [0.15, 0.3, 0.2, 'switchback', 1],
    [0.1, 0.3, 0.12, 'switchback', 1],
    [0.12, 0.5, 0.2, 'step', 1],
    [0.1, 0.2, 0.15, 'step', 2],
  ];
  it.each(settings)('cv %p ρ %p lift %p %s (%p steps): detection within 80 ± 10 %', (cv, rho, lift, kind, steps) => {
    const { rate, days, promised } = detectionRate(cv, rho, lift, kind, steps, lift, 1000);
    console.log(`cv ${cv} rho ${rho} lift ${lift} ${kind}/${steps}: ${days} days, promised ${(100 * promised).toFixed(1)} %, detection ${(100 * rate).toFixed(1)} %`);
    expect(promised).toBeGreaterThanOrEqual(0.8);
    expect(Math.abs(rate - promised)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(rate - 0.8)).toBeLessThanOrEqual(0.1);
  });
  it('a fixed length detects the lift it promises', () => {
    const s = sizeForDays(0.12, 0.3, 42, 'switchback', builder('switchback', 1, 77))!;
    expect(s.totalDays).toBeLessThanOrEqual(42);
    const { rate } = detectionRate(0.12, 0.3, s.lift, 'switchback', 1, s.lift, 5000);
    expect(rate).toBeGreaterThanOrEqual(0.7);
    expect(rate).toBeLessThanOrEqual(0.9);
  });
});
