/**
 * A workbook holding a 千川标准推广 sheet (paid only) and a 罗盘直播 sheet (the room's day totals)
 * is joined as two files are: GMV, orders, views and refunds from 罗盘直播, spend and paid GMV from
 * 千川. The fixture is written by scripts/make-family-fixtures.mjs (seeded); its golden holds the
 * day values the generator built the cells from. Checked by hand: 2026-06-05 千川 消耗 1500,
 * 直接成交金额 3300, 直接成交订单数 33; 罗盘 成交金额 9500 ⇒ organic 6200, orders 95 − 33 = 62;
 * the pre-ad days 06-01 – 06-04 have 消耗 0 and "-" rates ⇒ paid GMV 0, all GMV organic;
 * totals: spend 1500+1900+1400+1300+1400+2800 = 10300, paid GMV 3300+4940+2800+4420+3640+10080 = 29180.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMerchantFiles } from '../../src/data/node';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';

const FILE = join(__dirname, '..', 'fixtures', 'families', 'qianchuan-standard-compass-live.xlsx');
interface GoldenDay { date: string; gmv: number; orders: number; views: number; refundAmount: number; spend: number; paidGmv: number; paidOrders: number; organicGmv: number; organicOrders: number }
const golden = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'golden', 'qianchuan-standard-compass-live.xlsx.json'), 'utf8')) as {
  days: GoldenDay[];
  totals: Record<string, number>;
};

describe('千川标准推广 + 罗盘直播 in one workbook', () => {
  it('joins the two sheets: room measures from 罗盘直播, spend and paid GMV from 千川', async () => {
    const r = await loadMerchantFiles([FILE]);
    expect(r.joined.sources.map((s) => s.sheet)).toEqual(['千川标准推广', '罗盘直播']);
    expect(r.joined.overlap).toEqual({ from: '2026-06-01', to: '2026-06-10', days: 10 });
    const days = r.history.history.days.map((d) => ({
      date: d.date, gmv: d.gmv, orders: d.orders, views: d.views, refundAmount: d.refundAmount, spend: d.spend,
      paidGmv: d.paidGmv, paidOrders: d.paidOrders, organicGmv: d.organicGmv, organicOrders: d.organicOrders,
    }));
    expect(days).toEqual(golden.days);
    const src = (k: string) => (r.joined.measures as Record<string, { source: string } | undefined>)[k]?.source;
    for (const k of ['gmv', 'orders', 'views', 'refund_amount']) expect(src(k)).toBe('qianchuan-standard-compass-live.xlsx › 罗盘直播');
    for (const k of ['spend', 'paid_gmv']) expect(src(k)).toBe('qianchuan-standard-compass-live.xlsx › 千川标准推广');
  });

  it('adplan check --json: totals to 0.01 %, overlap and each measure\'s source', async () => {
    let out = '';
    const io: CliIo = { stdout: (s) => (out += s), stderr: (s) => (out += s), env: {} };
    const code = await main(['check', FILE, '--json', '--lang', 'zh-CN'], io);
    expect(code).toBe(0);
    const j = JSON.parse(out) as { totals: Record<string, number>; overlap: unknown; measures: Record<string, { source: string }> };
    for (const k of ['gmv', 'orders', 'views', 'spend', 'paidGmv'] as const) {
      expect(Math.abs(j.totals[k]! - golden.totals[k]!) / golden.totals[k]!).toBeLessThan(1e-4);
    }
    expect(j.totals.gmv).not.toBe(j.totals.paidGmv);
    expect(j.overlap).toEqual({ from: '2026-06-01', to: '2026-06-10', days: 10 });
    expect(j.measures.gmv?.source).toMatch(/› 罗盘直播$/u);
    expect(j.measures.paid_gmv?.source).toMatch(/› 千川标准推广$/u);
  });
});
