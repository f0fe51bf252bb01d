/**
 * The pane reads a workbook's sheets exactly as `adplan check` does: every multi-sheet workbook
 * fixture (and the shipped samples), opened in the in-memory workbook the preview uses, gives the
 * same joined days as the CLI's reader — whichever sheet is active, and again once the pane has
 * named the history range (the name it writes on the first read must not drop the joined sheets).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMerchantFiles } from '../../src/data/node';
import { openWorkbook } from '../../src/preview/workbook-io';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { readHistoryRange } from '../../src/taskpane/state/compute';
import { findAssumptions, findHistory } from '../../src/taskpane/state/findData';

const ROOT = join(__dirname, '..', '..');
const FILES = [
  'test/fixtures/families/qianchuan-standard-compass-live.xlsx',
  'test/fixtures/families/two-sources.xlsx',
  'test/fixtures/families/baiying-session.xlsx',
  'test/fixtures/with-assumptions.xlsx',
  'assets/sample/merchant-sample.xlsx',
  'assets/sample/qianchuan-uni-sample.xlsx',
];

/** A workbook with a 经营概览 sheet and a 千川全域 sheet, each a recognised family. */
const overviewAndUni = {
  sheets: [
    {
      name: '千川全域',
      cells: [
        ['日期', '抖音号', '整体消耗', '整体成交金额', '整体成交订单数', '净成交金额'],
        ...[1, 2, 3, 4].map((d) => [`2026-07-0${d}`, '小店', 1000 * d, 5000 * d, 50 * d, 4800 * d]),
      ],
    },
    {
      name: '经营概览',
      cells: [
        ['日期', '成交金额(元)', '退款金额(元)', '成交订单数', '成交人数', '商品曝光次数', '商品点击次数', '成交客单价(元)'],
        ...[1, 2, 3, 4].map((d) => [`2026-07-0${d}`, 20000 + 1000 * d, 500, 200 + d, 180, 100000, 5000, 100]),
      ],
    },
  ],
};

async function paneRead(gw: MemoryGateway) {
  const assumptions = await findAssumptions(gw);
  const found = await findHistory(gw, assumptions ? [assumptions.sheet] : []);
  if (!found) throw new Error('no history found');
  const read = readHistoryRange(found.range, {}, found.more, found.order);
  if (!read.ok) throw new Error(read.error['en-US']);
  return { found, read: read.value };
}

const dayView = (days: readonly { date: string; gmv: number; orders: number; spend: number; paidGmv: number | null; views: number | null; refundAmount: number | null }[]) =>
  days.map((d) => [d.date, d.gmv, d.orders, d.spend, d.paidGmv, d.views, d.refundAmount]);

describe('pane and CLI read a workbook alike', () => {
  it.each(FILES)('%s', async (file) => {
    const path = join(ROOT, file);
    const cli = await loadMerchantFiles([path]);
    const init = await openWorkbook(new Uint8Array(readFileSync(path)), file.split('/').pop()!);
    for (const active of init.sheets.map((s) => s.name)) {
      const gw = new MemoryGateway({ ...init, active });
      const first = await paneRead(gw);
      expect(dayView(first.read.history.days)).toEqual(dayView(cli.history.history.days));
      expect(first.read.totals).toEqual(cli.history.totals);
      // The pane names the range it read; the next read goes through the name.
      const r = first.found.range;
      const rows = r.values.length;
      const cols = Math.max(...r.values.map((x) => x.length));
      const col = (n: number) => String.fromCharCode(64 + n);
      gw.names.ADPLAN_History = { sheet: r.sheet, address: `${col(r.column)}${r.row}:${col(r.column + cols - 1)}${r.row + rows - 1}` };
      const again = await paneRead(gw);
      expect(again.found.how).toBe('named');
      expect(dayView(again.read.history.days)).toEqual(dayView(cli.history.history.days));
    }
  });

  it('经营概览 + 千川全域: GMV from 经营概览 whichever sheet is active or named', async () => {
    for (const active of ['千川全域', '经营概览']) {
      const gw = new MemoryGateway({ ...overviewAndUni, active, names: { ADPLAN_History: { sheet: '千川全域', address: 'A1:F5' } } });
      const { read } = await paneRead(gw);
      // 经营概览 21000 + 22000 + 23000 + 24000, not 千川's 整体成交金额; spend 1000 + 2000 + 3000 + 4000.
      expect(read.totals).toMatchObject({ gmv: 90000, spend: 10000 });
    }
  });
});
