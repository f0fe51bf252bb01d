/**
 * Writes one small fixture per real export family under test/fixtures/families/ (issue 12),
 * shaped like the 2025–2026 exports (DATA.md "Real export families"): title rows, all-text
 * cells, 8-digit dates, full-width parentheses, "1.20%", "-", "1.2万", GBK and UTF-16 CSV.
 * The expected days and totals are worked out by hand in test/data/families.test.ts.
 * Run: node scripts/make-family-fixtures.mjs
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'families');
const at = (iso) => new Date(`${iso.replace(' ', 'T')}Z`);
const csv = (rows, sep = ',') =>
  rows.map((r) => r.map((c) => (typeof c === 'string' && /[",\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : String(c))).join(sep)).join('\r\n') + '\r\n';

async function xlsx(name, sheets) {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 6, 31));
  wb.modified = wb.created;
  for (const [sheet, rows] of sheets) {
    const ws = wb.addWorksheet(sheet);
    for (const r of rows) ws.addRow(r);
  }
  await writeFile(join(dir, name), new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** 千川全域 抖音号 daily, GBK CSV, numbers as text with ",", rates "1.20%", a 全部 row FIRST. */
async function uniLive() {
  const rows = [
    ['抖音号名称', '日期', '整体消耗', '整体支付ROI', '整体成交金额', '整体成交订单数', '净成交金额', '净成交ROI', 'GPM', '直播间整体曝光次数', '1小时内退款率'],
    ['全部', '全部', '3,800.00', '4.87', '18,500.00', '185', '17,750.00', '4.67', '-', '90,000', '1.00%'],
    ['A店', '2026-07-25', '1,000.00', '5.00', '5,000.00', '50', '4,800.00', '4.80', '250.00', '20,000', '1.20%'],
    ['B店', '2026-07-25', '500.00', '4.00', '2,000.00', '20', '1,900.00', '3.80', '200.00', '10,000', '2.00%'],
    ['A店', '2026-07-26', '1,200.00', '5.00', '6,000.00', '60', '5,700.00', '4.75', '260.00', '23,000', '1.00%'],
    ['B店', '2026-07-26', '300.00', '5.00', '1,500.00', '15', '1,450.00', '4.83', '150.00', '10,000', '0.50%'],
    ['A店', '2026-07-27', '800.00', '5.00', '4,000.00', '40', '3,900.00', '4.88', '240.00', '17,000', '-'],
    ['B店', '2026-07-27', '0.00', '-', '0.00', '0', '0.00', '-', '-', '10,000', '-'],
  ];
  await writeFile(join(dir, 'qianchuan-uni-live.gbk.csv'), iconv.encode(csv(rows), 'gbk'));
}

