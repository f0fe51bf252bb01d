import { thrownBy } from './fake-runtime';
import { experimentfn } from '../../src/functions/as-called';
import { experimentPlanTable } from '../../src/data/experiment';
import { analyseExperiment } from '../../src/model/experiment';
import { designExperiment } from '../../src/model/experiment';
import { demandRoom } from '../helpers/demand-room';

describe('=ADPLAN.EXPERIMENT(history, schedule)', () => {
  const m = demandRoom(5);
  const history = [['日期', '整体消耗', '整体成交金额', '整体成交订单数'], ...m.history.days.map((d) => [d.date, d.spend, d.gmv, d.orders])];
  const t = experimentPlanTable(designExperiment(m.pre, { lift: 0.12, seed: 5 }), 'zh-CN');
  const schedule = [t.columns.map((c) => c.header), ...t.rows];

  it('spills one row per step and the verdict: the analyser’s numbers on the schedule sheet', () => {
    const out = experimentfn(history, schedule);
    const direct = analyseExperiment(m.history, m.schedule);
    expect(out[0]![0]).toBe('step');
    expect(out).toHaveLength(1 + direct.steps.length + 1);
    const top = out[direct.steps.length]!;
    const p = direct.steps[direct.steps.length - 1]!;
    expect(top[4]).toBeCloseTo(p.deltaGmv.value, 6);
    expect(top[5]).toBeCloseTo(p.deltaGmv.se, 6);
    expect(String(out[out.length - 1]![0])).toMatch(/^(Conclusive|Inconclusive): /u);
  });

  it('a schedule with overlapping blocks fails with the cell named', () => {
    const bad = [
      ['开始日期', '结束日期', 'ROI目标'],
      [m.schedule.days[0]!.date, m.schedule.days[9]!.date, 3],
      [m.schedule.days[5]!.date, m.schedule.days[14]!.date, 2.8],
    ];
    const e = thrownBy(() => experimentfn(history, bad));
    expect(e?.code).toBe('#VALUE!');
    expect(e?.message).toContain('A3');
  });
});
