import { thrownBy } from './fake-runtime';
import { cashflowfn, kpi, plan, readiness, sensitivity, simulate } from '../../src/functions/as-called';
import { readAssumptions, readHistory } from '../../src/data';
import { dateToExcelSerial } from '../../src/data/cells';
import { buildPlanReport } from '../../src/model/engine';
import { sampleRanges, type SampleRanges } from './sample-ranges';

let web: SampleRanges;
let desktop: SampleRanges;
beforeAll(async () => {
  web = await sampleRanges('null');
  desktop = await sampleRanges('zero');
});

function engineReport(runs = 0) {
  const history = readHistory(web.history).history;
  const scenarios = readAssumptions(web.assumptions).scenarios;
  return buildPlanReport({ history, scenarios, runs, seed: 1 });
}

describe('PLAN and KPI on the sample workbook', () => {
  it('KPI gives the engine’s numbers for every scenario, blanks as null or as 0', () => {
    const report = engineReport();
    for (const s of report.scenarios) {
      for (const ranges of [web, desktop]) {
        expect(kpi(ranges.history, ranges.assumptions, 'total_profit', s.name)).toBe(s.kpis.totalProfit);
        expect(kpi(ranges.history, ranges.assumptions, 'PEAK_CAPITAL', s.name)).toBe(s.kpis.peakCapital);
        expect(kpi(ranges.history, ranges.assumptions, 'sustainable_spend', s.name)).toBe(s.kpis.sustainableSpend);
      }
      expect(kpi(web.history, web.assumptions, 'break_even_roi', s.name)).toBe(s.economics.breakEvenRoi);
    }
  });

  it('PLAN spills a header row and one row per day from the day after the history', () => {
    const report = engineReport();
    const t = plan(web.history, web.assumptions);
    expect(t[0]).toEqual(['date', 'spend', 'paid_gmv', 'organic_gmv', 'gmv', 'orders', 'profit', 'cash', 'roi', 'marginal_roi', 'limit', 'roi_target', 'event', 'phase']);
    const days = report.scenarios[0]!.days;
    // roi_target: the room's GMV per yuan that day (what 整体ROI would have to be for that spend).
    t.slice(1).forEach((r, i) => expect(r[11]).toBe(days[i]!.spend > 0 ? days[i]!.gmv / days[i]!.spend : ''));
    expect(t).toHaveLength(days.length + 1);
    expect(t[1]![0]).toBe(dateToExcelSerial(days[0]!.date));
    expect(t[1]![1]).toBe(days[0]!.spend);
    expect(t.slice(1).every((r) => ['target', 'max', 'ramp', 'extrapolation', 'capacity', 'cash'].includes(String(r[10])))).toBe(true);
    // Weekly: 90 days ⇒ 13 blocks; spend sums to the same total.
    const weeks = plan(web.history, web.assumptions, null, null, 'week');
    expect(weeks).toHaveLength(1 + 13);
    const total = (rows: (string | number | boolean)[][]) => rows.slice(1).reduce((s, r) => s + (r[1] as number), 0);
    expect(total(weeks)).toBeCloseTo(total(t), 6);
    expect(plan(web.history, web.assumptions, 'Aggressive', 30)).toHaveLength(31);
  });

  it('never puts NaN, Infinity or null in a cell', () => {
    for (const row of plan(web.history, web.assumptions, 'Conservative')) {
      for (const c of row) {
        expect(c).not.toBeNull();
        if (typeof c === 'number') expect(Number.isFinite(c)).toBe(true);
      }
    }
  });

  it('errors: unknown scenario and metric list the valid ones; bad horizon names the argument', () => {
    const s = thrownBy(() => kpi(web.history, web.assumptions, 'total_profit', 'Moonshot'));
    expect(s?.code).toBe('#N/A');
    expect(s?.message).toMatch(/Base, Conservative, Aggressive/);
    const m = thrownBy(() => kpi(web.history, web.assumptions, 'profit'));
    expect(m?.code).toBe('#N/A');
    expect(m?.message).toMatch(/total_profit/);
    expect(thrownBy(() => plan(web.history, web.assumptions, null, 0))?.message).toMatch(/horizon_days/);
    expect(thrownBy(() => plan(web.history, web.assumptions, null, null, 'month'))?.code).toBe('#N/A');
  });

  it('an invalid assumption fails with the cell named, not a silently dropped value', () => {
    const broken = web.assumptions.map((r) => r.slice());
    const row = broken.findIndex((r) => r[0] === 'cogs_rate');
    broken[row]![3] = 'forty percent';
    const e = thrownBy(() => kpi(web.history, broken, 'total_profit'));
    expect(e?.code).toBe('#VALUE!');
    expect(e?.message).toMatch(new RegExp(`row ${row + 1} of assumptions`));
  });
});

