/**
 * `adplan targets`: the 全域 decision table in the terminal (zh-CN), with the ROI target log read
 * beside the export (the ramp starts from the target in force), and a clear exit 1 on a
 * direct-split (标准推广) history.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRoomMerchant } from '../../src/sample/room-merchant';
import { generateMerchant } from '../../src/sample/merchant';
import { runCli } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'adplan-targets-cli-'));
const room = join(dir, 'room.csv');
const log = join(dir, 'ROI目标记录.csv');
const direct = join(dir, 'direct.csv');
const assumptions = join(dir, 'a.csv');
const { history } = generateRoomMerchant(8, { preAdDays: 10, days: 90 });
writeFileSync(room, [['日期', '整体消耗', '整体成交金额', '整体成交订单数', '净成交金额'].join(','), ...history.days.map((d) => [d.date, d.spend, d.gmv, d.orders, d.netGmv].join(','))].join('\n'));
const last = history.days[history.days.length - 1]!.date;
writeFileSync(log, `时间,ROI目标,口径,投放模式\n${last} 10:00,20,净成交,控成本\n`);
const dd = generateMerchant(3).history.days;
writeFileSync(direct, [['日期', '自然流观看人数', '付费观看人数', '成交订单数', '成交金额', '退款金额', '千川消耗', '直接成交金额', '付费订单数'].join(','), ...dd.map((x) => [x.date, x.organicViews, x.paidViews, x.orders, x.gmv, x.refundAmount, x.spend, x.paidGmv, x.paidOrders].join(','))].join('\n'));
writeFileSync(assumptions, 'key,Base\ncogs_rate,0.3\ncash_available,300000\nrefund_rate,0.2\n');

describe('adplan targets', () => {
  it('zh-CN: the action leads with the 净成交 target, the table marks the recommended row, the steps start from the log', async () => {
    const r = await runCli(['targets', room, log, '--assumptions', assumptions, '--lang', 'zh-CN']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[2]).toMatch(/^操作建议：设置 净成交ROI 目标 [\d.]+（支付ROI [\d.]+，按近 30 天净成交率 [\d.]+%），控成本模式，预算上限 ¥[\d,]+；平台预计每天消耗/u);
    expect(lines[2]).toMatch(/目标从 20 起分 \d+ 步调整/u);
    expect(r.out).toMatch(/净成交ROI目标/u);
    expect(r.out.match(/✓ profit/gu)).toHaveLength(1);
    expect(r.out).toMatch(/目标调整步骤/u);
  });

  it('--json: the target in force comes from the log, steps keep to the edit rules', async () => {
    const r = await runCli(['targets', room, log, '--assumptions', assumptions, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { current: { target: number; source: string }; steps: { date: string; target: number }[]; warnings: string[] };
    expect(j.current).toEqual({ target: 20, source: 'log' });
    let prev = 20;
    for (const s of j.steps) {
      expect(Math.abs(s.target / prev - 1)).toBeLessThanOrEqual(0.1 + 1e-9);
      prev = s.target;
    }
    expect(j.warnings.some((w) => /hold each step|more than one target change/u.test(w))).toBe(false);
  });

  it('a direct-split history: exit 1, the message names the basis', async () => {
    const r = await runCli(['targets', direct, '--assumptions', assumptions, '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { error: { message: string; kind: string } }).error).toMatchObject({ kind: 'input', message: expect.stringMatching(/全域推广 accounts/u) });
  });

  it('--help lists the options', async () => {
    const r = await runCli(['targets', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/adplan targets <file>/u);
  });
});
