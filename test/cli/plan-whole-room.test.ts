/**
 * `adplan plan` on a 全域 account (spend and room GMV, no paid split): the whole-room basis is
 * chosen automatically, the output leads with the 整体ROI target to set, and the JSON carries the
 * issue-13 contract additions.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRoomMerchant } from '../../src/sample/room-merchant';
import { runCli } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'adplan-room-'));
const file = join(dir, 'room.csv');
const assumptions = join(dir, 'assumptions.csv');
const { history } = generateRoomMerchant(5, { preAdDays: 14, days: 90 });
writeFileSync(
  file,
  [['日期', '直播间观看次数', '成交订单数', '成交金额', '退款金额', '千川消耗'].join(','), ...history.days.map((d) => [d.date, d.views, d.orders, d.gmv, d.refundAmount, d.spend].join(','))].join('\n'),
);
writeFileSync(assumptions, 'key,Base\ncogs_rate,0.3\ncash_available,300000\nrefund_1h_rate,0.08\n');

const run = runCli;

interface RoomJson {
  curve: { basis: string; organicGmvPerDay: number | null; sStarInterval: [number, number] | null };
  scenarios: {
    action: string;
    economics: { breakEvenRoi: number; breakEvenRoiNet: number; roomBreakEvenRoi: number | null; targets: { roomRoi: number; roomRoiNet: number; dailyBudget: number } };
    kpis: { sustainableSpend: number };
    days: { spend: number; gmv: number; roiTarget: number | null }[];
  }[];
}

describe('adplan plan on a whole-room account', () => {
  it('JSON: basis, organic per day, S* interval, ROI bases and targets, per-day roiTarget', async () => {
    const r = await run(['plan', file, '--assumptions', assumptions, '--json', '--runs', '0']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as RoomJson;
    expect(j.curve.basis).toBe('whole-room');
    expect(j.curve.organicGmvPerDay).toBeGreaterThan(0);
    const [lo, hi] = j.curve.sStarInterval!;
    const s = j.scenarios[0]!;
    expect(lo).toBeLessThanOrEqual(s.kpis.sustainableSpend);
    expect(hi).toBeGreaterThanOrEqual(s.kpis.sustainableSpend);
    const e = s.economics;
    expect(e.breakEvenRoiNet).toBeCloseTo(e.breakEvenRoi * 0.92, 9);
    // The 整体ROI 保本线 sits above the naive 1/u: organic GMV is counted in the room.
    expect(e.roomBreakEvenRoi!).toBeGreaterThan(e.breakEvenRoi);
    expect(e.targets.roomRoiNet).toBeCloseTo(e.targets.roomRoi * 0.92, 9);
    expect(e.targets.dailyBudget).toBe(s.kpis.sustainableSpend);
    for (const d of s.days) expect(d.roiTarget).toBeCloseTo(d.gmv / d.spend, 9);
    // 净成交 first (the default basis), its 支付 equivalent labelled, the 控成本 cap and the spend band.
    expect(s.action).toMatch(/^Set the 净成交ROI target to [\d.]+ \(支付ROI [\d.]+, at 1 − refund_1h_rate, 92%\) on 控成本 with a budget cap of ¥[\d,]+; the platform is expected to spend ¥[\d,]+–¥[\d,]+ a day/u);
  });

  it('human output leads with the action in the merchant\'s terms (zh-CN)', async () => {
    const r = await run(['plan', file, '--assumptions', assumptions, '--runs', '0', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[2]).toMatch(/^操作建议：设置 净成交ROI 目标 [\d.]+（支付ROI [\d.]+，按 1 − 1小时内退款率 92%），控成本模式，预算上限 ¥[\d,]+；平台预计每天消耗 ¥[\d,]+–¥[\d,]+.*整体ROI 保本线 净成交 [\d.]+，低于它投流亏钱。$/u);
    expect(r.out).toContain('投放增量曲线（整体）');
  });
});

describe('adplan plan on the shipped 全域 sample (no views column)', () => {
  const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', 'qianchuan-uni-sample.xlsx');

  it('zh-CN: CVR/GPM/CVR variation are "—", readiness says conversion is unknown, one incremental-ROI row, no lift warning', async () => {
    const { code, out } = await run(['plan', SAMPLE, '--runs', '0', '--lang', 'zh-CN']);
    expect(code).toBe(0);
    expect(out).toMatch(/自然转化率\s+—/u);
    expect(out).toMatch(/GPM（千次自然观看成交）\s+—/u);
    expect(out).toMatch(/转化率波动（变异系数）\s+—/u);
    expect(out).not.toContain('已有稳定的基础转化模型');
    expect(out).toMatch(/没有观看数/u);
    expect(out.match(/^\s+增量投产比/gmu)).toHaveLength(1);
    expect(out).not.toMatch(/^\s+投产比（投放增量成交/mu);
    expect(out).not.toContain('整体口径下不使用 lift_lambda');
  });

  it('JSON: cvr, gpm and cvrCv are null', async () => {
    const { code, out } = await run(['plan', SAMPLE, '--runs', '0', '--json']);
    expect(code).toBe(0);
    const j = JSON.parse(out) as { baseline: { cvr: unknown; gpm: unknown; cvrCv: unknown; organicGmvCv: number; notes: string[] } };
    expect([j.baseline.cvr, j.baseline.gpm, j.baseline.cvrCv]).toEqual([null, null, null]);
    expect(j.baseline.organicGmvCv).toBeGreaterThan(0);
    expect(j.baseline.notes.length).toBe(1);
  });
});
