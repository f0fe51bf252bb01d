/**
 * The traffic and content export families: 罗盘 流量来源 (day × channel), 直播明细 with content
 * fields, 短视频 daily. Fixtures and their expected numbers are written by
 * scripts/make-organic-fixtures.mjs, which computes the days and totals from its own numbers
 * before writing them as text (万, %, thousands commas) — never from the reader. Each read is also
 * compared with its golden (test/fixtures/golden/, written once with UPDATE_GOLDEN=1 and checked
 * against the expected files and by hand; the arithmetic is in the comments below).
 */
import fc from 'fast-check';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { loadMerchantFiles } from '../../src/data/node';
import { channelClass, parseSeconds } from '../../src/data/history';
import { readHistory } from '../../src/data/history';
import { analyse, readinessOf } from '../../src/model/engine';

const FIX = join(__dirname, '..', 'fixtures', 'families');
const GOLDEN = join(__dirname, '..', 'fixtures', 'golden');
const load = (...names: string[]) => loadMerchantFiles(names.map((n) => join(FIX, n)));
const expected = <T>(name: string): T => JSON.parse(readFileSync(join(FIX, `${name}.expected.json`), 'utf8')) as T;

function golden(name: string, actual: unknown): unknown {
  const file = join(GOLDEN, `${name}.json`);
  const json = JSON.parse(JSON.stringify(actual)) as unknown;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  }
  if (!existsSync(file)) throw new Error(`no golden file for ${name}: review the output and write it with UPDATE_GOLDEN=1`);
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

async function check(args: string[]) {
  let out = '';
  const io: CliIo = { stdout: (s) => (out += s), stderr: (s) => (out += s), env: {} };
  const code = await main(['check', ...args.map((a) => join(FIX, a)), '--json', '--lang', 'en-US'], io);
  return { code, json: JSON.parse(out) as Record<string, unknown> };
}

interface TrafficExpected {
  days: { date: string; views: number; paidViews: number; organicViews: number; gmv: number; channels: number }[];
  channels: { channel: string; class: string; days: number; viewers: number; views: number; gmv: number }[];
  totals: { gmv: number; views: number };
  paidShareViewers: number;
}

describe('罗盘 流量来源 (day × channel, 全部 rows first, 万 / % text)', () => {
  const exp = expected<TrafficExpected>('compass-traffic-sources');

  it('reads the days and per-channel totals the fixture script computed', async () => {
    const r = await load('compass-traffic-sources.csv');
    expect(r.joined.family).toBe('compass_traffic_sources');
    const days = r.history.history.days;
    // 07-25: views 10500+2000+1200+400+3000 = 17100 (the 全部 row says 1.71万 and is not added to it).
    expect(days.map((d) => ({ date: d.date, views: d.views, paidViews: d.paidViews, organicViews: d.organicViews, gmv: d.gmv, channels: d.traffic?.length }))).toEqual(exp.days);
    expect(days[0]?.views).toBe(17100);
    // 品牌广告 only on 07-26: one day; 搜索 on 07-25 and 07-27 only: 300 + 400 viewers.
    const ch = new Map(exp.channels.map((c) => [c.channel, c]));
    expect(ch.get('品牌广告')).toMatchObject({ days: 1, viewers: 500, class: 'paid' });
    expect(ch.get('搜索')).toMatchObject({ days: 2, viewers: 700, class: 'natural' });
    expect(r.history.totals).toMatchObject({ gmv: exp.totals.gmv, views: exp.totals.views });
    // 9000 + 2500.5 + … : the period 全部 row (75,000.5) is excluded, not a day.
    expect(r.history.totals.gmv).toBe(75000.5);
    expect(r.history.issues.some((i) => /totals row/u.test(i.message['en-US']))).toBe(true);
  });

  it('adplan check --json lists the channels with their class and totals', async () => {
    const { code, json } = await check(['compass-traffic-sources.csv']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ family: 'compass_traffic_sources', days: 3, firstDate: '2026-07-25', lastDate: '2026-07-27' });
    expect((json.traffic as { channels: unknown[] }).channels).toEqual(exp.channels);
  });

  it('alone it cannot be planned: paid channels without a spend column leave the split unknown', async () => {
    const r = await load('compass-traffic-sources.csv');
    expect(r.history.history.days.every((d) => d.paidGmv === null && d.organicGmv === null)).toBe(true);
    expect(() => analyse(r.history.history)).toThrow(/no usable days/u);
  });

  it('matches its golden', async () => {
    const r = await load('compass-traffic-sources.csv');
    expect(JSON.parse(JSON.stringify(r.history))).toEqual(golden('compass-traffic-sources.csv', r.history));
  });
});

interface ContentExpected {
  days: { date: string; gmv: number; orders: number; spend: number; content: Record<string, number> }[];
}

