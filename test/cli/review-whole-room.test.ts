/** `adplan review` and the back-test of `adplan plan` on a 全域 CSV (spend and room GMV, no paid split). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRoomMerchant } from '../../src/sample/room-merchant';
import { runCli } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'adplan-room-review-'));
const file = join(dir, 'room.csv');
const assumptions = join(dir, 'assumptions.csv');
// Spend cut 40 % below the merchant's usual from day 90: the review must put the gap on spend.
const base = generateRoomMerchant(12, { days: 118 });
const usual = base.history.days.slice(90).map((d) => 0.6 * d.spend);
const { history } = generateRoomMerchant(12, { days: 118, change: { fromDay: 90, spend: usual } });
writeFileSync(
  file,
  [['日期', '直播间观看次数', '成交订单数', '成交金额', '退款金额', '千川消耗'].join(','), ...history.days.map((d) => [d.date, d.views, d.orders, d.gmv, d.refundAmount, d.spend].join(','))].join('\n'),
);
writeFileSync(assumptions, 'key,Base\ncogs_rate,0.3\ncash_available,1000000\nfee_rate,0.05\n');
const since = history.days[90]!.date;

const run = runCli;

interface Period {
  plannedGmv: number;
  actualGmv: number;
  gapSpend: number;
  gapResponse: number;
  gapOrganic: number;
}

it('review --json on a whole-room account: the contract, parts add up, the replan is a whole-room plan scenario', async () => {
  const r = await run(['review', file, '--assumptions', assumptions, '--since', since, '--json', '--lang', 'en-US']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as { periods: Period[]; verdict: { status: string; cause: string | null }; replan: { name: string; economics: { targets: unknown } } | null };
  expect(j.periods).toHaveLength(4);
  for (const p of j.periods) expect(Math.abs(p.gapSpend + p.gapResponse + p.gapOrganic - (p.actualGmv - p.plannedGmv))).toBeLessThanOrEqual(1e-6 * p.actualGmv);
  expect(j.replan?.economics.targets).toBeDefined();
  expect(r.out).not.toMatch(/NaN|Infinity/);
});

it('plan on the same account carries a back-test of total GMV', async () => {
  const r = await run(['plan', file, '--assumptions', assumptions, '--json', '--runs', '0']);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as { backtest: { mape: number | null; naiveMape: number | null; grade: string; origins: unknown[] } };
  expect(j.backtest.origins.length).toBeGreaterThanOrEqual(1);
  expect(j.backtest.mape!).toBeLessThan(j.backtest.naiveMape!);
});
