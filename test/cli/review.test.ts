import { join } from 'node:path';
import { runCli } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'assets', 'sample', 'merchant-sample.xlsx');

const run = runCli;

interface ReviewJson {
  since: string;
  scenario: string;
  periods: Record<string, number | string>[];
  verdict: { status: string; cause: string | null; message: string };
  replan: { name: string; days: unknown[]; kpis: Record<string, unknown> };
}

describe('adplan review', () => {
  it('--json prints exactly the contract; gap parts add up per period', async () => {
    const r = await run(['review', SAMPLE, '--since', '2024-05-16', '--json', '--lang', 'en-US']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as ReviewJson;
    expect(Object.keys(j)).toEqual(['since', 'scenario', 'periods', 'verdict', 'replan']);
    expect(j.since).toBe('2024-05-16');
    expect(j.scenario).toBe('Base');
    expect(j.periods).toHaveLength(2); // two weeks: 05-16 … 05-29
    for (const p of j.periods) {
      expect(Object.keys(p)).toEqual(['start', 'plannedSpend', 'actualSpend', 'plannedGmv', 'actualGmv', 'gapSpend', 'gapResponse', 'gapOrganic']);
      const gap = (p.actualGmv as number) - (p.plannedGmv as number);
      const sum = (p.gapSpend as number) + (p.gapResponse as number) + (p.gapOrganic as number);
      expect(Math.abs(sum - gap)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(p.actualGmv as number)));
    }
    expect(j.periods[0]!.start).toBe('2024-05-16');
    expect(['on-track', 're-plan']).toContain(j.verdict.status);
    expect(j.verdict.message.length).toBeGreaterThan(20);
    // Same shape as a plan scenario of `adplan plan --json`.
    const plan = JSON.parse((await run(['plan', SAMPLE, '--json', '--scenario', 'Base'])).out) as { scenarios: Record<string, unknown>[] };
    expect(Object.keys(j.replan)).toEqual(Object.keys(plan.scenarios[0]!));
    expect(j.replan.kpis).toEqual(plan.scenarios[0]!.kpis);
    expect(r.out).not.toMatch(/NaN|Infinity/);
  });

  it('prints a readable review in Chinese: verdict, weekly table with total, what changed', async () => {
    const r = await run(['review', SAMPLE, '--since', '2024-05-16', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/结论：(按计划进行|需要重新规划)/);
    expect(r.out).toContain('计划与实际，按周');
    expect(r.out).toMatch(/\n {2}合计 /);
    expect(r.out).toContain('用全部历史重新拟合');
    expect(r.out).toContain('可持续日消耗');
    expect(r.out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('--period day lists every reviewed day', async () => {
    const r = await run(['review', SAMPLE, '--since', '2024-05-23', '--period', 'day', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => /^ {2}2024-05-(2[3-9]) /u.test(l))).toHaveLength(7);
  });

  it('adplan plan prints the back-test line in both languages', async () => {
    const en = await run(['plan', SAMPLE, '--runs', '0', '--lang', 'en-US']);
    expect(en.out).toMatch(/\nBack-test: Forecast error on your own history ±\d+% \(naive rule ±\d+%\), 4 week\(s\) held out — forecasts at spends already seen: (good|usable|weak)/);
    const zh = await run(['plan', SAMPLE, '--runs', '0', '--lang', 'zh-CN']);
    expect(zh.out).toMatch(/\n回测:模型在你的历史上的预测误差 ±\d+%（朴素方法 ±\d+%）/);
    expect((await run(['--help'])).out).toMatch(/adplan review <file>… --since DATE/);
  });

  it('usage errors exit 2; a date past the history exits 1 naming plan_start', async () => {
    expect((await run(['review', SAMPLE])).code).toBe(2);
    expect((await run(['review', SAMPLE, '--since', '2024-13-01'])).code).toBe(2);
    expect((await run(['review', SAMPLE, '--since', '2024-05-16', '--period', 'month'])).code).toBe(2);
    const late = await run(['review', SAMPLE, '--since', '2024-07-01', '--json', '--lang', 'en-US']);
    expect(late.code).toBe(1);
    const e = JSON.parse(late.out) as { error: { field: string; message: string } };
    expect(e.error.field).toBe('plan_start');
    expect(e.error.message).toMatch(/nothing to review/);
  });
});

describe('adplan review over several files (one merchant, as `adplan plan`)', () => {
  it('a measure present in two sources is taken once: the same file twice reviews like once', async () => {
    const once = await run(['review', SAMPLE, '--since', '2024-05-16', '--json', '--lang', 'en-US']);
    const twice = await run(['review', SAMPLE, SAMPLE, '--since', '2024-05-16', '--json', '--lang', 'en-US']);
    expect(twice.code).toBe(0);
    const a = JSON.parse(once.out) as ReviewJson;
    const b = JSON.parse(twice.out) as ReviewJson;
    expect(b.periods).toEqual(a.periods);
    expect(b.verdict.status).toBe(a.verdict.status);
  });
});