describe('罗盘 直播明细 with content fields (a session crossing midnight)', () => {
  const exp = expected<ContentExpected>('compass-live-content');

  it('folds the sessions into the day they started: sums, viewer-weighted averages and rates', async () => {
    const r = await load('compass-live-content.csv');
    expect(r.joined.family).toBe('compass_live_sessions');
    const days = r.history.history.days;
    // 07-25 = the 19:00 session + the 23:30 → 01:30 one: GMV 6000 + 1500; stay (31·3000 + 45·1000)/4000 = 34.5 s.
    expect(days.map((d) => ({ date: d.date, gmv: d.gmv, orders: d.orders, spend: d.spend }))).toEqual(exp.days.map(({ content: _c, ...d }) => d));
    expect(days[0]?.content?.staySeconds).toBe(34.5);
    for (const [i, e] of exp.days.entries()) {
      const c = days[i]?.content as unknown as Record<string, number>;
      for (const [k, v] of Object.entries(e.content)) expect(c[k]).toBeCloseTo(v, 6);
    }
    // 商品点击率 "9.5" without % is 9.5 %: 07-26 is that one session.
    expect(days[1]?.content?.productClickRate).toBeCloseTo(0.095, 12);
  });

  it('matches its golden', async () => {
    const r = await load('compass-live-content.csv');
    expect(JSON.parse(JSON.stringify(r.history))).toEqual(golden('compass-live-content.csv', r.history));
  });
});

interface VideoExpected {
  days: { date: string; plays: number; completionRate: number; likes: number; comments: number; saves: number; liveEntrants: number; gmv: number | null }[];
  totals: Record<string, number>;
}

describe('短视频 daily (per video, 合计 rows not added)', () => {
  const exp = expected<VideoExpected>('compass-short-video');

  it('sums the videos per day, completion weighted by plays', async () => {
    const r = await load('compass-short-video.csv');
    expect(r.joined.family).toBe('compass_short_video');
    const days = r.history.history.days;
    // 07-25: plays 15000 + 5000 = 20000 (the 合计 row's 2万 not added); completion (0.4·15000 + 0.6·5000)/20000 = 0.45.
    expect(days[0]?.video).toMatchObject({ plays: 20000, saves: 1000 });
    expect(days[0]?.video?.completionRate).toBeCloseTo(0.45, 12);
    for (const [i, e] of exp.days.entries()) {
      const v = days[i]?.video;
      expect(v).toMatchObject({ plays: e.plays, likes: e.likes, comments: e.comments, saves: e.saves, liveEntrants: e.liveEntrants, gmv: e.gmv });
      expect(v?.completionRate).toBeCloseTo(e.completionRate, 6);
    }
  });

  it('adplan check --json gives the days and the video totals', async () => {
    const { code, json } = await check(['compass-short-video.csv']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ family: 'compass_short_video', days: 3 });
    const v = json.video as Record<string, number>;
    for (const k of ['plays', 'saves', 'likes', 'comments', 'liveEntrants', 'gmv']) expect(v[k]).toBe(exp.totals[k]);
    expect(v.completionRate).toBeCloseTo(exp.totals.completionRate as number, 6);
  });

  it('matches its golden', async () => {
    const r = await load('compass-short-video.csv');
    expect(JSON.parse(JSON.stringify(r.history))).toEqual(golden('compass-short-video.csv', r.history));
  });
});

describe('one merchant: sessions with content + traffic sources + short videos', () => {
  it('joins the measures on the date; readiness v2 measures stay, paid share and video', async () => {
    const r = await load('compass-live-content.csv', 'compass-traffic-sources.csv', 'compass-short-video.csv');
    // Dates all three cover: 07-25 – 07-26.
    expect(r.joined.overlap).toEqual({ from: '2026-07-25', to: '2026-07-26', days: 2 });
    const d = r.history.history.days;
    expect(d.map((x) => x.gmv)).toEqual([7500, 8000]);
    expect(d[0]?.traffic?.length).toBe(5);
    expect(d[0]?.content?.staySeconds).toBe(34.5);
    expect(d[1]?.video?.plays).toBe(20000);
    const checks = new Map((readinessOf(analyse(r.history.history), null).checks ?? []).map((c) => [c.id, c]));
    // Paid viewers (2400) + (3000 + 500) over all viewers 11000 + 11700.
    expect(checks.get('paid_share')).toMatchObject({ status: 'pass', value: 5900 / 22700 });
    // Stay over both days, viewer-weighted: (34.5·4000 + 65·4000) / 8000 = 49.75 s; 其他 55 s warns below 49.5 s.
    expect(checks.get('stay')?.value).toBeCloseTo(49.75, 9);
    expect(checks.get('stay')?.status).toBe('pass');
    // Comments (180 + 200) / views (6500 + 6000).
    expect(checks.get('interaction')?.value).toBeCloseTo(380 / 12500, 12);
    // Saves (1000 + 1140) / plays (20000 + 20000) = 5.35 % ≥ 5 %.
    expect(checks.get('video_save')).toMatchObject({ status: 'pass' });
    expect(checks.get('video_save')?.value).toBeCloseTo(2140 / 40000, 12);
  });
});

