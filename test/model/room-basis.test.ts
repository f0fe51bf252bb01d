/**
 * The whole-room basis's switches and fallbacks: plain words and the assumed curve when the room
 * cannot be separated; curve_basis chosen by name in the table; grants consume no cash; a
 * direct-split merchant can be planned on the whole-room basis too.
 */
import { readAssumptions } from '../../src/data/assumptions';
import { buildPlanReport } from '../../src/model/engine';
import { generateMerchant } from '../../src/sample/merchant';
import { generateRoomMerchant } from '../../src/sample/room-merchant';
import { SAMPLE_BASE } from '../../src/sample/workbook';

const ECON = { cogs_rate: 0.3, cash_available: 300000, paid_roi_initial: 3, saturation_spend: 4000 };

describe('whole-room fallbacks', () => {
  it('flat spend: says so, plans on the assumed curve, reports no organic level nor S* interval', () => {
    const { history } = generateRoomMerchant(21, { lowMultiple: 1, highMultiple: 1.15 });
    const r = buildPlanReport({ history, scenarios: [{ name: 'Base', values: ECON }], runs: 0 });
    expect(r.curve).toMatchObject({ basis: 'whole-room', model: 'assumed', organicGmvPerDay: null, sStarInterval: null });
    expect(r.curve.note?.['en-US']).toMatch(/Daily spend varied only .*no confident number is taken/u);
    expect(r.curve.note?.['zh-CN']).toMatch(/日消耗只相差/u);
    expect(r.scenarios[0]!.kpis.sustainableSpend).toBeGreaterThan(0);
    // The baseline and readiness still speak.
    expect(r.baseline.days).toBeGreaterThan(0);
  });

  it('without the assumed-curve keys: plans on labelled category defaults, naming the reason (no longer an error)', () => {
    const { history } = generateRoomMerchant(21, { days: 18 });
    const r = buildPlanReport({ history, scenarios: [{ name: 'Base', values: { cogs_rate: 0.3, cash_available: 1e5 } }], runs: 0 });
    expect(r.curve.assumed?.source).toBe('category-defaults');
    expect(r.curve.note?.['en-US']).toMatch(/No usable whole-room fit|no usable whole-room fit: Only 18 day\(s\) with spend/u);
  });
});

describe('curve_basis', () => {
  it('reads by name or zh-CN label; a direct-split merchant planned on the whole-room basis', () => {
    const read = readAssumptions([
      ['key', 'Direct', 'Room'],
      ['cogs_rate', 0.35, 0.35],
      ['cash_available', 150000, 150000],
      ['curve_basis', 'direct', '整体'],
    ]);
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.scenarios.map((s) => s.values.curve_basis)).toEqual([1, 2]);
    const bad = readAssumptions([['key', 'Base'], ['curve_basis', 'room-ish']]);
    expect(bad.issues.find((i) => i.severity === 'error')?.message['en-US']).toMatch(/curve_basis must be one of auto \| direct \| whole-room, found "room-ish"/u);

    const { history } = generateMerchant(4, { days: 120, spend: { pattern: 'sweep', startDay: 20, lowMultiple: 0.3, highMultiple: 3, stepSd: 0.1, pauseProbability: 0 } });
    const r = buildPlanReport({ history, scenarios: read.scenarios.map((s) => ({ ...s, values: { ...SAMPLE_BASE, ...s.values } })), runs: 0 });
    expect(r.scenarios.map((s) => s.curveBasis)).toEqual(['direct', 'whole-room']);
    expect(r.curve.basis).toBe('direct');
    const [direct, room] = r.scenarios;
    // Same merchant, two readings: the sustainable spends agree within a third.
    expect(Math.abs(room!.kpis.sustainableSpend / direct!.kpis.sustainableSpend - 1)).toBeLessThan(0.35);
  });
});

describe('grants', () => {
  it('grant_share 1: spend consumes no cash, profit is unchanged', () => {
    const { history } = generateRoomMerchant(9, { preAdDays: 14 });
    const plan = (grant: number) => buildPlanReport({ history, scenarios: [{ name: 'Base', values: { ...ECON, grant_share: grant } }], runs: 0 }).scenarios[0]!;
    const cash = plan(0);
    const grant = plan(1);
    expect(grant.kpis.totalProfit).toBeCloseTo(cash.kpis.totalProfit, 6);
    expect(grant.kpis.totalSpend).toBeCloseTo(cash.kpis.totalSpend, 6);
    const last = (s: typeof cash) => s.days[s.days.length - 1]!.cash;
    expect(last(grant) - last(cash)).toBeCloseTo(cash.kpis.totalSpend, 0);
  });
});
