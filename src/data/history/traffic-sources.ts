/**
 * 罗盘 流量来源 (traffic sources) by day × channel (docs/data.md "Traffic sources"): 观看人数 /
 * 观看次数 / 成交金额 per channel, each channel classed paid (千川, 品牌广告, 其他付费 …) or natural
 * (推荐feed, 短视频引流, 关注, 搜索, 直播广场, 商城, 个人主页 …). A 全部 row is the day's total and
 * is never added to the channels; a channel missing on a day is absent that day, not 0.
 */
import { text } from '../../i18n/text';
import type { ChannelClass, ChannelDay, DayRecord, History } from '../../model/core';
import { clean } from '../cells';
import { headerKey } from '../cells';
import type { RowSource } from '../formats';
import type { Cell, DataIssue, HistoryField, RangeOrigin } from '../table';
import { findSideHeader, readSideTable, type SideReadResult, sumOf, type SideCell, type SideSpec } from './side-table';

export type TrafficKey = 'viewers' | 'views' | 'gmv' | 'orders';

const k = (...xs: string[]): string[] => xs.map(headerKey);

export const TRAFFIC_SPEC: SideSpec<TrafficKey> = {
  date: k('日期', '统计日期', '时间', '数据日期', 'date'),
  // The finest level first: a two-level export lists 二级 channels under 一级 (自然流量 / 付费流量).
  dimension: k('二级渠道', '二级流量来源', '流量来源二级', '流量来源', '流量渠道', '流量来源渠道', '来源渠道', '渠道', '渠道名称', '流量入口', '一级渠道', '一级流量来源', 'channel'),
  parent: k('一级渠道', '一级流量来源', '流量类型', '流量类别', '流量大类'),
  measures: [
    { key: 'viewers', zh: '观看人数', aliases: k('观看人数', '直播间观看人数', '进入直播间人数', '直播间进入人数', '进房人数', '场观人数', 'viewers'), kind: 'count' },
    { key: 'views', zh: '观看次数', aliases: k('观看次数', '直播间观看次数', '观看人次', '进入直播间次数', '直播间进入次数', 'views'), kind: 'count' },
    { key: 'gmv', zh: '成交金额', aliases: k('成交金额', '直播间成交金额', '用户支付金额', '直播间用户支付金额', 'gmv'), kind: 'money' },
    { key: 'orders', zh: '成交订单数', aliases: k('成交订单数', '直播间成交订单数', 'orders'), kind: 'count' },
  ],
};

const PAID = /千川|品牌广告|广告|付费|竞价|随心推|dou\+|巨量|投放|加热|推广|ad$|ads|paid/iu;
const NATURAL = /推荐|feed|短视频|视频引流|关注|粉丝|搜索|直播广场|广场|商城|个人主页|主页|同城|自然|分享|私信|活动|头条|其他自然|organic|natural|follow|search/iu;

/**
 * Paid before natural: "其他付费" is paid, "短视频加热" is paid traffic; "其他" alone is unknown.
 * A two-level export's 一级 value (付费流量 / 自然流量) decides when the channel name does not.
 */
export function channelClass(name: string, parent = ''): ChannelClass {
  if (PAID.test(name)) return 'paid';
  if (NATURAL.test(name)) return 'natural';
  if (parent !== '' && PAID.test(parent)) return 'paid';
  if (parent !== '' && NATURAL.test(parent)) return 'natural';
  return 'unknown';
}

/** True when the header row is a traffic-sources table (a channel column, a date, a viewers/views column). */
export function isTrafficSources(row: readonly Cell[]): boolean {
  const h = findSideHeader([row], TRAFFIC_SPEC);
  return !!h && h.columns.dimension !== undefined && (h.columns.viewers !== undefined || h.columns.views !== undefined);
}

const n = (c: SideCell<TrafficKey> | null, key: TrafficKey): number | null => sumOf(c, key);

/** One day of a traffic-sources table as a DayRecord: room totals from the 全部 row, else the channel sums. */
function dayOf(date: string, parts: Map<string, SideCell<TrafficKey>>, total: SideCell<TrafficKey> | null, viewsKey: 'views' | 'viewers'): DayRecord {
  const traffic: ChannelDay[] = [...parts.entries()].map(([channel, c]) => ({
    channel,
    class: channelClass(channel, c.parent),
    viewers: n(c, 'viewers'),
    views: n(c, 'views'),
    gmv: n(c, 'gmv'),
  }));
  const sum = (key: TrafficKey, cls?: ChannelClass): number | null => {
    let s: number | null = null;
    for (const [channel, c] of parts) {
      const v = n(c, key);
      if (v === null || (cls && channelClass(channel, c.parent) !== cls)) continue;
      s = clean((s ?? 0) + v);
    }
    return s;
  };
  const room = (key: TrafficKey): number | null => (total && n(total, key) !== null ? n(total, key) : sum(key));
  const gmv = room('gmv') ?? 0;
  const orders = room('orders') ?? 0;
  const paidViews = sum(viewsKey, 'paid');
  const paidTraffic = (paidViews ?? 0) > 0;
  return {
    date,
    views: room(viewsKey),
    organicViews: sum(viewsKey, 'natural'),
    paidViews,
    orders,
    gmv,
    refundAmount: null,
    spend: 0,
    // Paid channels with traffic but no spend column: the paid/organic GMV split is unknown here.
    paidGmv: paidTraffic ? null : 0,
    paidOrders: null,
    organicGmv: paidTraffic ? null : gmv,
    organicOrders: paidTraffic ? null : orders,
    buyers: null,
    impressions: null,
    clicks: null,
    traffic,
  };
}