describe('SIMULATE, SENSITIVITY, READINESS, CASHFLOW', () => {
  it('SIMULATE matches the engine’s risk report and is the same for the same seed', () => {
    const risk = engineReport(1000).scenarios[0]!.risk!;
    expect(simulate(web.history, web.assumptions, 'total_profit', 0.1)).toBeCloseTo(risk.profitP10, 6);
    expect(simulate(web.history, web.assumptions, 'total_profit')).toBeCloseTo(risk.profitP50, 6);
    expect(simulate(web.history, web.assumptions, 'p_loss')).toBe(risk.pLoss);
    const a = simulate(web.history, web.assumptions, 'peak_capital', 0.9, null, 500, 7);
    expect(simulate(web.history, web.assumptions, 'peak_capital', 0.9, null, 500, 7)).toBe(a);
    expect(thrownBy(() => simulate(web.history, web.assumptions, 'total_profit', 1.5))?.message).toMatch(/stat/);
    expect(thrownBy(() => simulate(web.history, web.assumptions, 'total_profit', 0.5, null, 10_000_000))?.message).toMatch(/runs must be a whole number from 1 to 20000/);
  });

  it('SENSITIVITY spills a tornado sorted by swing', () => {
    const t = sensitivity(web.history, web.assumptions);
    expect(t[0]).toEqual(['input', 'value at P10', 'value at P90', 'swing']);
    const swings = t.slice(1).map((r) => r[3] as number);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
    for (const r of t.slice(1)) expect(r[3]).toBeCloseTo(Math.abs((r[2] as number) - (r[1] as number)), 6);
  });

  it('READINESS says READY or NOT READY first, then the reasons', () => {
    const r = readiness(web.history, web.assumptions);
    expect(['READY', 'NOT READY']).toContain(r[0]![0]);
    expect(r[0]![0]).toBe(engineReport().baseline.ready ? 'READY' : 'NOT READY');
    // Ten days of history is too few for a base conversion model.
    const short = readiness(web.history.slice(0, 11));
    expect(short[0]![0]).toBe('NOT READY');
    expect(short.slice(1).some((x) => /days of usable history/.test(String(x[0])))).toBe(true);
  });

  it('CASHFLOW: constant spend and GMV, settlement lag 15 days ⇒ balances by hand', () => {
    // cogs 0.4, refund 0.2, fee 0.05, no shipping, aov 100, cash 10000, prepay 1 (booked on day 1), no inventory lead.
    const table = [
      ['key', 'Base'],
      ['cogs_rate', 0.4],
      ['refund_rate', 0.2],
      ['fee_rate', 0.05],
      ['aov', 100],
      ['cash_available', 10000],
      ['settlement_days', 15],
    ];
    const spend = Array.from({ length: 20 }, () => [100]);
    const gmv = Array.from({ length: 20 }, () => [1000]);
    const t = cashflowfn(spend, gmv, table);
    expect(t[0]).toEqual(['day', 'cash balance']);
    expect(t).toHaveLength(1 + 20 + 15);
    // Day 1: top-ups for days 1 and 2 (prepay 1) and goods for day 1: 10000 − 200 − 400 = 9400.
    expect(t[1]![1]).toBeCloseTo(9400, 9);
    // Days 2–15: −100 − 400 each; day 16 the first settlement arrives: +(0.8·0.95 + 0.2·0.8·0.4)·1000 = 824.
    expect(t[15]![1]).toBeCloseTo(9400 - 14 * 500, 9);
    expect(t[16]![1]).toBeCloseTo(9400 - 15 * 500 + 824, 9);
  });
});

describe('ROITARGET', () => {
  it('pay by default, net below it; a bad basis names the argument and its choices', async () => {
    const { roitarget } = await import('../../src/functions/as-called');
    const { sampleRanges } = await import('./sample-ranges');
    const r = await sampleRanges();
    const pay = roitarget(r.history, r.assumptions) as number;
    const net = roitarget(r.history, r.assumptions, null, 'net') as number;
    expect(pay).toBeGreaterThan(0);
    expect(net).toBeLessThanOrEqual(pay);
    expect(roitarget(r.history, r.assumptions, null, 'pay')).toBe(pay);
    expect(() => roitarget(r.history, r.assumptions, null, 'gross')).toThrow(/basis/u);
  });
});
