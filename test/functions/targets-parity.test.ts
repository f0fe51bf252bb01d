/**
 * The target table on every surface: `adplan targets --json`, =ADPLAN.TARGETS and the task pane's
 * report agree to the cent (one path: engine targetTableFor / targetsFor); a direct-split history
 * (标准推广) gets a clear error, not a table.
 */
import './fake-runtime';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { targets as targetsFn } from '../../src/functions/as-called';
import { readHistory } from '../../src/data/history';
import { main } from '../../src/cli/main';
import { computePlan } from '../../src/taskpane/state/compute';
import { generateRoomMerchant } from '../../src/sample/room-merchant';
import { generateMerchant } from '../../src/sample/merchant';
import { TARGET_COLUMNS } from '../../src/model/plan';

const { history } = generateRoomMerchant(31, { preAdDays: 10, days: 100 });
const h: (string | number)[][] = [
  ['日期', '直播间观看次数', '成交订单数', '成交金额', '退款金额', '千川消耗', '净成交金额'],
  ...history.days.map((d) => [d.date, d.views ?? 0, d.orders, d.gmv, d.refundAmount ?? 0, d.spend, d.netGmv ?? d.gmv]),
];
const assumptions = [
  ['key', 'Base'],
  ['cogs_rate', 0.3],
  ['cash_available', 300000],
];
const cent = (x: number): number => Math.round(x * 100);

async function cliJson(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { stdout: (x) => (out += x), stderr: () => undefined, env: {} });
  return { code, out };
}

describe('target table parity: CLI JSON = =ADPLAN.TARGETS = task pane', () => {
  it('the same rows, the same recommended row, to the cent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adplan-targets-'));
    writeFileSync(join(dir, 'room.csv'), h.map((r) => r.join(',')).join('\n'));
    writeFileSync(join(dir, 'a.csv'), assumptions.map((r) => r.join(',')).join('\n'));
    const { code, out } = await cliJson(['targets', join(dir, 'room.csv'), '--assumptions', join(dir, 'a.csv'), '--json']);
    expect(code).toBe(0);
    const cli = JSON.parse(out) as { basis: string; recommended: number | null; settlement: { rate: number; source: string }; rows: Record<string, number>[]; action: string };
    expect(cli.basis).toBe('net');
    expect(cli.settlement.source).toBe('net_gmv');
    expect(cli.rows.length).toBeGreaterThan(5);
    expect(cli.action).toMatch(/^Set the 净成交ROI target to /u);

    const spill = targetsFn(h, assumptions) as (string | number)[][];
    expect(spill[0]).toEqual([...TARGET_COLUMNS.map((c) => c.key), 'recommended']);
    const body = spill.slice(1);
    expect(body).toHaveLength(cli.rows.length);

    const pane = computePlan({ history: readHistory(h).history, scenarios: [{ name: 'Base', values: { cogs_rate: 0.3, cash_available: 300000 } }] });
    if (!pane.report.ok) throw new Error(pane.report.error['en-US']);
    const table = pane.report.value.scenarios[0]!.targets!;
    expect(table.recommended).toBe(cli.recommended);
    cli.rows.forEach((row, i) => {
      TARGET_COLUMNS.forEach((c, j) => {
        expect([i, c.key, cent(body[i]![j] as number)]).toEqual([i, c.key, cent(row[c.field]!)]);
        expect([i, c.key, cent(table.rows[i]![c.field])]).toEqual([i, c.key, cent(row[c.field]!)]);
      });
      expect(body[i]![TARGET_COLUMNS.length]).toBe(i === cli.recommended ? 'profit' : '');
    });
  });

  it('a direct-split history (标准推广 with 直接成交金额): an error naming the basis, no table', () => {
    const d = generateMerchant(3).history;
    const cells = [['日期', '自然流观看人数', '付费观看人数', '成交订单数', '成交金额', '退款金额', '千川消耗', '直接成交金额', '付费订单数'], ...d.days.map((x) => [x.date, x.organicViews ?? 0, x.paidViews ?? 0, x.orders, x.gmv, x.refundAmount ?? 0, x.spend, x.paidGmv ?? 0, x.paidOrders ?? 0])];
    expect(() => targetsFn(cells, assumptions)).toThrow(/全域推广 accounts/u);
    const pane = computePlan({ history: readHistory(cells).history, scenarios: [{ name: 'Base', values: { cogs_rate: 0.3, cash_available: 300000 } }] });
    if (!pane.report.ok) throw new Error(pane.report.error['en-US']);
    expect(pane.report.value.scenarios[0]!.targets).toBeUndefined();
  });
});
