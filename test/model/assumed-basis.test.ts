/**
 * When the room is not identified (too few days, flat spend, a stock-out), the plan no longer ends:
 * it rests on the scenario's assumed curve — or, when paid_roi_initial / saturation_spend are
 * blank, on labelled category defaults scaled to the spend seen — says so on every scenario,
 * gives the range of S* over plausible curves and names the test that would identify the curve.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATEGORY_CURVE } from '../../src/model/settings';
import { buildPlanReport } from '../../src/model/engine';
import { generateRoomMerchant } from '../../src/sample/room-merchant';
import { runCli } from '../helpers/cli';

const ECON = { cogs_rate: 0.3, cash_available: 300000 };
const short = generateRoomMerchant(21, { days: 18 }).history;

describe('an unidentified room plans on an assumed curve', () => {
  it('category defaults when the table leaves the curve blank: labelled, scaled to the spend seen, with a range', () => {
    const r = buildPlanReport({ history: short, scenarios: [{ name: 'Base', values: ECON }], runs: 0 });
    const maxSeen = Math.max(...short.days.map((d) => d.spend));
    expect(r.curve.model).toBe('assumed');
    expect(r.curve.assumed).toMatchObject({ source: 'category-defaults', paidRoiInitial: CATEGORY_CURVE.paidRoiInitial, saturationSpend: maxSeen });
    expect(r.curve.params).toEqual({ gmax: CATEGORY_CURVE.paidRoiInitial * maxSeen, k: maxSeen, a: 1 });
    expect(r.curve.assumed?.why['en-US']).toMatch(/Only 18 day\(s\) with spend/u);
    const [lo, hi] = r.curve.assumed!.sStarRange;
    const s = r.scenarios[0]!.kpis.sustainableSpend;
    expect(lo).toBeLessThanOrEqual(s);
    expect(hi).toBeGreaterThanOrEqual(s);
    expect(hi).toBeGreaterThan(lo);
    expect(r.curve.assumed?.identifyBy['zh-CN']).toMatch(/测试/u);
    // Every scenario says its numbers rest on the assumption, first.
    expect(r.scenarios[0]!.notes[0]?.['zh-CN']).toMatch(/假定曲线/u);
    expect(r.scenarios[0]!.notes[0]?.['zh-CN']).toMatch(/行业默认值/u);
  });

  it("the scenario's own paid_roi_initial / saturation_spend when given", () => {
    const r = buildPlanReport({ history: short, scenarios: [{ name: 'Base', values: { ...ECON, paid_roi_initial: 3, saturation_spend: 4000 } }], runs: 0 });
    expect(r.curve.assumed).toMatchObject({ source: 'assumptions', paidRoiInitial: 3, saturationSpend: 4000 });
    expect(r.curve.params).toEqual({ gmax: 12000, k: 4000, a: 1 });
  });

  it('adplan plan exits 0 with a warning; --json says curve.basis "assumed" and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adplan-assumed-'));
    const file = join(dir, 'room.csv');
    writeFileSync(file, [['日期', '直播间观看次数', '成交订单数', '成交金额', '退款金额', '千川消耗'].join(','), ...short.days.map((d) => [d.date, d.views, d.orders, d.gmv, d.refundAmount, d.spend].join(','))].join('\n'));
    const assumptions = join(dir, 'a.csv');
    writeFileSync(assumptions, 'key,Base\ncogs_rate,0.3\ncash_available,300000\n');
    const human = await runCli(['plan', file, '--assumptions', assumptions, '--runs', '0', '--lang', 'zh-CN']);
    expect(human.code).toBe(0);
    expect(human.err).toMatch(/假定曲线/u);
    expect(human.out).toMatch(/假定曲线/u);
    const json = await runCli(['plan', file, '--assumptions', assumptions, '--runs', '0', '--json', '--lang', 'en-US']);
    expect(json.code).toBe(0);
    const j = JSON.parse(json.out) as { curve: { basis: string; fitBasis: string; why: string; sStarRange: [number, number]; identifyBy: string } };
    expect(j.curve.basis).toBe('assumed');
    expect(j.curve.fitBasis).toBe('whole-room');
    expect(j.curve.why).toMatch(/Only 18 day\(s\) with spend/u);
    expect(j.curve.sStarRange[1]).toBeGreaterThan(j.curve.sStarRange[0]);
    expect(j.curve.identifyBy.length).toBeGreaterThan(20);
  });
});

describe('the portfolio does not scale on an assumed curve', () => {
  it('an unidentified room with headroom is steady, told to test first', async () => {
    const { classify } = await import('../../src/portfolio/tiers');
    const r = buildPlanReport({ history: short, scenarios: [{ name: 'Base', values: { ...ECON, cogs_rate: 0.1 } }], runs: 0 });
    const s = r.scenarios[0]!;
    const ready = { ...r, baseline: { ...r.baseline, ready: true } };
    const v = classify(ready, s, { currentSpend: s.kpis.sustainableSpend / 3, cashAvailable: 1e9, cashReserve: 0 });
    expect(v.tier).toBe('steady');
    expect(v.reason['zh-CN']).toMatch(/^投放曲线无法识别/u);
  });
});
