/**
 * Real export families (issue 12, DATA.md "Real export families"). Fixtures in
 * test/fixtures/families/ are written by scripts/make-family-fixtures.mjs; every expected number
 * below is worked out by hand from the fixture rows (the arithmetic is in the comments), never
 * copied from the reader's output.
 */
import { join } from 'node:path';
import { loadMerchantFiles } from '../../src/data/node';
import { readHistory } from '../../src/data/history';
import { FAMILY_IDS, recognizeFamily } from '../../src/data/families';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import type { Cell } from '../../src/data/table';

const FIX = join(__dirname, '..', 'fixtures', 'families');
const load = (...names: string[]) => loadMerchantFiles(names.map((n) => join(FIX, n)));
const dates = (r: Awaited<ReturnType<typeof load>>) => r.history.history.days.map((d) => d.date);

async function check(args: string[]) {
  let out = '';
  const io: CliIo = { stdout: (s) => (out += s), stderr: (s) => (out += s), env: {} };
  const code = await main(['check', ...args.map((a) => (a.startsWith('--') ? a : join(FIX, a))), '--json', '--lang', 'en-US'], io);
  return { code, json: JSON.parse(out) as Record<string, unknown> & { totals: Record<string, number | null> } };
}

describe('千川全域 抖音号 daily (GBK, text numbers, 全部 row first, two 抖音号)', () => {
  it('sums the 抖音号 rows per day and drops the 全部 row', async () => {
    const r = await load('qianchuan-uni-live.gbk.csv');
    expect(r.joined.family).toBe('qianchuan_uni_live');
    expect(dates(r)).toEqual(['2026-07-25', '2026-07-26', '2026-07-27']);
    // GMV 5000+2000 | 6000+1500 | 4000+0; spend 1000+500 | 1200+300 | 800+0.
    expect(r.history.history.days.map((d) => d.gmv)).toEqual([7000, 7500, 4000]);
    expect(r.history.totals).toMatchObject({ gmv: 18500, orders: 185, spend: 3800, paidGmv: null });
    const d1 = r.history.history.days[0];
    // 全域: no paid measure ⇒ the split is unknown, never invented.
    expect(d1).toMatchObject({ paidGmv: null, organicGmv: null, netGmv: 6700, views: null });
    // 1-hour refund rate weighted by GMV: (1.2%·5000 + 2%·2000) / 7000.
    expect(d1?.refund1hRate).toBeCloseTo(100 / 7000, 6);
    expect(r.history.history.days[2]?.refund1hRate).toBeNull(); // both "-"
    expect(r.history.history.gmvMeasure).toBe('room_gmv');
    expect(r.history.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('千川全域 RPA variant (UTF-16 tab CSV, (元) suffixes, 8-digit dates, title row, 全部 range row last)', () => {
  it('reads the days and drops the period-total row', async () => {
    const r = await load('qianchuan-uni-rpa.utf16.csv');
    expect(r.encoding).toBe('utf-16le');
    expect(r.joined.family).toBe('qianchuan_uni_live');
    expect(r.history.headerRow).toBe(2);
    expect(dates(r)).toEqual(['2026-07-28', '2026-07-29', '2026-07-30']);
    // 9000.25 + 7500 + 3000; spend 2000.5 + 1500 + "-" (missing ⇒ 0).
    expect(r.history.totals).toMatchObject({ gmv: 19500.25, orders: 195, spend: 3500.5, paidGmv: null });
    expect(r.history.issues.some((i) => i.address === 'A6' && /period total/u.test(i.message['en-US']))).toBe(true);
  });
});

describe('千川全域 计划 daily', () => {
  it('sums plans per day, the 汇总 row in the middle dropped', async () => {
    const r = await load('qianchuan-uni-plan.csv');
    expect(r.joined.family).toBe('qianchuan_uni_dimension');
    // 07-25: 3000+1600+0 = 4600, spend 600+400 = 1000; 07-26: 2500+800 = 3300, spend 700.
    expect(r.history.history.days.map((d) => [d.date, d.gmv, d.spend, d.orders])).toEqual([
      ['2026-07-25', 4600, 1000, 46],
      ['2026-07-26', 3300, 700, 33],
    ]);
    expect(r.history.totals).toMatchObject({ gmv: 7900, spend: 1700, paidGmv: null });
  });
});

describe('千川标准推广 daily (paid only, old 直接成交笔数)', () => {
  it('reads 直接成交 as paid GMV and says the whole-room GMV must come from 罗盘', async () => {
    const r = await load('qianchuan-standard.xlsx');
    expect(r.joined.family).toBe('qianchuan_standard');
    expect(r.history.totals).toMatchObject({ gmv: 6600, orders: 45, spend: 2200.5, paidGmv: 6600 });
    expect(r.history.issues.some((i) => /罗盘/u.test(i.message['en-US']))).toBe(true);
  });
});

describe('罗盘 成交分析: the double-counting trap', () => {
  it('uses 全部 × 不限 rows; without 全部 sums the 载体 不限 rows; 非投放时段 is organic', async () => {
    const r = await load('compass-deal.xlsx');
    expect(r.joined.family).toBe('compass_deal');
    const days = r.history.history.days;
    // 07-25 全部×不限 10000; 07-26 直播 9000 + 商品卡 3000; 07-27 全部×不限 12000.
    expect(days.map((d) => d.gmv)).toEqual([10000, 12000, 12000]);
    expect(days.map((d) => d.orders)).toEqual([100, 120, 110]);
    // 投放消耗(店铺被投): 2000 | 2500+0 | 3000 (店铺绑定 is 0.9× and not used).
    expect(days.map((d) => d.spend)).toEqual([2000, 2500, 3000]);
    // 非投放时段: 全部 3000 | 直播 2500 + 商品卡 1500 | 全部 2500.
    expect(days.map((d) => d.organicGmvObserved)).toEqual([3000, 4000, 2500]);
    expect(days.map((d) => d.netGmv)).toEqual([9500, 11500, 11000]);
    expect(days[0]?.attributedPaidGmv).toBe(6000);
    expect(r.history.totals).toMatchObject({ gmv: 34000, orders: 330, spend: 7500, paidGmv: null, refundAmount: 1700 });
    expect(r.history.fields.refund_amount).toBe('退款金额(支付时间)');
    expect(r.history.issues.some((i) => i.severity === 'warning' && /2026-07-26/u.test(i.message['en-US']))).toBe(true);
    expect(r.history.history.gmvMeasure).toBe('gmv');
  });

  it('a day with 投放时段 rows but no 不限 row is left out, not summed', () => {
    const cells: Cell[][] = [
      ['日期', '载体类型', '投放时段', '成交金额', '成交订单数'],
      ['2026-07-25', '全部', '不限', 100, 1],
      ['2026-07-26', '全部', '全域投放时段', 70, 1],
      ['2026-07-26', '全部', '非投放时段', 30, 1],
    ];
    const r = readHistory(cells);
    expect(r.history.days.map((d) => d.date)).toEqual(['2026-07-25']);
  });
});

describe('罗盘 直播明细 (sessions, no 日期)', () => {
  it('sums sessions into the day they started, midnight-crossing included', async () => {
    const r = await load('compass-live-sessions.csv');
    expect(r.joined.family).toBe('compass_live_sessions');
    const days = r.history.history.days;
    // 07-28: 20:00 session 6000 + 23:00→02:00 session 2000; 07-29: 8400.
    expect(days.map((d) => [d.date, d.gmv, d.orders, d.spend, d.views])).toEqual([
      ['2026-07-28', 8000, 70, 1500, 7000],
      ['2026-07-29', 8400, 70, 1500, 7000],
    ]);
    expect(r.history.history.viewsMeasure).toBe('count');
    // (1%·6000 + 2%·2000) / 8000.
    expect(days[0]?.refund1hRate).toBeCloseTo(0.0125, 9);
    expect(r.history.totals).toMatchObject({ gmv: 16400, orders: 140, spend: 3000, refundAmount: 800 });
  });
});

describe('罗盘 经营概览 (no views, no spend)', () => {
  it('reads 8 days; views unknown', async () => {
    const r = await load('compass-overview.xlsx');
    expect(r.joined.family).toBe('compass_overview');
    // GMV 10000 + 11000 + … + 17000 = 108000; orders 100 + … + 170 = 1080.
    expect(r.history.totals).toMatchObject({ gmv: 108000, orders: 1080, spend: 0, views: 0 });
    expect(r.history.history.days.every((d) => d.views === null && d.organicViews === null)).toBe(true);
  });
});

describe('罗盘 自助取数 (all text, full-width （）, 统计日期 ranges)', () => {
  it('reads text amounts, 1.2万 and 8-digit dates; 统计日期 single-day ranges are not in the way', async () => {
    const r = await load('compass-self-service.csv');
    expect(r.joined.family).toBe('compass_self_service');
    // 65,449.76 + 1.2万; spend 18,320.55 + 3,000.
    expect(r.history.totals).toMatchObject({ gmv: 77449.76, orders: 3865, spend: 21320.55 });
    expect(r.history.fields.date).toBe('日期');
    expect(r.history.fields.refund_amount).toBe('退款金额（支付时间）');
  });

  it('a 统计日期 range file is an error naming the cell (exit 1)', async () => {
    const r = await check(['compass-self-service-range.csv']);
    expect(r.code).toBe(1);
    expect((r.json.error as { message: string }).message).toMatch(/A2.*20260725-20260729.*range/u);
  });
});

describe('百应 单场 (span 直播时间, 1.2万 views, 人数 split)', () => {
  it('keeps 人数 with 人数: views follow the organic/paid split measure', async () => {
    const r = await load('baiying-session.xlsx');
    expect(r.joined.family).toBe('baiying_session');
    expect(r.historySheet).toBe('流量');
    const d = r.history.history.days[0];
    // Both sessions start on 09-08: 观看人数 8000 + 15000, organic 6000 + 12000, paid 2000 + 3000.
    expect(d).toMatchObject({ date: '2025-09-08', views: 23000, organicViews: 18000, paidViews: 5000, gmv: 25600, spend: 3200 });
    expect(r.history.history.viewsMeasure).toBe('unique');
  });
});

describe('several sources for one merchant', () => {
  it('a workbook with a 罗盘 sheet and a 千川 sheet joins over 07-25 – 07-27', async () => {
    const r = await load('two-sources.xlsx');
    expect(r.joined.sources.map((s) => [s.sheet, s.family, s.firstDate, s.lastDate])).toEqual([
      ['罗盘', 'generic', '2026-07-24', '2026-07-27'],
      ['千川全域', 'qianchuan_uni_live', '2026-07-25', '2026-07-29'],
    ]);
    expect(r.joined.overlap).toEqual({ from: '2026-07-25', to: '2026-07-27', days: 3 });
    // GMV from 罗盘 11000 + 12000 + 13000 (千川's 整体成交金额 5000/day not added); spend 千川 1000 + 1100 + 1200.
    expect(r.history.totals).toMatchObject({ gmv: 36000, orders: 360, spend: 3300, paidGmv: null, views: 60000 });
    expect(r.joined.measures.gmv).toMatchObject({ header: '成交金额', source: 'two-sources.xlsx › 罗盘' });
    expect(r.joined.measures.spend).toMatchObject({ header: '整体消耗', source: 'two-sources.xlsx › 千川全域' });
  });

  it('check FILE FILE --json: 罗盘 经营概览 + 千川全域 CSV, sources, measures and the overlap', async () => {
    const r = await check(['compass-overview.xlsx', 'qianchuan-uni-live.gbk.csv']);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ family: 'compass_overview', days: 3, firstDate: '2026-07-25', lastDate: '2026-07-27', overlap: { from: '2026-07-25', to: '2026-07-27', days: 3 } });
    // GMV 概览 15000 + 16000 + 17000; orders 150 + 160 + 170; spend 千川 1500 + 1500 + 800.
    expect(r.json.totals).toMatchObject({ gmv: 48000, orders: 480, spend: 3800, paidGmv: null });
    expect(r.json.sources).toEqual([
      { file: 'compass-overview.xlsx', sheet: '经营概览', family: 'compass_overview', firstDate: '2026-07-20', lastDate: '2026-07-27', rows: 8 },
      { file: 'qianchuan-uni-live.gbk.csv', sheet: null, family: 'qianchuan_uni_live', firstDate: '2026-07-25', lastDate: '2026-07-27', rows: 6 },
    ]);
    expect(r.json.measures).toMatchObject({ gmv: { header: '成交金额(元)', measure: 'gmv' }, spend: { header: '整体消耗', source: 'qianchuan-uni-live.gbk.csv' } });
  });

  it('sources sharing no date are an error', async () => {
    const r = await check(['qianchuan-standard.xlsx', 'compass-overview.xlsx']);
    expect(r.code).toBe(1);
  });
});

describe('recognition is by headers only', () => {
  it('any column order, extra columns, traditional characters', () => {
    expect(recognizeFamily(['GPM', '淨成交金額', '整體成交金額', '備註', '整體消耗', '日期', '抖音號名稱']).id).toBe('qianchuan_uni_live');
    expect(recognizeFamily(['投放时段', '成交金额', '载体类型', '日期']).id).toBe('compass_deal');
    expect(recognizeFamily(['日期', '成交金额', '成交订单数']).id).toBe('generic');
    expect(FAMILY_IDS).toContain('generic');
  });
});

describe('UTF-16 CSV without a BOM', () => {
  it('is recognised by its NUL bytes (LE and BE)', async () => {
    const { readCsvBytes } = await import('../../src/data/formats');
    const text = '日期\t整体消耗\t整体成交金额\t整体成交订单数\t净成交金额\r\n20260725\t1,000.00\t5,000.00\t50\t4,800.00\r\n';
    const le = readCsvBytes(new Uint8Array(Buffer.from(text, 'utf16le')));
    expect(le.encoding).toBe('utf-16le');
    expect(le.cells[1]).toEqual(['20260725', '1,000.00', '5,000.00', '50', '4,800.00']);
    const swapped = Buffer.from(text, 'utf16le').swap16();
    expect(readCsvBytes(new Uint8Array(swapped)).cells[0]?.[0]).toBe('日期');
  });
});

describe('rates as exports write them', () => {
  it('"1.20%", 1.2 under a (%) header, and 1.2 (> 1, percentage points) are all 1.2 %', () => {
    const head = ['日期', '整体消耗', '整体成交金额', '整体成交订单数', '净成交金额'];
    for (const [h, cell] of [['1小时内退款率', '1.20%'], ['1小时内退款率(%)', 1.2], ['1小时内退款率', '1.2'], ['1小时内退款率(%)', '1.20']] as const) {
      const r = readHistory([[...head, h], ['2026-07-25', 100, 1000, 10, 900, cell]]);
      expect(r.history.days[0]?.refund1hRate).toBeCloseTo(0.012, 9);
    }
  });
});

describe('百应 单场 as a multi-sheet workbook', () => {
  it('reads the key | value overview and sums the channel sheet spend (合计 left out)', async () => {
    const r = await load('baiying-multisheet.xlsx');
    expect(r.joined.family).toBe('baiying_session');
    // One session on 09-10; views 观看人数 8,000 (人数 like the split); spend 800 + 400.5.
    expect(r.history.history.days).toHaveLength(1);
    expect(r.history.history.days[0]).toMatchObject({ date: '2025-09-10', views: 8000, organicViews: 6000, paidViews: 2000, gmv: 9600, orders: 96, spend: 1200.5, paidGmv: null });
    expect(r.history.totals).toMatchObject({ gmv: 9600, orders: 96, spend: 1200.5, paidGmv: null });
  });
});

describe('adplan check on every family fixture', () => {
  it.each([
    ['qianchuan-uni-live.gbk.csv', 'qianchuan_uni_live', 3, 18500],
    ['qianchuan-uni-rpa.utf16.csv', 'qianchuan_uni_live', 3, 19500.25],
    ['qianchuan-uni-plan.csv', 'qianchuan_uni_dimension', 2, 7900],
    ['qianchuan-standard.xlsx', 'qianchuan_standard', 3, 6600],
    ['compass-deal.xlsx', 'compass_deal', 3, 34000],
    ['compass-live-sessions.csv', 'compass_live_sessions', 2, 16400],
    ['compass-overview.xlsx', 'compass_overview', 8, 108000],
    ['compass-self-service.csv', 'compass_self_service', 2, 77449.76],
    ['baiying-session.xlsx', 'baiying_session', 1, 25600],
    ['baiying-multisheet.xlsx', 'baiying_session', 1, 9600],
  ])('%s → %s, %i day(s), GMV %d, exit 0', async (file, family, days, gmv) => {
    const r = await check([file]);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ family, days });
    expect(r.json.totals.gmv).toBe(gmv);
    expect((r.json.sources as unknown[]).length).toBe(1);
  });

  it('a minimal 全域 daily (整体支付ROI, no 直接成交) is still 全域: paid GMV null', () => {
    const r = readHistory([
      ['日期', '整体消耗', '整体支付ROI', '整体成交金额', '整体成交订单数'],
      ['2026-07-25', 100, 5, 500, 5],
    ]);
    expect(r.family).toBe('qianchuan_uni_live');
    expect(r.totals.paidGmv).toBeNull();
  });
});

describe('罗盘 成交分析 breakdown rows with "-"', () => {
  it('a 载体 that sold nothing ("-") is no error; the 全部 × 不限 total is used', () => {
    const r = readHistory([
      ['日期', '载体类型', '投放时段', '成交金额', '成交订单数'],
      ['20260725', '全部', '不限', 1000, 10],
      ['20260725', '图文', '不限', '-', '-'],
      ['20260725', '直播', '非投放时段', '-', '-'],
    ]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.history.days[0]).toMatchObject({ gmv: 1000, orders: 10, organicGmvObserved: null });
  });
});

describe('per-day total rows of an entity dimension', () => {
  it('a 抖音号=全部 row with a date is that day\'s total: the account rows are not added to it', () => {
    const r = readHistory([
      ['日期', '抖音号', '整体消耗', '整体成交金额', '整体成交订单数', '净成交金额'],
      ['2026-07-25', '全部', 300, 3000, 30, 2900],
      ['2026-07-25', 'A', 100, 1000, 10, 950],
      ['2026-07-25', 'B', 200, 2000, 20, 1950],
      ['2026-07-26', 'A', 50, 500, 5, 480],
      ['2026-07-26', 'B', 70, 700, 7, 690],
    ]);
    // 07-25: the 全部 row 3000 (not 6000); 07-26: 500 + 700.
    expect(r.history.days.map((d) => [d.gmv, d.spend])).toEqual([[3000, 300], [1200, 120]]);
  });
});
