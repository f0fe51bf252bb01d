/**
 * The functions on a 全域 history (spend and room GMV, no paid split): BASELINE speaks (organic
 * from the room fit), ROITARGET and the ROI KPIs give the engine's numbers, and organic per day is
 * blank when nothing anchors it.
 */
import './fake-runtime';
import { baseline, kpi, roitarget } from '../../src/functions/as-called';
import { readHistory } from '../../src/data/history';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { buildPlanReport } from '../../src/model/engine';
import { computePlan } from '../../src/taskpane/state/compute';
import { generateRoomMerchant } from '../../src/sample/room-merchant';

function cells(preAdDays: number): (string | number)[][] {
  const { history } = generateRoomMerchant(31, { preAdDays, days: 100 });
  return [['日期', '直播间观看次数', '成交订单数', '成交金额', '退款金额', '千川消耗'], ...history.days.map((d) => [d.date, d.views ?? 0, d.orders, d.gmv, d.refundAmount ?? 0, d.spend])];
}
const assumptions = [
  ['key', 'Base'],
  ['cogs_rate', 0.3],
  ['cash_available', 300000],
];

describe('functions on a whole-room history', () => {
  it.each([14, 0])('pre-ad days %i: BASELINE, ROITARGET and the ROI KPIs', (preAd) => {
    const h = cells(preAd);
    const organic = baseline(h, 'organic_gmv')[0]![0] as number;
    expect(organic).toBeGreaterThan(0);
    const report = buildPlanReport({ history: readHistory(h).history, scenarios: [{ name: 'Base', values: { cogs_rate: 0.3, cash_available: 300000 } }], runs: 0 });
    expect(report.curve.basis).toBe('whole-room');
    const s = report.scenarios[0]!;
    expect(roitarget(h, assumptions)).toBe(s.economics.targets.roomRoi);
    expect(roitarget(h, assumptions, 'Base', 'net')).toBe(s.economics.targets.roomRoiNet);
    expect(kpi(h, assumptions, 'room_break_even_roi')).toBe(s.economics.roomBreakEvenRoi);
    const o = kpi(h, assumptions, 'organic_gmv_per_day');
    if (preAd > 0) expect(o).toBe(organic);
    else expect(o).toBe('');
    expect(organic).toBe(report.baseline.organicGmvPerDay);
  });
});

describe('whole-room parity: CLI JSON = functions = task pane', () => {
  it('gives the same targets, S* and plan on every surface', async () => {
    const h = cells(0);
    const dir = mkdtempSync(join(tmpdir(), 'adplan-room-parity-'));
    writeFileSync(join(dir, 'room.csv'), h.map((r) => r.join(',')).join('\n'));
    writeFileSync(join(dir, 'a.csv'), assumptions.map((r) => r.join(',')).join('\n'));
    let out = '';
    const code = await main(['plan', join(dir, 'room.csv'), '--assumptions', join(dir, 'a.csv'), '--json', '--runs', '0'], { stdout: (x) => (out += x), stderr: () => undefined, env: {} });
    expect(code).toBe(0);
    const cli = (JSON.parse(out) as { scenarios: { economics: { targets: { roomRoi: number; dailyBudget: number } }; days: { spend: number; roiTarget: number | null }[] }[] }).scenarios[0]!;
    expect(roitarget(h, assumptions)).toBe(cli.economics.targets.roomRoi);
    expect(kpi(h, assumptions, 'sustainable_spend')).toBe(cli.economics.targets.dailyBudget);
    const pane = computePlan({ history: readHistory(h).history, scenarios: [{ name: 'Base', values: { cogs_rate: 0.3, cash_available: 300000 } }] });
    if (!pane.report.ok) throw new Error(pane.report.error['en-US']);
    const p = pane.report.value.scenarios[0]!;
    expect(p.economics.targets.roomRoi).toBe(cli.economics.targets.roomRoi);
    expect(p.days.map((d) => d.roiTarget)).toEqual(cli.days.map((d) => d.roiTarget));
  });
});