/** The RPA variant: (元) suffixes, 账户ID, 8-digit text dates, a title row, UTF-16LE tab-separated, a 全部 row LAST. */
async function uniRpa() {
  const rows = [
    ['千川全域推广 · 直播数据 2026-07-28 至 2026-07-30'],
    ['日期', '账户ID', '抖音号', '整体消耗(元)', '整体成交金额(元)', '整体成交订单数', '整体成交订单成本(元)', '整体成交智能优惠券金额(元)', '净成交金额(元)', '1小时内退款率'],
    ['20260728', '1790000000001', '小店官方', '2,000.50', '9,000.25', '90', '22.23', '120.00', '8,700.25', '1.50%'],
    ['20260729', '1790000000001', '小店官方', '1,500.00', '7,500.00', '75', '20.00', '80.00', '7,300.00', '1.00%'],
    ['20260730', '1790000000001', '小店官方', '-', '3,000.00', '30', '-', '0.00', '3,000.00', '-'],
    ['2026-07-28至2026-07-30', '-', '全部', '3,500.50', '19,500.25', '195', '17.95', '200.00', '19,000.25', '1.20%'],
  ];
  const text = csv(rows, '\t');
  await writeFile(join(dir, 'qianchuan-uni-rpa.utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

/** 全域 计划 daily: day × plan, summed per day; a 汇总 row in the middle. */
async function uniPlan() {
  const rows = [
    ['日期', '计划名称', '计划ID', '整体消耗', '基础消耗', '追投调控消耗', '整体成交金额', '整体成交订单数', '净成交金额', '7日结算金额', '14日结算金额', '净成交金额结算率'],
    ['2026-07-25', '计划甲', '101', '600', '500', '100', '3000', '30', '2900', '2800', '2850', '98.28%'],
    ['2026-07-25', '计划乙', '102', '400', '400', '0', '1600', '16', '1550', '1500', '1520', '98.06%'],
    ['2026-07-25', '计划丙', '103', '0', '0', '0', '0', '0', '0', '0', '0', '-'],
    ['汇总', '-', '-', '1700', '1550', '150', '7900', '79', '7700', '7300', '7470', '97.01%'],
    ['2026-07-26', '计划甲', '101', '500', '450', '50', '2500', '25', '2400', '2300', '2350', '97.92%'],
    ['2026-07-26', '计划乙', '102', '200', '200', '0', '800', '8', '850', '800', '820', '96.47%'],
  ];
  await writeFile(join(dir, 'qianchuan-uni-plan.csv'), csv(rows));
}

/** 千川标准推广 daily (older, paid only): 直接成交笔数 (old name), (元)/(%) suffixes, 合计 row. */
async function standard() {
  await xlsx('qianchuan-standard.xlsx', [
    [
      '标准推广',
      [
        ['日期', '抖音号', '消耗(元)', '展示次数', '点击率(%)', '平均千次展现费用(元)', '直接成交笔数', '直接成交金额(元)', '直接支付ROI', '7日总成交金额(元)'],
        [at('2024-03-01 00:00:00'), '老店', 1000, 100000, 0.012, 10, 20, 3000, 3, 3300],
        [at('2024-03-02 00:00:00'), '老店', 1200.5, 110000, 0.011, 10.9, 25, 3600, 3, 3900],
        [at('2024-03-03 00:00:00'), '老店', 0, 0, '-', '-', 0, 0, '-', 0],
        ['合计', '-', 2200.5, 210000, 0.0115, 10.48, 45, 6600, 3, 7200],
      ],
    ],
  ]);
}

const DEAL_HEADER = [
  '日期', '载体类型', '投放时段', '用户支付金额', '成交金额', '净成交金额', '成交订单数', '成交人数',
  '退款金额(支付时间)', '退款金额(退款时间)', '投放消耗(店铺被投)', '投放消耗(店铺绑定)', '投放贡献成交金额', '7日结算金额',
];
/** One 成交分析 row: gmv, orders, spend (被投), the rest derived so the columns agree. */
const deal = (d, carrier, slot, gmv, orders, spend, net = gmv * 0.95) => [
  d, carrier, slot, gmv * 1.05, gmv, net, orders, Math.round(orders * 0.9), gmv * 0.05, gmv * 0.045, spend, spend * 0.9, spend * 3, gmv * 0.9,
];

/** 罗盘 成交分析: the double-counting trap (a plain sum of rows is 4–5× the truth). */
async function compassDeal() {
  await xlsx('compass-deal.xlsx', [
    [
      '成交分析',
      [
        ['抖音电商罗盘 · 交易 · 成交分析（分日）'],
        DEAL_HEADER,
        deal('20260725', '全部', '不限', 10000, 100, 2000, 9500),
        deal('20260725', '全部', '全域投放时段', 7000, 70, 2000),
        deal('20260725', '全部', '非投放时段', 3000, 30, 0),
        deal('20260725', '直播', '不限', 8000, 80, 2000),
        deal('20260725', '直播', '全域投放时段', 6000, 60, 2000),
        deal('20260725', '直播', '非投放时段', 2000, 20, 0),
        deal('20260725', '商品卡', '不限', 2000, 20, 0),
        deal('20260725', '商品卡', '非投放时段', 1000, 10, 0),
        // 20260726: no 全部 rows: the 不限 rows of each 载体 are summed (said so).
        deal('20260726', '直播', '不限', 9000, 90, 2500, 8600),
        deal('20260726', '直播', '全域投放时段', 6500, 65, 2500),
        deal('20260726', '直播', '非投放时段', 2500, 25, 0),
        deal('20260726', '商品卡', '不限', 3000, 30, 0, 2900),
        deal('20260726', '商品卡', '非投放时段', 1500, 15, 0),
        deal('20260727', '全部', '不限', 12000, 110, 3000, 11000),
        deal('20260727', '全部', '全域+乘方投放时段', 9000, 80, 2900),
        deal('20260727', '全部', '标准+品牌投放', 500, 5, 100),
        deal('20260727', '全部', '非投放时段', 2500, 25, 0),
        deal('20260727', '短视频', '不限', 1000, 10, 0),
      ],
    ],
  ]);
}

/** 罗盘 直播明细: one row per session, no 日期; a session crosses midnight. */
async function compassLive() {
  const rows = [
    ['直播开始时间', '直播结束时间', '直播时长(分钟)', '直播间观看人数', '直播间观看次数', '直播间成交订单数', '直播间成交金额', '直播间用户支付金额', '直播间退款金额', '投放消耗(店铺被投)', '投放消耗(店铺绑定)', '净成交金额', '1小时退款率'],
    ['2026/07/28 20:00:00', '2026/07/28 22:30:00', '150', '3000', '5000', '50', '6000.00', '6300.00', '300.00', '1000.00', '900.00', '5800.00', '1.00%'],
    ['2026/07/28 23:00:00', '2026/07/29 02:00:00', '180', '1500', '2000', '20', '2000.00', '2100.00', '100.00', '500.00', '450.00', '1900.00', '2.00%'],
    ['2026/07/29 07:59:36', '2026/07/29 12:00:00', '240', '4000', '7000', '70', '8400.00', '8800.00', '400.00', '1500.00', '1400.00', '8100.00', '1.50%'],
  ];
  await writeFile(join(dir, 'compass-live-sessions.csv'), `\uFEFF${csv(rows)}`);
}

/** 罗盘 经营概览 daily: Excel dates, (元) suffixes, no views, no spend, title rows. */
async function compassOverview() {
  await xlsx('compass-overview.xlsx', [
    [
      '经营概览',
      [
        ['经营概览'],
        ['统计周期：2026-07-20 ~ 2026-07-27'],
        ['日期', '成交金额(元)', '退款金额(元)', '成交订单数', '成交人数', '商品曝光次数', '商品点击次数', '成交客单价(元)', '千次曝光成交金额(元)'],
        ...[20, 21, 22, 23, 24, 25, 26, 27].map((d, i) => [at(`2026-07-${d} 00:00:00`), 10000 + 1000 * i, 500, 100 + 10 * i, 90 + 9 * i, 200000, 8000, 100, 50]),
      ],
    ],
  ]);
}

/** 罗盘 自助取数: every cell text, full-width （）, 统计日期 single-day ranges next to 日期. */
async function selfService() {
  const rows = [
    ['统计日期', '日期', '店铺名称', '成交金额', '用户支付金额', '成交订单数', '成交人数', '投放消耗（店铺被投）', '退款金额（支付时间）', '退款金额（退款时间）', '净成交金额'],
    ['20260730-20260730', '20260730', 'TIYES', '65,449.76', '60,342.64', '3,265', '2,676', '18,320.55', '1,200.00', '1,100.00', '61,817.99'],
    ['20260731-20260731', '20260731', 'TIYES', '1.2万', '11,000.00', '600', '550', '3,000.00', '300.00', '280.00', '11,500.00'],
  ];
  await writeFile(join(dir, 'compass-self-service.csv'), csv(rows));
  const range = [
    ['统计日期', '店铺名称', '成交金额', '成交订单数', '投放消耗（店铺被投）'],
    ['20260725-20260729', 'TIYES', '77,449.76', '3,865', '21,320.55'],
  ];
  await writeFile(join(dir, 'compass-self-service-range.csv'), csv(range));
}

/** 百应 单场: 直播时间 as a span with dashed times, 观看次数 as "1.2万", organic/paid 人数. */
async function baiying() {
  await xlsx('baiying-session.xlsx', [
    ['直播概览', [['直播间', '小店官方'], ['主播', '小王']]],
    [
      '流量',
      [
        ['直播时间', '观看次数', '观看人数', '自然流量观看人数', '付费流量观看人数', '成交金额', '成交订单数', '千川消耗'],
        ['2025-09-08 00-00-00~2025-09-08 07-00-46', '1.2万', '8000', '6000', '2000', '9600', '96', '1200'],
        ['2025-09-08 20-00-00~2025-09-09 01-00-00', '2万', '15000', '12000', '3000', '16000', '150', '2000'],
      ],
    ],
  ]);
}

/** 百应 单场 as a multi-sheet workbook: a key | value overview and a channel sheet with 千川消耗. */
async function baiyingMulti() {
  await xlsx('baiying-multisheet.xlsx', [
    [
      '直播概览',
      [
        ['直播间', '小店官方'],
        ['直播时间', '2025-09-10 19-30-00~2025-09-10 23-45-10'],
        ['观看次数', '1.2万'],
        ['观看人数', '8,000'],
        ['自然流量观看人数', '6,000'],
        ['付费流量观看人数', '2,000'],
        ['成交金额', '9,600.00'],
        ['成交订单数', '96'],
      ],
    ],
    [
      '渠道',
      [
        ['渠道名称', '观看人数', '千川消耗'],
        ['自然推荐', 6000, '-'],
        ['千川PC', 1500, 800],
        ['千川随心推', 500, 400.5],
        ['合计', 8000, 1200.5],
      ],
    ],
  ]);
}

/** A merchant with a 罗盘 sheet and a 千川 sheet in one workbook, partly overlapping dates. */
async function twoSheets() {
  await xlsx('two-sources.xlsx', [
    [
      '罗盘',
      [
        ['日期', '成交金额', '成交订单数', '直播间观看次数', '退款金额'],
        ...[24, 25, 26, 27].map((d, i) => [`2026-07-${d}`, 10000 + 1000 * i, 100 + 10 * i, 20000, 400]),
      ],
    ],
    [
      '千川全域',
      [
        ['日期', '抖音号', '整体消耗', '整体成交金额', '整体成交订单数', '净成交金额'],
        ...[25, 26, 27, 28, 29].map((d, i) => [`2026-07-${d}`, '小店官方', 1000 + 100 * i, 5000, 50, 4800]),
      ],
    ],
  ]);
}

/** A small seeded generator (mulberry32): the same fixture on every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One workbook, two sheets: 千川标准推广 (paid only: 消耗, 直接成交) and 罗盘直播 (the room's day
 * totals). Days 1–4 are before the ads (消耗 0, rates "-"); 千川 has a 合计 row. The truth (what
 * the join must give per day) is written beside it as a golden, from these generated cells.
 */
async function standardWithCompassLive() {
  const rnd = seeded(25);
  const dates = Array.from({ length: 10 }, (_, i) => `2026-06-${String(i + 1).padStart(2, '0')}`);
  const qc = [['日期', '抖音号', '消耗(元)', '展示次数', '点击率(%)', '平均千次展现费用(元)', '直接成交订单数', '直接成交金额(元)', '直接支付ROI']];
  const room = [['日期', '直播间观看次数', '直播间观看人数', '直播间成交订单数', '直播间成交金额', '直播间退款金额']];
  const truth = [];
  for (const [i, d] of dates.entries()) {
    const spend = i < 4 ? 0 : 1000 + 100 * Math.floor(rnd() * 20);
    const paidGmv = i < 4 ? 0 : Math.round(spend * (10 + Math.floor(rnd() * 10))) / 5;
    const paidOrders = Math.round(paidGmv / 100);
    const organic = 5000 + 100 * Math.floor(rnd() * 30);
    const gmv = organic + paidGmv;
    const orders = Math.round(organic / 100) + paidOrders;
    const views = orders * 40;
    const refunds = Math.round(gmv * 0.08);
    const shown = spend === 0 ? 0 : 100 * spend;
    qc.push([at(`${d} 00:00:00`), '小店官方', spend, shown, spend === 0 ? '-' : 0.012, spend === 0 ? '-' : 10, paidOrders, paidGmv, spend === 0 ? '-' : paidGmv / spend]);
    room.push([d, views, Math.round(views * 0.6), orders, gmv, refunds]);
    truth.push({ date: d, gmv, orders, views, refundAmount: refunds, spend, paidGmv, paidOrders, organicGmv: organic, organicOrders: orders - paidOrders });
  }
  const sum = (k) => truth.reduce((t, x) => t + x[k], 0);
  qc.push(['合计', '-', sum('spend'), 0, '-', '-', sum('paidOrders'), sum('paidGmv'), '-']);
  await xlsx('qianchuan-standard-compass-live.xlsx', [['千川标准推广', qc], ['罗盘直播', room]]);
  const golden = join(dir, '..', 'golden', 'qianchuan-standard-compass-live.xlsx.json');
  const totals = { gmv: sum('gmv'), orders: sum('orders'), views: sum('views'), refundAmount: sum('refundAmount'), spend: sum('spend'), paidGmv: sum('paidGmv') };
  await writeFile(golden, `${JSON.stringify({ days: truth, totals }, null, 2)}\n`);
}

await mkdir(dir, { recursive: true });
await Promise.all([uniLive(), uniRpa(), uniPlan(), standard(), compassDeal(), compassLive(), compassOverview(), selfService(), baiying(), baiyingMulti(), twoSheets(), standardWithCompassLive()]);
