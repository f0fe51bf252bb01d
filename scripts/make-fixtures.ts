/**
 * Writes the reader's fixture corpus under test/fixtures/ (small, hand-checkable tables).
 * Run: npm run build:node && node dist/node/scripts/make-fixtures.js
 * The golden results next to them are reviewed by hand (see test/data/golden.test.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';

const root = join(__dirname, '..', '..', '..');
const dir = join(root, 'test', 'fixtures');

const at = (iso: string): Date => new Date(`${iso.replace(' ', 'T')}Z`); // ExcelJS: wall clock in UTC fields
const csv = (rows: readonly (readonly (string | number)[])[], sep = ','): string =>
  rows.map((r) => r.map((c) => (typeof c === 'string' && /[",\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : String(c))).join(sep)).join('\r\n') + '\r\n';

async function writeXlsx(name: string, wb: Workbook): Promise<void> {
  wb.created = new Date(Date.UTC(2024, 5, 1));
  wb.modified = wb.created;
  await writeFile(join(dir, name), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** Compass 直播间明细: title rows, per-session date-times (text and Date cells), extra columns, a formula, rich text. */
async function compass(): Promise<void> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('直播间明细');
  ws.addRow(['抖音电商罗盘 · 直播间明细']);
  ws.mergeCells('A1:H1');
  ws.addRow(['导出时间：2024-06-01 10:00']);
  ws.addRow([
    '直播开始时间', '直播间标题', '直播时长(分钟)', '直播间观看次数(次)', '直播间观看人数(人)', '自然流量观看次数',
    '千川观看次数', '成交订单数', null, '退款金额(元)', '千川消耗(元)', '直接成交金额(元)', '直接成交订单数',
    '千次观看成交金额', '成交转化率',
  ]);
  ws.getCell('I3').value = { richText: [{ text: '直播间成交金额', font: { bold: true } }, { text: '(元)' }] };
  ws.addRow([at('2024-05-01 14:00:00'), '午场', 120, 3000, 2100, 2600, 400, 30, 3600, 300, 500, 1200, 10, 1200, '1.00%']);
  ws.addRow(['2024-05-01 20:00:00', '晚场', 180, 5000, 3600, 4200, 800, 55, 6600.5, 600, 1000, 2500.5, 20, 1320.1, '1.10%']);
  ws.addRow(['2024-05-02 20:00:00', '晚场', 180, 6000, 4300, 5000, 1000, 60, null, 720, 1200, 3000, 25, 1200, '1.00%']);
  ws.getCell('I6').value = { formula: '3600*2', result: 7200 };
  ws.addRow([at('2024-05-03 10:00:00'), '早场', 90, 2000, 1500, 2000, 0, 20, 2400, 0, 0, '--', '--', 1200, '1.00%']);
  ws.addRow(['2024-05-03 20:00:00', '晚场', 150, 4000, 2900, 3500, 500, 40, 4800, 480, 800, 1500, 12, 1200, '1.00%']);
  ws.getColumn(1).numFmt = 'yyyy-mm-dd hh:mm:ss';
  await writeXlsx('compass-sessions.xlsx', wb);
}

/** Qianchuan 全域推广 daily report: Date cells, newest first, 人数 views, ROI/rate columns to ignore. */
async function qianchuan(): Promise<void> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('千川报表');
  ws.addRow(['日期', '整体消耗', '整体成交金额', '整体成交订单数', '整体支付ROI', '直接成交金额', '直接成交订单数', '直播间观看人数', '展示次数', '点击次数', '点击率']);
  ws.addRow([at('2024-06-03 00:00:00'), 2000, 16000, 130, 8, 6000, 50, 9000, 120000, 3000, '2.5%']);
  ws.addRow([at('2024-06-02 00:00:00'), 1500, 13500, 110, 9, 4500, 38, 8000, 100000, 2600, '2.6%']);
  ws.addRow([at('2024-06-01 00:00:00'), 0, 9000, 75, '--', 0, 0, 6000, 0, 0, '--']);
  ws.getColumn(1).numFmt = 'yyyy-mm-dd';
  await writeXlsx('qianchuan-daily.xlsx', wb);
}

/** A workbook with a small history and an assumptions sheet full of the usual mistakes. */
async function withAssumptions(): Promise<void> {
  const wb = new Workbook();
  const hs = wb.addWorksheet('数据');
  hs.addRow(['日期', '观看次数', '成交订单数', '成交金额', '千川消耗', '直接成交金额']);
  hs.addRow(['2024-05-01', 5000, 50, 6000, 0, 0]);
  hs.addRow(['2024-05-02', 5200, 52, 6240, 300, 1500]);
  const as = wb.addWorksheet('假设');
  as.addRow(['参数', '中文名', '单位', '基准', '保守', null, '备注']);
  as.addRow(['成本', null, null, null, null, null, '分组标题']);
  as.addRow(['cogs_rate', '商品成本率', '比例', '40%', null, '45%', null]);
  as.addRow(['退款率', null, '比例', 0.2, 0.25, null, null]);
  as.addRow(['cash_availble', '可用资金', '元', 100000, null, null, '拼写错误']);
  as.addRow(['fee_rate', '技术服务费率', '比例', 5, null, null, '应为 5%']);
  as.addRow(['回款周期（天）', null, '天', 15, 20, null, null]);
  as.addRow(['计划天数', null, '天', 90.5, null, null, null]);
  as.addRow(['Daily budget cap', null, '元', '1.5万', null, '3万', null]);
  await writeXlsx('with-assumptions.xlsx', wb);
}

