/**
 * Issue 11 item 1: one planning entry point. With scenarios that differ in every key (the
 * baseline window included), `adplan plan --json`, the custom functions and the task pane's
 * computation give identical numbers, scenario by scenario, whichever scenarios are planned
 * together.
 */
import './fake-runtime';
import { mkdtempSync } from 'node:fs';
import { Workbook } from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kpi, plan, roitarget } from '../../src/functions/as-called';
import { main } from '../../src/cli/main';
import { readAssumptions } from '../../src/data/assumptions';
import { readHistory } from '../../src/data/history';
import type { Cell } from '../../src/data/table';
import { SAMPLE_ASSUMPTIONS_SHEET } from '../../src/sample/workbook';
import { computePlan } from '../../src/taskpane/state/compute';
import { SAMPLE_FILE, sampleRanges } from './sample-ranges';

/** Every key differs between the three scenarios; baseline_days 28 / 14 / 42. */
const TABLE: [string, number, number, number][] = [
  ['cogs_rate', 0.35, 0.38, 0.33],
  ['refund_rate', 0.2, 0.22, 0.18],
  ['fee_rate', 0.05, 0.06, 0.045],
  ['commission_rate', 0, 0.01, 0.005],
  ['shipping_per_order', 6, 7, 5],
  ['return_shipping', 6, 8, 5],
  ['resale_rate', 0.8, 0.7, 0.85],
  ['fixed_cost_per_day', 800, 900, 700],
  ['cash_available', 150000, 120000, 200000],
  ['cash_reserve', 20000, 30000, 10000],
  ['settlement_days', 15, 18, 12],
  ['prepay_days', 1, 2, 0],
  ['inventory_days', 7, 10, 5],
  ['capacity_orders_per_day', 400, 350, 500],
  ['ramp_rate', 0.2, 0.1, 0.35],
  ['safety_margin', 0.15, 0.3, 0.05],
  ['max_extrapolation', 2, 1.5, 3],
  ['lift_lambda', 0.05, 0, 0.1],
  ['lift_theta', 0.3, 0, 0.5],
  ['organic_drift', 0, -0.002, 0.001],
  ['horizon_days', 90, 60, 120],
  ['baseline_days', 28, 14, 42],
];
const NAMES = ['Base', 'Conservative', 'Aggressive'];

interface CliScenario {
  name: string;
  kpis: Record<string, number | null>;
  economics: { breakEvenRoi: number; roomBreakEvenRoi: number | null; targets: { roomRoi: number | null; roomRoiNet: number | null; dailyBudget: number } };
  days: { date: string; spend: number; cash: number; profit: number }[];
}

let workbookFile: string | null = null;

/** The sample workbook with its assumptions sheet replaced by TABLE. */
async function workbook(): Promise<string> {
  if (workbookFile) return workbookFile;
  const wb = new Workbook();
  await wb.xlsx.readFile(SAMPLE_FILE);
  const old = wb.getWorksheet(SAMPLE_ASSUMPTIONS_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(SAMPLE_ASSUMPTIONS_SHEET);
  for (const row of cells) ws.addRow(row);
  workbookFile = join(mkdtempSync(join(tmpdir(), 'adplan-parity-')), 'merchant.xlsx');
  await wb.xlsx.writeFile(workbookFile);
  return workbookFile;
}

async function cliPlan(extra: string[]): Promise<CliScenario[]> {
  let out = '';
  let err = '';
  const code = await main(['plan', await workbook(), '--json', '--runs', '0', ...extra], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    env: {},
  });
  expect(err).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(out) as { scenarios: CliScenario[] }).scenarios;
}

const cells: Cell[][] = [['key', ...NAMES], ...TABLE.map(([k, ...v]) => [k, ...v])];

describe('planFor: CLI JSON = functions = task pane, scenarios differing in every key', () => {
  it('gives identical numbers on every surface, alone or together', async () => {
    const all = await cliPlan([]);
    expect(all.map((s) => s.name)).toEqual(NAMES);
    const { history } = await sampleRanges();
    const read = readHistory(history);
    const scenarios = readAssumptions(cells).scenarios;
    const pane = computePlan({ history: read.history, scenarios });
    if (!pane.report.ok) throw new Error(pane.report.error['en-US']);
    for (const [i, s] of all.entries()) {
      const alone = (await cliPlan(['--scenario', s.name]))[0]!;
      const p = pane.report.value.scenarios[i]!;
      const total = s.kpis.totalProfit;
      expect(alone.kpis.totalProfit).toBe(total);
      expect(alone.kpis.sustainableSpend).toBe(s.kpis.sustainableSpend);
      expect(kpi(history, cells, 'total_profit', s.name)).toBe(total);
      expect(p.kpis.totalProfit).toBe(total);
      expect(p.kpis.sustainableSpend).toBe(s.kpis.sustainableSpend);
      expect(kpi(history, cells, 'sustainable_spend', s.name)).toBe(s.kpis.sustainableSpend);
      expect(kpi(history, cells, 'break_even_roi', s.name)).toBe(s.economics.breakEvenRoi);
      const blank = (x: number | null): number | string => (x === null ? '' : x);
      expect(roitarget(history, cells, s.name)).toBe(blank(s.economics.targets.roomRoi));
      expect(roitarget(history, cells, s.name, 'net')).toBe(blank(s.economics.targets.roomRoiNet));
      expect(kpi(history, cells, 'room_break_even_roi', s.name)).toBe(blank(s.economics.roomBreakEvenRoi));
      expect(kpi(history, cells, 'daily_budget', s.name)).toBe(s.economics.targets.dailyBudget);
      expect(p.economics.targets).toEqual(s.economics.targets);
      const rows = plan(history, cells, s.name);
      expect(rows.length - 1).toBe(s.days.length);
      expect(rows.slice(1).map((r) => r[1])).toEqual(s.days.map((d) => d.spend));
      expect(p.days.map((d) => d.cash)).toEqual(s.days.map((d) => d.cash));
    }
    // The windows really differ: the Conservative (14-day) plan is not the 28-day one.
    expect(all[1]!.kpis.sustainableSpend).not.toBe(all[0]!.kpis.sustainableSpend);
  });
});