export function readTrafficSources(rows: RowSource, head: readonly (readonly Cell[])[], origin: RangeOrigin = {}): SideReadResult {
  const header = findSideHeader(head, TRAFFIC_SPEC);
  if (!header) throw new Error('readTrafficSources: not a traffic-sources table (check isTrafficSources first)');
  const read = readSideTable(rows, head, TRAFFIC_SPEC, origin, header);
  const viewsKey = read.columns.views !== undefined ? 'views' : 'viewers';
  const issues: DataIssue[] = [...read.issues];
  const sheet = origin.sheet ? { sheet: origin.sheet } : {};
  const days = read.days.map((d) => {
    const day = dayOf(d.date, d.parts, d.total, viewsKey);
    const fromParts = d.total ? (day.traffic ?? []).reduce((s, c) => s + (c[viewsKey] ?? 0), 0) : null;
    const said = d.total ? n(d.total, viewsKey) : null;
    if (said !== null && fromParts !== null && Math.abs(said - fromParts) > Math.max(1, 0.005 * said)) {
      issues.push({
        severity: 'warning',
        ...sheet,
        message: text(
          `${d.date}: the 全部 row says ${said} ${read.headers[viewsKey] ?? ''} but the channels sum to ${fromParts}: the 全部 row is used as the day's total (channels are not added to it)`,
          `${d.date}：全部行为 ${said}（${read.headers[viewsKey] ?? ''}），各渠道相加为 ${fromParts}：以全部行为当日合计（渠道不与之相加）`,
        ),
      });
    }
    return day;
  });
  issues.push({
    severity: 'info',
    ...sheet,
    message: text(
      'traffic sources: channels summed per day, a 全部 row taken as the total and never added; paid = 千川/品牌广告/付费 channels, natural = 推荐feed, 短视频引流, 关注, 搜索, 直播广场, 商城, 个人主页 …',
      '流量来源：按天汇总各渠道，全部行作为合计、不与渠道相加；付费 = 千川/品牌广告/付费类渠道，自然 = 推荐feed、短视频引流、关注、搜索、直播广场、商城、个人主页等',
    ),
  });
  if (read.columns.orders === undefined) {
    issues.push({
      severity: 'warning',
      ...sheet,
      message: text(
        'no 成交订单数 in this export: orders read as 0 here; plan with a 罗盘 成交 / 经营概览 / 直播明细 export next to it',
        '此导出没有成交订单数：此处订单按 0 计；做计划请同时提供罗盘 成交分析 / 经营概览 / 直播明细 导出',
      ),
    });
  }
  const fields: Partial<Record<HistoryField, string>> = {};
  if (read.headers.date) fields.date = read.headers.date;
  if (read.headers[viewsKey]) fields.views = read.headers[viewsKey];
  if (read.headers.gmv) fields.gmv = read.headers.gmv;
  if (read.headers.orders) fields.orders = read.headers.orders;
  const history: History = { days, viewsMeasure: viewsKey === 'views' ? 'count' : 'unique', gmvMeasure: 'gmv' };
  return {
    history,
    fields,
    headerRow: read.headerRow,
    issues,
    rowsRead: read.rowsRead,
    rowsSkipped: read.rowsSkipped,
    family: 'compass_traffic_sources',
  };
}

export interface ChannelTotal {
  channel: string;
  class: ChannelClass;
  /** Days the channel appears on. */
  days: number;
  viewers: number | null;
  views: number | null;
  gmv: number | null;
}

/** Per-channel totals over the days (`adplan check --json` "traffic"), in order of first appearance. */
export function channelTotals(days: readonly DayRecord[]): ChannelTotal[] {
  const out = new Map<string, ChannelTotal>();
  const plus = (a: number | null, b: number | null): number | null => (b === null ? a : clean((a ?? 0) + b));
  for (const d of days) {
    for (const c of d.traffic ?? []) {
      let t = out.get(c.channel);
      if (!t) out.set(c.channel, (t = { channel: c.channel, class: c.class, days: 0, viewers: null, views: null, gmv: null }));
      t.days++;
      t.viewers = plus(t.viewers, c.viewers);
      t.views = plus(t.views, c.views);
      t.gmv = plus(t.gmv, c.gmv);
    }
  }
  return [...out.values()];
}