describe('channel classes and durations', () => {
  it.each([
    ['推荐feed', 'natural'], ['短视频引流', 'natural'], ['关注', 'natural'], ['搜索', 'natural'], ['直播广场', 'natural'],
    ['商城', 'natural'], ['个人主页', 'natural'], ['千川PC版', 'paid'], ['品牌广告', 'paid'], ['其他付费', 'paid'], ['其他', 'unknown'],
  ])('%s is %s', (name, cls) => {
    expect(channelClass(name)).toBe(cls);
  });

  it.each([
    [31, '人均观看时长', 31], ['31秒', '人均观看时长', 31], ['00:00:45', '人均观看时长', 45], ['1分5秒', '人均观看时长', 65], ['01:05', '人均观看时长', 65], ['0.5', '人均观看时长(分钟)', 30],
  ] as const)('%s under %s is %d s', (cell, header, s) => {
    expect(parseSeconds(cell, header)).toEqual({ ok: true, value: s });
  });

  it('a two-level export: 二级 channels, classed by their 一级 when the name does not say; 一级 subtotal rows not added', () => {
    const r = readHistory([
      ['日期', '一级渠道', '二级渠道', '观看人次', '成交金额'],
      ['2026-07-25', '自然流量', '', '9000', '4000'],
      ['2026-07-25', '自然流量', '推荐feed', '6000', '3000'],
      ['2026-07-25', '自然流量', '直播间小窗', '3000', '1000'],
      ['2026-07-25', '付费流量', '', '5000', '2500'],
      ['2026-07-25', '付费流量', '巨量引擎PC', '5000', '2500'],
    ]);
    expect(r.family).toBe('compass_traffic_sources');
    // Views 6000 + 3000 + 5000; the 一级 rows (blank 二级) are subtotals. 直播间小窗 is natural by its 一级.
    expect(r.history.days[0]).toMatchObject({ views: 14000, organicViews: 9000, paidViews: 5000, gmv: 6500 });
    expect(r.history.days[0]?.traffic?.map((c) => [c.channel, c.class])).toEqual([['推荐feed', 'natural'], ['直播间小窗', 'natural'], ['巨量引擎PC', 'paid']]);
  });

  it('a history range of traffic sources reads like the file (functions and task pane)', () => {
    const r = readHistory([
      ['日期', '流量来源', '观看人数', '成交金额'],
      ['2026-07-25', '全部', '1万', '5000'],
      ['2026-07-25', '推荐feed', '6000', '3000'],
      ['2026-07-25', '千川PC版', '4000', '2000'],
    ]);
    expect(r.family).toBe('compass_traffic_sources');
    expect(r.history.days[0]).toMatchObject({ views: 10000, paidViews: 4000, organicViews: 6000, gmv: 5000 });
  });
});

describe('罗盘 成交分析 载体 rows (the existing compass-deal fixture)', () => {
  it('per day and carrier: the 不限 GMV and the 非投放时段 GMV; day totals unchanged', async () => {
    const r = await load('compass-deal.xlsx');
    const days = r.history.history.days;
    // 07-25: 直播 不限 8000 / 非投放 2000, 商品卡 2000 / 1000; 07-26 (no 全部 row): 直播 9000 / 2500, 商品卡 3000 / 1500;
    // 07-27: 短视频 不限 1000 and no 非投放时段 row for it.
    expect(days.map((d) => d.carriers?.map((c) => [c.carrier, c.name, c.gmv, c.organicGmv]))).toEqual([
      [['live', '直播', 8000, 2000], ['card', '商品卡', 2000, 1000]],
      [['live', '直播', 9000, 2500], ['card', '商品卡', 3000, 1500]],
      [['video', '短视频', 1000, null]],
    ]);
    expect(days.map((d) => d.gmv)).toEqual([10000, 12000, 12000]);
  });
});

describe('recognised in any column and row order (property)', () => {
  const table: string[][] = [
    ['日期', '流量来源', '观看人数', '观看次数', '成交金额', '人数占比'],
    ['20260725', '全部', '1万', '1.5万', '5000', '100%'],
    ['20260725', '推荐feed', '6000', '9000', '3000', '60%'],
    ['20260725', '千川PC版', '4000', '6000', '2000', '40%'],
    ['20260726', '推荐feed', '7000', '9500', '3500', '70%'],
    ['20260726', '搜索', '1000', '1500', '500', '10%'],
    ['20260726', '品牌广告', '2000', '3000', '1000', '20%'],
  ];
  const days = (t: string[][]) => readHistory(t).history.days.map((d) => ({ ...d, traffic: [...(d.traffic ?? [])].sort((a, b) => a.channel.localeCompare(b.channel)) }));
  const base = days(table);

  it('the same days whatever the column order and the row order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }), fc.shuffledSubarray([1, 2, 3, 4, 5, 6], { minLength: 6, maxLength: 6 }), (cols, rows) => {
        const t = [table[0]!, ...rows.map((r) => table[r]!)].map((r) => cols.map((c) => r[c]!));
        expect(days(t)).toEqual(base);
      }),
    );
    // 07-25 from the 全部 row (views 15000), 07-26 from the channels (9500 + 1500 + 3000).
    expect(base.map((d) => [d.views, d.paidViews, d.organicViews])).toEqual([[15000, 6000, 9000], [14000, 3000, 11000]]);
  });
});
