/**
 * One engine, three surfaces: the custom functions give exactly the numbers of
 * `adplan plan --json` for the same workbook (sample merchant; ranges shaped as Excel sends them).
 */
import './fake-runtime';
import { kpi, plan, simulate } from '../../src/functions/as-called';
import { main } from '../../src/cli/main';
import { dateToExcelSerial } from '../../src/data/cells';
import { SAMPLE_FILE, sampleRanges } from './sample-ranges';

interface CliScenario {
  name: string;
  kpis: Record<string, number | null>;
  risk: Record<string, number | null>;
  days: { date: string; spend: number; cash: number; limit: string }[];
}

async function planJson(): Promise<{ scenarios: CliScenario[] }> {
  let out = '';
  const code = await main(['plan', SAMPLE_FILE, '--json', '--runs', '1000', '--seed', '1'], {
    stdout: (s) => (out += s),
    stderr: () => undefined,
    env: {},
  });
  expect(code).toBe(0);
  return JSON.parse(out) as { scenarios: CliScenario[] };
}

describe('functions = adplan plan --json', () => {
  it('KPI, SIMULATE and PLAN agree with the CLI for every scenario', async () => {
    const cli = await planJson();
    const { history, assumptions } = await sampleRanges();
    expect(cli.scenarios.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive']);
    const kpiNames: [string, string][] = [
      ['total_spend', 'totalSpend'],
      ['total_gmv', 'totalGmv'],
      ['total_profit', 'totalProfit'],
      ['peak_capital', 'peakCapital'],
      ['min_cash', 'minCash'],
      ['sustainable_spend', 'sustainableSpend'],
      ['roi', 'roi'],
      ['incremental_roi', 'incrementalRoi'],
    ];
    for (const s of cli.scenarios) {
      for (const [fn, json] of kpiNames) expect(kpi(history, assumptions, fn, s.name)).toBe(s.kpis[json]);
      const payback = kpi(history, assumptions, 'payback_day', s.name);
      expect(payback === '' ? null : payback).toBe(s.kpis.paybackDay);
      expect(simulate(history, assumptions, 'total_profit', 0.1, s.name)).toBe(s.risk.profitP10);
      expect(simulate(history, assumptions, 'total_profit', 0.9, s.name)).toBe(s.risk.profitP90);
      expect(simulate(history, assumptions, 'p_cash_short', null, s.name)).toBe(s.risk.pCashShort);
      const rows = plan(history, assumptions, s.name);
      expect(rows.length - 1).toBe(s.days.length);
      s.days.forEach((d, i) => {
        const r = rows[i + 1]!;
        expect([r[0], r[1], r[7], r[10]]).toEqual([dateToExcelSerial(d.date), d.spend, d.cash, d.limit]);
      });
    }
  });
});
