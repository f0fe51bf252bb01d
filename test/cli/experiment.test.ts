import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { experimentPlanWorkbook } from '../../src/cli/experiment-workbook';
import { designExperiment } from '../../src/model/experiment';
import { saveWorkbook } from '../../src/portfolio/save-workbook';
import { runCli } from '../helpers/cli';
import { demandRoom } from '../helpers/demand-room';

/** A 全域 export of a generated room (日期, 整体消耗, 整体成交金额). */
function csvOf(days: { date: string; spend: number; gmv: number; orders: number }[]): string {
  return ['日期,整体消耗,整体成交金额,整体成交订单数', ...days.map((d) => `${d.date},${d.spend.toFixed(2)},${d.gmv.toFixed(2)},${d.orders}`)].join('\n');
}

describe('adplan experiment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adplan-exp-'));
  const m = demandRoom(5);
  const pre = join(dir, 'pre.csv');
  const after = join(dir, 'after.csv');
  writeFileSync(pre, csvOf(m.pre.days));
  writeFileSync(after, csvOf(m.history.days));

  it('design prints the verdict, the levels and the schedule, and writes the 实验计划 sheet', async () => {
    const out = join(dir, 'plan.xlsx');
    const r = await runCli(['experiment', 'design', pre, '--lift', '0.12', '--out', out, '--lang', 'zh-CN']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('实验设计');
    expect(r.out).toContain('未提供活动日历');
    expect(r.out).toContain('成本与价值：未计算');
    expect(r.out).toContain(`已写入：${out}`);
    // The sheet reads back as the schedule the design made.
    const d = designExperiment(m.pre, { lift: 0.12, seed: 1 });
    const a = await runCli(['experiment', 'analyse', pre, '--schedule', out, '--json']);
    expect(a.code).toBe(1);
    expect(JSON.parse(a.out).error.message).toContain(`The test period ${d.first} – ${d.last} is outside the history`);
  });

  it('analyse reads a test that ran, per step, with a verdict and the 实验结果 row', async () => {
    // The test the room ran (demandRoom's own design, seed 5), written as its 实验计划 sheet.
    const d = designExperiment(m.pre, { lift: 0.12, seed: 5 });
    expect(d.schedule.days.map((x) => x.target)).toEqual(m.schedule.days.map((x) => x.target));
    const plan = join(dir, 'ran.xlsx');
    await saveWorkbook(experimentPlanWorkbook(d, 'zh-CN'), plan, true);
    const r = await runCli(['experiment', 'analyse', after, '--schedule', plan, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.first).toBe(d.first);
    expect(j.steps).toHaveLength(d.schedule.levels.length - 1);
    expect(j.observations[0].source).toBe('experiment');
    const h = await runCli(['experiment', 'analyse', after, '--schedule', plan, '--lang', 'zh-CN']);
    expect(h.out).toContain('结论');
    expect(h.out).toContain('实验结果');
  });

  it('usage errors: unknown action, --lift and --days together', async () => {
    expect((await runCli(['experiment', 'plan', pre])).code).toBe(2);
    expect((await runCli(['experiment', 'design', pre, '--lift', '0.1', '--days', '42'])).code).toBe(2);
    expect((await runCli(['experiment', 'design', pre, '--lift', 'abc'])).code).toBe(2);
  });
});