async function csvFixtures(): Promise<void> {
  // Numbers as text: 万 / w / k, ¥ ￥ $, separators, full-width digits, missing markers, a totals row after a blank line.
  const messy = csv([
    ['日期', '直播间观看次数', '成交订单数', '成交金额', '退款金额', '千川消耗', '直接成交金额', '直接成交订单数', '备注'],
    ['2024/5/1', '1.2万', '１２０', '¥12,345.60', '--', '1,000', '￥3000', 30, ''],
    ['2024/5/2', '1.25w', 100, '1.1万', '—', 0, '--', '--', '周末'],
    ['2024年5月3日', '９,０００', 90, '$9,000.5', 'N/A', '0.2k', 500, 5, ''],
    ['2024-05-04', '８０００', 80, '8,000', '-', 500, '2,000.25', 20, ''],
    [],
    ['合计', '4.15万', 390, '40,346.10', '', '1,700', '5,500.25', 55, ''],
  ]);
  await writeFile(join(dir, 'messy-numbers.csv'), `\uFEFF${messy}`);

  const bad = csv([
    ['日期', '观看次数', '成交订单数', '成交金额', '千川消耗', '直接成交金额'],
    ['2024-05-01', 5000, 50, 6000, 0, 0],
    ['2024-05-02', 5000, -3, 6000, 0, 0],
    ['2024-05-03', 5000, 50, 'abc', 0, 0],
    ['', 5000, 50, 6000, 0, 0],
    ['2024-05-05', 5000, '5%', 6000, 0, 0],
    ['2024-05-07', 40, 50, 6000, 0, 0],
    ['2024-05-01', 5000, 50, 6000, 0, 0],
    ['2024-05-08', 5000, 50, '', 0, 0],
    ['2024-05-09', 5000, 50, 6000, 500, ''],
    ['2024-05-10', 3000, 30, 3600, 200, 4000],
    ['2024-05-32', 5000, 50, 6000, 0, 0],
  ]);
  await writeFile(join(dir, 'bad-cells.csv'), bad);

  const trad = csv([
    ['統計日期', '直播間觀看次數（次）', '成交訂單數', '直播間成交金額（元）', '退款金額', '千川消耗', '直接成交金額', '直接成交訂單數'],
    ['2024-05-01', 8000, 80, 9600, 960, 1000, 3000, 25],
    ['2024-05-02', 7000, 70, 8400, 840, 0, 0, 0],
  ]);
  await writeFile(join(dir, 'traditional.csv'), trad);

  const english = csv(
    [
      ['Date', 'Views', 'Organic Views', 'Paid Views', 'Orders', 'Sales', 'Refunds', 'Ad Spend', 'Paid GMV', 'Paid Orders'],
      ['2024-05-01', 10000, 8000, 2000, 100, 12000, 1200, 1000, 4000, 30],
      ['2024-05-02', 9000, 9000, 0, 90, 10800, 1080, 0, 0, 0],
      ['2024-05-03', 11000, 8500, 2500, 110, 13200, 1320, 1200, 4800, 40],
    ],
    '\t',
  );
  await writeFile(join(dir, 'english.tsv'), english);

  const gbk = csv([
    ['日期', '观看人数', '订单数', '销售额', '广告消耗', '千川成交金额'],
    ['2024/5/1', 3000, 30, '3,600', 0, 0],
    ['2024/5/2', 3300, 33, '3,960', 300, 1200],
    [],
    ['总计', 6300, 63, '7,560', 300, 1200],
  ]);
  await writeFile(join(dir, 'gbk.csv'), iconv.encode(gbk, 'gbk'));

  const missing = csv([
    ['日期', '观看次数', '成交订单数', '千川消耗'],
    ['2024-05-01', 5000, 50, 0],
  ]);
  await writeFile(join(dir, 'missing-gmv.csv'), missing);
}

/** An Office.js-style range (Excel serial dates, desktop 0 blanks) that sits at C3 of its sheet. */
async function serialRange(): Promise<void> {
  const range = {
    origin: { sheet: 'Sheet1', row: 3, column: 3 },
    cells: [
      ['日期', '观看次数', '成交订单数', '成交金额', '消耗', '直接成交金额'],
      [45413, 5000, 50, 6000, 0, 0],
      [45414.5, 5200, 52, 6240, 300, 1500],
      [0, 0, 0, 0, 0, 0],
      [45415, 5100, 51, 6120, 0, null],
      [60, 5000, 50, 6000, 0, 0],
      [null, null, null, null, null, null],
    ],
  };
  await writeFile(join(dir, 'serial-range.json'), `${JSON.stringify(range, null, 1)}\n`);
}

async function run(): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all([compass(), qianchuan(), withAssumptions(), csvFixtures(), serialRange()]);
  process.stdout.write(`wrote fixtures in ${dir}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
