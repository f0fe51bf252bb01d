/**
 * Golden files: each fixture in test/fixtures (made by scripts/make-fixtures.ts) read to JSON and
 * compared with test/fixtures/golden/<fixture>.json. The goldens were written once with
 * UPDATE_GOLDEN=1 and then checked by hand against the fixture tables; a changed golden must be
 * re-checked, never blindly regenerated. Key numbers, computed by hand from the fixture cells:
 *
 * compass-sessions.xlsx (header on row 3 under a merged title and an export-time row):
 *   2024-05-01 = sessions 14:00 (Date cell) + 20:00 (text): views 3000+5000 = 8000,
 *   organic 2600+4200 = 6800, paid 400+800 = 1200, orders 30+55 = 85, GMV 3600+6600.5 = 10200.5,
 *   paid GMV 1200+2500.5 = 3700.5 ⇒ organic GMV 6500, paid orders 10+20 = 30 ⇒ organic orders 55.
 *   2024-05-02: GMV 7200 comes from a formula cell's cached result (3600*2).
 *   2024-05-03: the 10:00 session has spend 0 and "--" paid GMV/orders ⇒ 0; day paid GMV 1500,
 *   organic GMV 2400+4800−1500 = 5700, organic orders 20+40−12 = 48.
 *   Totals: GMV 10200.5+7200+7200 = 24600.5, spend 500+1000+1200+0+800 = 3500.
 * qianchuan-daily.xlsx (newest first, 全域推广 headers): 整体成交金额 → gmv, 整体消耗 → spend,
 *   直播间观看人数 → views (viewsMeasure "unique"); 2024-06-03 organic GMV 16000−6000 = 10000,
 *   organic orders 130−50 = 80; views 9000 are not split (no paid views, spend > 0) ⇒ organic null;
 *   2024-06-01 has no spend ⇒ organic views = views = 6000. GMV total 16000+13500+9000 = 38500.
 * messy-numbers.csv: "1.2万" = 12000, "１２０" = 120, "¥12,345.60" = 12345.6, "1.25w" = 12500,
 *   "1.1万" = 11000, "９,０００" = 9000, "$9,000.5" = 9000.5, "0.2k" = 200, "2,000.25" = 2000.25;
 *   refunds all missing markers ⇒ null; GMV total 12345.6+11000+9000.5+8000 = 40346.1 (the 合计
 *   row after the blank line says the same and is excluded); 2024-05-02 has "--" paid orders and
 *   no spend ⇒ orders split by GMV share = all 100 organic.
 * bad-cells.csv: errors on C3 (orders −3), D4 ("abc" GMV), A5 (no date), C6 ("5%" orders), A8
 *   (duplicate of row 2), D9 (empty GMV), A12 (2024-05-32); warnings B7 (40 views < 50 orders),
 *   F10 (spend 500, paid GMV missing), F11 (paid GMV 4000 > GMV 3600 ⇒ organic 0). Valid days:
 *   05-01, 05-07, 05-09, 05-10 ⇒ GMV 6000·3+3600 = 21600, orders 180, spend 700.
 * serial-range.json (a range at C3): serial 45413 = 2024-05-01, 45414.5 = 2024-05-02 noon, the
 *   row of zeros is a desktop blank row, serial 60 (1900-02-29, which does not exist) is an error
 *   at C8; the 2024-05-03 row has spend 0 and a null paid GMV ⇒ paid GMV 0.
 * traditional.csv: 統計日期/直播間觀看次數（次）/成交訂單數/直播間成交金額（元）… map like the
 *   simplified headers; GMV 9600+8400 = 18000.
 * english.tsv: tab-separated; "Ad Spend" → spend, "Sales" → gmv; organic orders 100−30 = 70 on day 1.
 * gbk.csv: GBK bytes; 总计 row excluded; views 观看人数 ⇒ "unique"; GMV "3,600"+"3,960" = 7560.
 * missing-gmv.csv: unusable ⇒ the error names gmv (成交金额) and lists the headers found.
 * with-assumptions.xlsx: history on "数据", assumptions on "假设" (picked by its keys): 40% → 0.4,
 *   blank 保守 inherits 基准, unnamed column F → "Scenario 3", typo cash_availble → did you mean
 *   cash_available, fee_rate 5 → out of range (did you mean 5%?), 计划天数 90.5 → not whole,
 *   "1.5万" → 15000 for max_daily_spend (its en label "Daily budget cap").
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbookFile } from '../../src/data/node';
import { readHistory } from '../../src/data/history';
import type { Cell, RangeOrigin } from '../../src/data/table';
import { isAdplanError } from '../../src/model/core';

const FIXTURES = join(__dirname, '..', 'fixtures');
const GOLDEN = join(FIXTURES, 'golden');
const FILES = [
  'compass-sessions.xlsx',
  'qianchuan-daily.xlsx',
  'messy-numbers.csv',
  'bad-cells.csv',
  'traditional.csv',
  'english.tsv',
  'gbk.csv',
  'missing-gmv.csv',
  'with-assumptions.xlsx',
];

async function readFixture(name: string): Promise<unknown> {
  try {
    if (name.endsWith('.json')) {
      const { cells, origin } = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as { cells: Cell[][]; origin: RangeOrigin };
      return readHistory(cells, origin);
    }
    return await loadWorkbookFile(join(FIXTURES, name));
  } catch (e) {
    if (isAdplanError(e)) return { error: { kind: e.kind, field: e.field ?? null, message: e.text } };
    throw e;
  }
}

function golden(name: string, actual: unknown): unknown {
  const file = join(GOLDEN, `${name}.json`);
  const json = JSON.parse(JSON.stringify(actual)) as unknown;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`no golden file for ${name}: review the output and write it with UPDATE_GOLDEN=1`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

describe('fixtures read to their golden results', () => {
  it.each([...FILES, 'serial-range.json'])('%s', async (name) => {
    const actual = JSON.parse(JSON.stringify(await readFixture(name))) as unknown;
    expect(actual).toEqual(golden(name, actual));
  });
});

describe('key numbers, independently of the goldens', () => {
  it('Compass sessions: day 1 split and totals to the cent', async () => {
    const r = await loadWorkbookFile(join(FIXTURES, 'compass-sessions.xlsx'));
    expect(r.history.headerRow).toBe(3);
    expect(r.history.history.days[0]).toMatchObject({ date: '2024-05-01', views: 8000, organicGmv: 6500, organicOrders: 55, paidGmv: 3700.5 });
    expect(r.history.totals).toEqual({ gmv: 24600.5, orders: 205, spend: 3500, paidGmv: 8200.5, refundAmount: 2100, views: 20000 });
  });

  it('bad cells: the exact rows and headers, and the skipped count', async () => {
    const r = await loadWorkbookFile(join(FIXTURES, 'bad-cells.csv'));
    const errors = r.history.issues.filter((i) => i.severity === 'error').map((i) => `${i.address} ${i.column}`);
    expect(errors).toEqual(['C3 成交订单数', 'D4 成交金额', 'A5 日期', 'C6 成交订单数', 'A8 日期', 'D9 成交金额', 'A12 日期']);
    expect(r.history.rowsSkipped).toBe(7);
    expect(r.history.history.days.map((d) => d.date)).toEqual(['2024-05-01', '2024-05-07', '2024-05-09', '2024-05-10']);
    expect(r.history.totals.gmv).toBe(21600);
  });

  it('messy numbers total exactly 40,346.10', async () => {
    const r = await loadWorkbookFile(join(FIXTURES, 'messy-numbers.csv'));
    expect(r.history.totals.gmv).toBe(40346.1);
    expect(r.history.history.days.map((d) => d.views)).toEqual([12000, 12500, 9000, 8000]);
  });

  it('a missing GMV column is an error naming gmv and 成交金额', async () => {
    await expect(loadWorkbookFile(join(FIXTURES, 'missing-gmv.csv'))).rejects.toThrow(/gmv \(成交金额\)/u);
  });

  it('--sheet picks a sheet by name, and an unknown name lists the sheets', async () => {
    const f = join(FIXTURES, 'with-assumptions.xlsx');
    await expect(loadWorkbookFile(f, { sheet: '假设' })).rejects.toThrow(/Sheet "假设": Missing required column/u);
    await expect(loadWorkbookFile(f, { sheet: 'Nope' })).rejects.toThrow('No sheet named "Nope". Sheets: "数据", "假设"');
    expect((await loadWorkbookFile(f, { sheet: '数据' })).historySheet).toBe('数据');
  });
});
