/**
 * Writes the fixtures of the traffic and content export families under test/fixtures/families/
 * (罗盘 流量来源 by day × channel, 直播明细 with content fields, 短视频 daily), shaped like the
 * exports: 全部 / 合计 rows, a channel present on some days only, a session crossing midnight,
 * text numbers with 万 and %. Next to each it writes <name>.expected.json: the days and totals
 * computed HERE, from the numbers before they were written as text — independently of the reader.
 * Run: node scripts/make-organic-fixtures.mjs
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'families');
const csv = (rows) => rows.map((r) => r.map((c) => (typeof c === 'string' && /[",\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : String(c))).join(',')).join('\r\n') + '\r\n';
/** 12000 → "1.2万" (whole hundreds only, as 罗盘 writes them), else the number with thousands commas. */
const wan = (n) => (n >= 10000 && n % 100 === 0 ? `${n / 10000}万` : n.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const pct = (x) => `${(x * 100).toFixed(2)}%`;
const r6 = (x) => Math.round(x * 1e6) / 1e6;
const PAID = new Set(['千川PC版', '品牌广告', '其他付费']);
const NATURAL = new Set(['推荐feed', '短视频引流', '关注', '搜索']);

/** 罗盘 流量来源: per day a 全部 row FIRST, then the channels; 品牌广告 on 07-26 only, 搜索 missing on 07-26. */
async function traffic() {
  const data = {
    '2026-07-25': [['推荐feed', 6000, 10500, 9000], ['短视频引流', 1500, 2000, 2500.5], ['关注', 800, 1200, 1600], ['搜索', 300, 400, 700], ['千川PC版', 2400, 3000, 6000]],
    '2026-07-26': [['推荐feed', 5500, 9000, 8000], ['短视频引流', 1800, 2600, 3000], ['关注', 900, 1300, 1500], ['千川PC版', 3000, 4200, 7000], ['品牌广告', 500, 600, 800]],
    '2026-07-27': [['推荐feed', 12000, 20000, 15000], ['短视频引流', 2000, 3000, 4000], ['关注', 1000, 1500, 2000], ['搜索', 400, 500, 900], ['千川PC版', 6000, 8000, 12000], ['其他付费', 600, 700, 1000], ['其他', 100, 100, 0]],
  };
  const rows = [['日期', '流量来源', '观看人数', '观看次数', '人数占比', '成交金额']];
  const days = [];
  const channels = new Map();
  const period = [0, 0, 0];
  for (const [date, list] of Object.entries(data)) {
    const tot = list.reduce((s, [, a, b, c]) => [s[0] + a, s[1] + b, s[2] + c], [0, 0, 0]);
    rows.push([date.replaceAll('-', ''), '全部', wan(tot[0]), wan(tot[1]), '100.00%', wan(tot[2])]);
    for (const [ch, a, b, c] of list) {
      rows.push([date.replaceAll('-', ''), ch, wan(a), wan(b), pct(a / tot[0]), wan(c)]);
      const t = channels.get(ch) ?? { channel: ch, class: PAID.has(ch) ? 'paid' : NATURAL.has(ch) ? 'natural' : 'unknown', days: 0, viewers: 0, views: 0, gmv: 0 };
      t.days++;
      t.viewers += a;
      t.views += b;
      t.gmv = r6(t.gmv + c);
      channels.set(ch, t);
    }
    const paid = list.filter(([ch]) => PAID.has(ch)).reduce((s, [, , b]) => s + b, 0);
    const natural = list.filter(([ch]) => NATURAL.has(ch)).reduce((s, [, , b]) => s + b, 0);
    days.push({ date, views: tot[1], paidViews: paid, organicViews: natural, gmv: r6(tot[2]), channels: list.length });
    for (let k = 0; k < 3; k++) period[k] += tot[k];
  }
  // The export's period total row: not a day.
  rows.push(['全部', '全部', wan(period[0]), wan(period[1]), '100.00%', wan(r6(period[2]))]);
  const paidViewers = [...channels.values()].filter((c) => c.class === 'paid').reduce((s, c) => s + c.viewers, 0);
  const allViewers = [...channels.values()].reduce((s, c) => s + c.viewers, 0);
  await writeFile(join(dir, 'compass-traffic-sources.csv'), `\uFEFF${csv(rows)}`);
  await writeFile(
    join(dir, 'compass-traffic-sources.expected.json'),
    `${JSON.stringify({ days, channels: [...channels.values()], totals: { gmv: r6(period[2]), views: period[1] }, paidShareViewers: r6(paidViewers / allViewers) }, null, 2)}\n`,
  );
}

/** 罗盘 直播明细 with content fields: one session crosses midnight; stay as 31秒 / 00:00:45 / 1分5秒. */
async function liveContent() {
  const sessions = [
    { start: '2026/07/25 19:00:00', end: '2026/07/25 22:00:00', viewers: 3000, views: 5000, orders: 50, gmv: 6000, spend: 1000, net: 5800, stay: 31, stayText: '31秒', comments: 150, likes: 12000, followers: 40, ev: 0.125, pc: 0.08, co: 0.05, uv: 2, gpm: 1200 },
    { start: '2026/07/25 23:30:00', end: '2026/07/26 01:30:00', viewers: 1000, views: 1500, orders: 10, gmv: 1500, spend: 200, net: 1450, stay: 45, stayText: '00:00:45', comments: 30, likes: 2000, followers: 10, ev: 0.1, pc: 0.06, co: 0.04, uv: 1.5, gpm: 1000 },
    { start: '2026/07/26 20:00:00', end: '2026/07/26 23:00:00', viewers: 4000, views: 6000, orders: 60, gmv: 8000, spend: 1500, net: 7800, stay: 65, stayText: '1分5秒', comments: 200, likes: 15000, followers: 60, ev: 0.15, pc: 0.095, co: 0.055, uv: 2, gpm: 1333.33 },
  ];
  const rows = [
    ['直播开始时间', '直播结束时间', '直播时长(分钟)', '直播间观看人数', '直播间观看次数', '直播间成交订单数', '直播间成交金额', '投放消耗(店铺被投)', '净成交金额', '人均观看时长', '评论次数', '点赞次数', '新增粉丝数', '曝光-观看率', '商品点击率', '点击-成交转化率', 'UV价值', 'GPM'],
    // 商品点击率 of the last session as percentage points without a % sign (9.5 = 9.5 %).
    ...sessions.map((s, i) => [s.start, s.end, '180', wan(s.viewers), wan(s.views), String(s.orders), s.gmv.toFixed(2), s.spend.toFixed(2), s.net.toFixed(2), s.stayText, String(s.comments), wan(s.likes), String(s.followers), pct(s.ev), i === 2 ? '9.5' : pct(s.pc), pct(s.co), s.uv.toFixed(2), s.gpm.toFixed(2)]),
  ];
  const byDay = new Map();
  for (const s of sessions) {
    const date = s.start.slice(0, 10).replaceAll('/', '-');
    const d = byDay.get(date) ?? [];
    d.push(s);
    byDay.set(date, d);
  }
  const w = (list, f, by = 'viewers') => r6(list.reduce((a, s) => a + s[f] * s[by], 0) / list.reduce((a, s) => a + s[by], 0));
  const sum = (list, f) => list.reduce((a, s) => a + s[f], 0);
  const days = [...byDay.entries()].map(([date, list]) => ({
    date,
    gmv: sum(list, 'gmv'),
    orders: sum(list, 'orders'),
    spend: sum(list, 'spend'),
    content: {
      viewers: sum(list, 'viewers'),
      views: sum(list, 'views'),
      staySeconds: w(list, 'stay'),
      comments: sum(list, 'comments'),
      likes: sum(list, 'likes'),
      newFollowers: sum(list, 'followers'),
      exposureViewRate: w(list, 'ev'),
      productClickRate: w(list, 'pc'),
      clickOrderRate: w(list, 'co'),
      uvValue: w(list, 'uv'),
      gpm: w(list, 'gpm', 'views'),
    },
  }));
  await writeFile(join(dir, 'compass-live-content.csv'), `\uFEFF${csv(rows)}`);
  await writeFile(join(dir, 'compass-live-content.expected.json'), `${JSON.stringify({ days }, null, 2)}\n`);
}

/** 短视频 daily by video: a 合计 row per day (not added), 视频C on 07-26 only, "-" GMV, a period 合计 row. */
async function shortVideo() {
  const data = {
    '2026-07-25': [['视频A', 15000, 0.4, 900, 50, 600, 800, 1200], ['视频B', 5000, 0.6, 300, 20, 400, 300, 0]],
    '2026-07-26': [['视频A', 8000, 0.35, 400, 30, 240, 500, 600], ['视频C', 12000, 0.7, 1000, 80, 900, 1000, 11000]],
    '2026-07-27': [['视频B', 3000, 0.5, 100, 5, 90, 100, null]],
  };
  const rows = [['日期', '视频标题', '播放量', '完播率', '点赞数', '评论数', '收藏数', '短视频引流直播间人数', '短视频成交金额']];
  const days = [];
  const total = { plays: 0, saves: 0, likes: 0, comments: 0, liveEntrants: 0, gmv: 0, completionNum: 0 };
  for (const [date, list] of Object.entries(data)) {
    const s = (k) => list.reduce((a, r) => a + (r[k] ?? 0), 0);
    const plays = s(1);
    const completion = r6(list.reduce((a, r) => a + r[1] * r[2], 0) / plays);
    for (const r of list) rows.push([date, r[0], wan(r[1]), pct(r[2]), String(r[3]), String(r[4]), String(r[5]), String(r[6]), r[7] === null ? '-' : wan(r[7])]);
    rows.push([date, '合计', wan(plays), pct(completion), String(s(3)), String(s(4)), String(s(5)), String(s(6)), wan(s(7))]);
    const anyGmv = list.some((r) => r[7] !== null);
    days.push({ date, plays, completionRate: completion, likes: s(3), comments: s(4), saves: s(5), liveEntrants: s(6), gmv: anyGmv ? s(7) : null });
    total.plays += plays;
    total.likes += s(3);
    total.comments += s(4);
    total.saves += s(5);
    total.liveEntrants += s(6);
    total.gmv += s(7);
    total.completionNum += list.reduce((a, r) => a + r[1] * r[2], 0);
  }
  rows.push(['合计', '-', wan(total.plays), '-', String(total.likes), String(total.comments), String(total.saves), String(total.liveEntrants), wan(total.gmv)]);
  const { completionNum, ...rest } = total;
  await writeFile(join(dir, 'compass-short-video.csv'), `\uFEFF${csv(rows)}`);
  await writeFile(
    join(dir, 'compass-short-video.expected.json'),
    `${JSON.stringify({ days, totals: { ...rest, completionRate: r6(completionNum / total.plays), saveRate: r6(total.saves / total.plays) } }, null, 2)}\n`,
  );
}

await mkdir(dir, { recursive: true });
await Promise.all([traffic(), liveContent(), shortVideo()]);
