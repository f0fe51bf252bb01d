/**
 * The calendar on the CLI: --events FILE, flaggedDays in check/plan --json, a bad calendar row
 * named by its cell while the rest of the calendar plans.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', 'merchant-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'adplan-events-'));
const CAL = join(dir, 'cal.csv');
writeFileSync(CAL, '活动,阶段,开始日期,结束日期,自然流倍数\n618,预热,2024-06-01,2024-06-14,\n618,爆发,2024-06-15,2024-06-18,2.2\n618,返场,2024-06-20,2024-06-19,\n');

interface Flag { date: string; kind: string; name?: string; phase?: string }

describe('adplan and the event calendar', () => {
  it('check --json lists flagged days and the calendar with its bad row', async () => {
    const r = await runCli(['check', SAMPLE, '--events', CAL, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { flaggedDays: Flag[]; events: { source: string; windows: unknown[]; issues: { address: string; message: string }[] } };
    expect(j.events.source).toBe('cal.csv');
    expect(j.events.windows).toHaveLength(2);
    expect(j.events.issues.map((i) => i.address)).toEqual(['D4']);
    // 38节 2024 (built-in) is inside the sample's history: 03-01 … 03-08, warm-up then peak.
    const ev = j.flaggedDays.filter((f) => f.kind === 'event' && f.name === '38节');
    expect(ev.map((f) => f.date)).toEqual(['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08']);
    expect(ev[5]).toEqual({ date: '2024-03-06', kind: 'event', name: '38节', phase: 'peak' });
  });

  it('plan --json: days of the confirmed window carry event and phase; the scenario reports the event', async () => {
    const r = await runCli(['plan', SAMPLE, '--events', CAL, '--json', '--runs', '50', '--scenario', 'Base']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { flaggedDays: Flag[]; scenarios: { events?: { name: string; phases: { phase: string; budget: number }[]; incrementalProfitP50?: number }[]; days: Record<string, unknown>[] }[] };
    const s = j.scenarios[0]!;
    expect(s.days.find((d) => d.date === '2024-06-16')).toMatchObject({ event: '618', phase: 'peak' });
    expect(s.days.find((d) => d.date === '2024-05-30')).not.toHaveProperty('event');
    expect(s.events?.map((e) => [e.name, e.phases.map((p) => p.phase)])).toEqual([['618', ['warmup', 'peak']]]);
    expect(typeof s.events?.[0]?.incrementalProfitP50).toBe('number');
    expect(j.flaggedDays.length).toBeGreaterThan(0);
  });

  it('plan names the bad calendar row and plans the rest', async () => {
    const r = await runCli(['plan', SAMPLE, '--events', CAL, '--runs', '0', '--scenario', 'Base', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('活动日历 cal.csv：1 行未采用（其余 2 行照常生效）');
    expect(r.out).toContain('D4 “2024-06-19” 结束日期 2024-06-19 早于开始日期 2024-06-20');
    expect(r.out).toContain('计划中的大促：Base');
    expect(r.out).not.toMatch(/NaN|Infinity|undefined/u);
  });
});
