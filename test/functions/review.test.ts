import { thrownBy } from './fake-runtime';
import { backtestfn, reviewfn } from '../../src/functions/as-called';
import { main } from '../../src/cli/main';
import { dateToExcelSerial } from '../../src/data/cells';
import { SAMPLE_FILE, sampleRanges, type SampleRanges } from './sample-ranges';

let web: SampleRanges;
let desktop: SampleRanges;
beforeAll(async () => {
  web = await sampleRanges('null');
  desktop = await sampleRanges('zero');
});

async function cli(args: string[]): Promise<Record<string, unknown>> {
  let out = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: () => undefined, env: {} });
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, unknown>;
}

describe('BACKTEST', () => {
  it('gives the numbers of adplan plan --json, with blanks as null or 0', async () => {
    const j = (await cli(['plan', SAMPLE_FILE, '--json', '--runs', '0'])).backtest as { mape: number; bias: number; naiveMape: number; grade: string };
    for (const r of [web, desktop]) {
      expect(backtestfn(r.history, r.assumptions, 'mape')).toEqual([[j.mape]]);
      expect(backtestfn(r.history, r.assumptions, 'BIAS')).toEqual([[j.bias]]);
      expect(backtestfn(r.history, r.assumptions, 'naive_mape')).toEqual([[j.naiveMape]]);
      expect(backtestfn(r.history, r.assumptions, 'grade')).toEqual([[j.grade]]);
    }
  });

  it('no metric: a 2-column metric/value table ending with the verdict; assumptions optional', () => {
    const t = backtestfn(web.history);
    expect(t[0]).toEqual(['metric', 'value']);
    expect(t.map((r) => r[0])).toEqual(['metric', 'mape', 'bias', 'naive_mape', 'paid_mape', 'grade', 'origins', 'verdict']);
    expect(t.every((r) => r.length === 2)).toBe(true);
    expect(String(t[7]![1])).toMatch(/Forecast error on your own history ±\d+%/);
  });

  it('an unknown metric is #N/A listing the choices', () => {
    expect(thrownBy(() => backtestfn(web.history, web.assumptions, 'rmse'))).toMatchObject({ code: '#N/A' });
  });
});

describe('REVIEW', () => {
  const since = '2024-05-16';
  it('weekly rows, a total and the verdict; the same numbers as adplan review --json', async () => {
    const j = (await cli(['review', SAMPLE_FILE, '--since', since, '--json'])) as { periods: Record<string, number>[]; verdict: { message: string } };
    for (const r of [web, desktop]) {
      const t = reviewfn(r.history, r.assumptions, since);
      expect(t[0]).toEqual(['period', 'planned_spend', 'actual_spend', 'planned_gmv', 'actual_gmv', 'gmv_p10', 'gmv_p90', 'planned_profit', 'actual_profit', 'planned_cash', 'actual_cash', 'gap_spend', 'gap_response', 'gap_organic']);
      expect(t).toHaveLength(1 + 2 + 1 + 1);
      j.periods.forEach((p, i) => {
        const row = t[i + 1]!;
        expect(row[0]).toBe(dateToExcelSerial(String(p.start)));
        expect([row[1], row[2], row[3], row[4], row[11], row[12], row[13]]).toEqual([p.plannedSpend, p.actualSpend, p.plannedGmv, p.actualGmv, p.gapSpend, p.gapResponse, p.gapOrganic]);
      });
      expect(t[3]![0]).toBe('total');
      expect(t[4]![0]).toBe(j.verdict.message);
    }
  });

  it('plan_start as an Excel date serial equals the text date; period day gives a row per day', () => {
    const a = reviewfn(web.history, web.assumptions, dateToExcelSerial(since));
    expect(a).toEqual(reviewfn(web.history, web.assumptions, since));
    expect(reviewfn(web.history, web.assumptions, since, 'Base', 'day')).toHaveLength(1 + 14 + 2);
  });

  it('a bad plan_start names the argument; an unknown scenario is #N/A', () => {
    expect(thrownBy(() => reviewfn(web.history, web.assumptions, 'soon'))).toMatchObject({ code: '#VALUE!' });
    expect(String(thrownBy(() => reviewfn(web.history, web.assumptions, 'soon'))?.message)).toMatch(/plan_start/);
    expect(thrownBy(() => reviewfn(web.history, web.assumptions, '2030-01-01'))).toMatchObject({ code: '#VALUE!' });
    expect(thrownBy(() => reviewfn(web.history, web.assumptions, since, 'Nope'))).toMatchObject({ code: '#N/A' });
  });
});
