import { detectHeader, mapHeaderRow, viewsMeasureOf } from '../../src/data/table';
import { headerKey, toSimplified } from '../../src/data/cells';
import { AdplanError } from '../../src/model/core';
import type { Cell } from '../../src/data/table';

describe('headerKey normalisation', () => {
  it.each([
    ['\uFEFF 直播间成交金额(元) ', '直播间成交金额'],
    ['直播间成交金额（元）', '直播间成交金额'],
    ['直播間成交金額【元】', '直播间成交金额'],
    ['成交转化率(%)', '成交转化率'],
    ['Ad Spend', 'adspend'],
    ['ad_spend', 'adspend'],
    ['ＧＭＶ', 'gmv'],
    ['回款周期(天)', '回款周期'],
  ])('%p → %p', (raw, key) => {
    expect(headerKey(raw)).toBe(key);
  });

  it('the traditional→simplified table maps every pair the right way round', () => {
    expect(toSimplified('統計日期 直播間觀看次數 成交訂單數 退款金額 總計 彙總')).toBe('统计日期 直播间观看次数 成交订单数 退款金额 总计 汇总');
  });
});

describe('mapHeaderRow', () => {
  it('prefers the earlier alias when two columns could be views (次数 over 人数)', () => {
    const m = mapHeaderRow(['直播开始时间', '直播间观看人数', '直播间观看次数', '成交订单数', '直播间成交金额']);
    expect(m.columns.views).toBe(2);
    expect(m.headers.views).toBe('直播间观看次数');
  });

  it('leaves derived metrics (rates, per-mille, averages) alone even when they contain a field word', () => {
    const m = mapHeaderRow(['日期', '千次观看成交金额', '成交转化率', '人均观看时长', '直播间成交金额', '观看次数', '订单数']);
    expect(m.columns.gmv).toBe(4);
    expect(Object.values(m.columns)).not.toContain(1);
    expect(Object.values(m.columns)).not.toContain(2);
    expect(Object.values(m.columns)).not.toContain(3);
  });

  it('falls back to the documented patterns when no alias matches', () => {
    const m = mapHeaderRow(['数据日期', '直播间累计观看次数', '支付订单量', '直播间支付金额', '推广消耗', '付费流量观看次数']);
    expect(m.columns).toEqual({ date: 0, views: 1, orders: 2, gmv: 3, spend: 4, paid_views: 5 });
  });

  it('does not take 整体成交金额 as paid GMV (it covers the whole live room)', () => {
    const m = mapHeaderRow(['日期', '整体成交金额', '整体消耗', '观看次数', '订单数']);
    expect(m.columns.paid_gmv).toBeUndefined();
    expect(m.columns.gmv).toBe(1);
  });
});

describe('detectHeader', () => {
  const rows = (header: Cell[]): Cell[][] => [header, ['2024-05-01', 1, 1, 1]];

  it('finds the header below title rows', () => {
    const m = detectHeader([['罗盘 直播间明细'], [], ['导出时间 2024-06-01'], ['日期', '观看次数', '成交订单数', '成交金额'], ['2024-05-01', 1, 1, 1]]);
    expect(m.headerIndex).toBe(3);
  });

  it('a missing required column is an input error naming the field, its Chinese header and the headers found', () => {
    let err: unknown;
    try {
      detectHeader(rows(['日期', '观看次数', '成交订单数', '千川消耗']));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AdplanError);
    const e = err as AdplanError;
    expect(e.kind).toBe('input');
    expect(e.field).toBe('gmv');
    expect(e.text['en-US']).toContain('gmv (成交金额)');
    expect(e.text['en-US']).toContain('日期, 观看次数, 成交订单数, 千川消耗');
    expect(e.text['zh-CN']).toContain('缺少必需的列：gmv (成交金额)');
    // What to do, in words: headers that would be recognised, and no repository file to open.
    expect(e.text['en-US']).toMatch(/Rename a column to one of the accepted headers \(gmv: 成交金额, 直播间成交金额/u);
    expect(e.text['zh-CN']).toContain('成交金额：成交金额、直播间成交金额');
    expect(e.text['en-US']).not.toMatch(/docs\/|\.md/u);
    expect(e.text['zh-CN']).not.toMatch(/docs\/|\.md/u);
    // Every listed header is one the reader accepts.
    for (const h of ['直播间用户支付金额', '用户支付金额', 'gmv']) {
      expect(detectHeader(rows(['日期', '成交订单数', h])).columns.gmv).toBe(2);
    }
  });

  it('views are optional (罗盘 经营概览, 千川全域 have none): CVR/GPM become unknown', () => {
    const m = detectHeader(rows(['日期', '成交订单数', '成交金额']));
    expect(m.columns).toEqual({ date: 0, orders: 1, gmv: 2 });
  });

  it('two columns with the same required alias are ambiguous', () => {
    expect(() => detectHeader(rows(['日期', '观看次数', '成交金额', '成交金额', '订单数']))).toThrow(/Ambiguous columns .*gmv \(成交金额\): 成交金额 \/ 成交金额/u);
  });

  it('a sheet without anything recognisable lists what it found', () => {
    expect(() => detectHeader([['姓名', '电话'], ['张三', '123']])).toThrow(/Headers found: 姓名, 电话/u);
  });
});

describe('viewsMeasureOf', () => {
  it.each([
    ['直播间观看次数', 'count'],
    ['直播间观看人数', 'unique'],
    ['观看(人)', 'unique'],
    ['Views', 'count'],
    ['自然流量', 'unknown'],
  ])('%p → %p', (h, m) => {
    expect(viewsMeasureOf(h)).toBe(m);
  });
});
