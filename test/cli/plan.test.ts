import { join } from 'node:path';
import type { planJson } from '../../src/cli/commands/plan';
import { runCli } from '../helpers/cli';

type PlanJson = ReturnType<typeof planJson>;

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'assets', 'sample', 'merchant-sample.xlsx');

const run = runCli;

describe('adplan plan', () => {
  it('prints a readable plan: baseline, readiness, curve, scenarios side by side, first two weeks', async () => {
    const r = await run(['plan', SAMPLE, '--runs', '100', '--lang', 'en-US']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^merchant-sample\.xlsx · 直播数据 · 2024-03-01 – 2024-05-29/u);
    expect(r.out).toContain('Baseline (organic, last 28 days)');
    expect(r.out).toMatch(/Readiness: READY/);
    expect(r.out).toMatch(/Paid response curve: hill \(gmax = [\d,.]+, k = [\d,.]+, a = [\d.]+\)/);
    expect(r.out).toMatch(/\n {2}-+ +-+ +-+ +-+\n/); // the KPI table with three scenario columns
    expect(r.out).toMatch(/Sustainable daily spend +[\d,]+ +[\d,]+ +[\d,]+/);
    expect(r.out).toMatch(/P\(cash short\)/);
    // First two weeks: 14 dated rows after the last history date.
    const rows = r.out.split('\n').filter((l) => /^ {2}2024-0[56]-\d\d /u.test(l));
    expect(rows).toHaveLength(14);
    expect(rows[0]).toMatch(/^ {2}2024-05-30 /);
    expect(r.out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('speaks Chinese', async () => {
    const r = await run(['plan', SAMPLE, '--runs', '0', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('基线（自然流，最近 28 天）');
    expect(r.out).toContain('可持续日消耗');
  });

  it('--json prints exactly the contract', async () => {
    const r = await run(['plan', SAMPLE, '--json', '--runs', '50', '--seed', '3']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as PlanJson;
    expect(Object.keys(j)).toEqual(['file', 'sheet', 'baseline', 'curve', 'lift', 'scenarios', 'backtest']);
    expect(Object.keys(j.backtest ?? {})).toEqual(['mape', 'bias', 'naiveMape', 'grade', 'origins']);
    expect(j.file).toBe('merchant-sample.xlsx');
    expect(j.sheet).toBe('直播数据');
    expect(Object.keys(j.baseline)).toEqual(['days', 'cvr', 'aov', 'gpm', 'refundRate', 'organicGmvPerDay', 'cvrCv', 'trend', 'ready', 'reasons']);
    expect(Object.keys(j.curve)).toEqual(['model', 'params', 'r2', 'n', 'minSpend', 'maxSpend', 'residualSd', 'basis']);
    expect(Object.keys(j.lift)).toEqual(['lambda', 'theta', 'identified']);
    expect(j.scenarios.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive']);
    const s = j.scenarios[0]!;
    expect(Object.keys(s)).toEqual(['name', 'action', 'confidence', 'economics', 'lift', 'kpis', 'risk', 'days']);
    expect(Object.keys(s.economics)).toEqual(['unitMargin', 'breakEvenRoi', 'targetMarginalRoi', 'breakEvenRoiNet', 'roomBreakEvenRoi', 'targets']);
    expect(Object.keys(s.economics.targets)).toEqual(['roomRoi', 'roomRoiNet', 'dailyBudget']);
    expect(Object.keys(s.kpis)).toEqual(['totalSpend', 'totalGmv', 'totalProfit', 'roi', 'incrementalRoi', 'peakCapital', 'minCash', 'paybackDay', 'returnOnCapital', 'sustainableSpend']);
    expect(Object.keys(s.risk ?? {})).toEqual(['runs', 'seed', 'profitP10', 'profitP50', 'profitP90', 'peakCapitalP90', 'pLoss', 'pCashShort', 'pLossIncremental', 'incrementalProfitP10', 'incrementalProfitP50', 'incrementalProfitP90']);
    expect([s.risk?.runs, s.risk?.seed]).toEqual([50, 3]);
    expect(s.days).toHaveLength(90);
    expect(Object.keys(s.days[0]!)).toEqual(['date', 'spend', 'paidGmv', 'organicGmv', 'gmv', 'orders', 'profit', 'cash', 'roi', 'marginalRoi', 'limit', 'roiTarget']);
    expect(['target', 'max', 'ramp', 'extrapolation', 'capacity', 'cash']).toContain(s.days[0]!.limit);
    // Plain JSON numbers, never strings.
    expect(typeof s.kpis.totalProfit).toBe('number');
    expect(typeof s.days[0]!.spend).toBe('number');
  });

  it('--runs 0 omits risk; --period week aggregates; --scenario picks one; --horizon sets the length', async () => {
    const r = await run(['plan', SAMPLE, '--json', '--runs', '0', '--period', 'week', '--scenario', 'Conservative', '--horizon', '28']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { scenarios: { name: string; risk?: unknown; days: { date: string; spend: number }[] }[] };
    expect(j.scenarios).toHaveLength(1);
    expect(j.scenarios[0]!.name).toBe('Conservative');
    expect(j.scenarios[0]!.risk).toBeUndefined();
    expect(j.scenarios[0]!.days.map((d) => d.date)).toEqual(['2024-05-30', '2024-06-06', '2024-06-13', '2024-06-20']);
  });

  it('the same seed gives the same output', async () => {
    const a = await run(['plan', SAMPLE, '--json', '--runs', '30', '--seed', '7']);
    const b = await run(['plan', SAMPLE, '--json', '--runs', '30', '--seed', '7']);
    expect(a.out).toBe(b.out);
  });

  it('errors: unknown scenario lists the valid ones (exit 1); bad options are usage errors (exit 2)', async () => {
    const r = await run(['plan', SAMPLE, '--scenario', 'Bold', '--runs', '0', '--lang', 'en-US']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Unknown scenario "Bold"\. Valid scenarios: Base, Conservative, Aggressive\./);
    const j = await run(['plan', SAMPLE, '--scenario', 'Bold', '--runs', '0', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ error: { kind: 'lookup' } });
    expect((await run(['plan', SAMPLE, '--period', 'month'])).code).toBe(2);
    expect((await run(['plan', SAMPLE, '--runs', '-4'])).code).toBe(2);
    expect((await run(['plan'])).code).toBe(2);
    const missing = await run(['plan', join(ROOT, 'no-such-file.xlsx'), '--lang', 'en-US']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^adplan plan: /);
  });
});
