import fc from 'fast-check';
import { ruleBreaks, scheduleFromLog, stepSchedule, switchbackSchedule, targetLevels, MAX_STEP } from '../../../src/model/experiment';
import { Rng } from '../../../src/model/numeric';

describe('schedules keep the platform’s edit rules', () => {
  it('no change beyond 10 % and at most one change a day, for any base, ratio and length', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        fc.integer({ min: 2, max: 8 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 1e6 }),
        (base, ratio, repeats, switchback, seed) => {
          const levels = targetLevels(base, ratio);
          const days = switchback ? switchbackSchedule('2026-03-02', [levels[0]!, levels[1]!], repeats, new Rng(seed)) : stepSchedule('2026-03-02', levels, repeats);
          expect(ruleBreaks(days)).toEqual([]);
          for (let i = 1; i < days.length; i++) {
            expect(Math.abs(days[i]!.target / days[i - 1]!.target - 1)).toBeLessThanOrEqual(MAX_STEP + 1e-9);
            expect(days[i]!.date > days[i - 1]!.date).toBe(true);
          }
          // A change (from the base before the test, too) is dropped as learning.
          for (const d of days) if (d.change) expect(d.drop).toBe(true);
          expect(days[0]!.change).toBe(days[0]!.target !== levels[0]);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('the ladder reaches the ratio asked for', () => {
    const lv = targetLevels(3, 0.7);
    expect(lv[0]).toBe(3);
    expect(lv[lv.length - 1]).toBeCloseTo(2.1, 2);
    expect(lv.length - 1).toBe(4); // ln(0.7)/ln(1.1)·1/0.97 → 4 steps of about 8.5 %
  });
  it('a schedule breaking the rules is named by date', () => {
    const days = stepSchedule('2026-03-02', [3, 2.5], 2);
    const br = ruleBreaks(days);
    expect(br.length).toBeGreaterThan(0);
    expect(br[0]!['en-US']).toContain('2026-03-09');
  });
  it('a target log becomes a schedule: each day the last target set', () => {
    const s = scheduleFromLog(
      [
        { date: '2026-03-01', target: 3, basis: 'net', mode: 'cost' },
        { date: '2026-03-04', target: 2.75, basis: 'net', mode: 'cost' },
        { date: '2026-03-07', target: 3, basis: 'net', mode: 'cost' },
      ],
      '2026-03-09',
    )!;
    expect(s.levels).toEqual([3, 2.75]);
    expect(s.days.map((d) => d.level)).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0]);
    expect(s.days.map((d) => d.drop)).toEqual([false, false, false, true, false, false, true, false, false]);
    expect(s.days.map((d) => d.block)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });
});
