import { designExperiment } from '../../../src/model/experiment';
import { ruleBreaks } from '../../../src/model/experiment';
import { addDays } from '../../../src/model/core';
import { demandRoom } from '../../helpers/demand-room';

describe('experiment designer', () => {
  const m = demandRoom(5);
  const last = m.pre.days[m.pre.days.length - 1]!.date;

  it('starts the day after the history, within the rules, and says the dates were not checked without a calendar', () => {
    const d = designExperiment(m.pre, { lift: 0.12 });
    expect(d.first).toBe(addDays(last, 1));
    expect(ruleBreaks(d.schedule.days)).toEqual([]);
    expect(d.power).toBeGreaterThanOrEqual(0.8);
    expect(d.notes.some((n) => n['en-US'].startsWith(`No event calendar was given: the dates ${d.first} – ${d.last} could not be checked`))).toBe(true);
  });

  it('moves the test clear of event windows', () => {
    const d0 = designExperiment(m.pre, { lift: 0.2 });
    const events = [{ name: '618', phase: 'peak' as const, first: addDays(last, 3), last: addDays(last, 10) }];
    const d = designExperiment({ ...m.pre, events }, { lift: 0.2 });
    expect(d.first).toBe(addDays(last, 11));
    expect(d.totalDays).toBe(d0.totalDays);
    expect(d.notes.some((n) => n['zh-CN'].includes('避开活动窗口'))).toBe(true);
  });

  it('a lift this room cannot detect in 8 weeks is said so, with what would work', () => {
    const d = designExperiment(m.pre, { lift: 0.03 });
    expect(d.feasible).toBe(false);
    const n = d.notes.find((x) => x['en-US'].startsWith('This test cannot succeed in 8 weeks'))!;
    expect(n['en-US']).toMatch(/In 8 weeks it detects \d+\.\d % — a larger target step would do it; so would a quieter period \(GMV noise CV ≤ \d+\.\d %/u);
  });

  it('a fixed length gives the lift it detects, and fits in it', () => {
    const d = designExperiment(m.pre, { days: 42 });
    expect(d.totalDays).toBeLessThanOrEqual(42);
    expect(d.power).toBeGreaterThan(0.75);
    expect(d.power).toBeLessThan(0.85);
    expect(d.lift).toBeGreaterThan(0);
  });

  it('cost against a plan: holding spend away from S* gives up profit, never negative at S* itself', () => {
    const plan = { unitMargin: 1 / m.target, targetMarginalRoi: m.target, sStar: m.sTrue, cap: 1e9 };
    const d = designExperiment(m.pre, { lift: 0.12, plan });
    expect(d.cost?.against).toBe('plan');
    expect(Number.isFinite(d.cost!.profit)).toBe(true);
    expect(d.value === null || (d.value.ratio > 0 && d.value.before[0] < d.value.before[1])).toBe(true);
  });
});
