/**
 * 短视频 daily (docs/data.md "Short videos"): 播放量, 完播率, 收藏 / 点赞 / 评论, 短视频引流直播间人数,
 * 短视频成交金额 — one row per day, or per day × video (summed per day; 全部 / 合计 rows left out).
 * Completion is a play-weighted mean. Short-video GMV is the 短视频 carrier's, not the live room's.
 */
import { text } from '../../i18n/text';
import type { DayRecord, DayVideo, History } from '../../model/core';
import { clean } from '../cells';
import { headerKey } from '../cells';
import type { RowSource } from '../formats';
import type { Cell, DataIssue, HistoryField, RangeOrigin } from '../table';
import { findSideHeader, readSideTable, type SideReadResult, sumOf, weightedMean, type SideCell, type SideSpec } from './side-table';

export type VideoKey = 'plays' | 'completion' | 'saves' | 'likes' | 'comments' | 'entrants' | 'gmv' | 'orders';

const k = (...xs: string[]): string[] => xs.map(headerKey);

export const VIDEO_SPEC: SideSpec<VideoKey> = {
  date: k('日期', '统计日期', '时间', 'date'),
  dimension: k('视频标题', '视频名称', '视频id', '作品名称', '作品标题', '作品id', '短视频标题', '视频描述', '视频', '作品'),
  measures: [
    { key: 'plays', zh: '播放量', aliases: k('播放量', '视频播放量', '短视频播放量', '播放次数', 'plays'), kind: 'count' },
    { key: 'completion', zh: '完播率', aliases: k('完播率', '视频完播率', '5秒完播率', '3秒完播率', '5s完播率', '3s完播率', '短视频完播率'), kind: 'rate' },
    { key: 'saves', zh: '收藏数', aliases: k('收藏数', '收藏次数', '收藏量', '视频收藏数'), kind: 'count' },
    { key: 'likes', zh: '点赞数', aliases: k('点赞数', '点赞次数', '点赞量', '视频点赞数'), kind: 'count' },
    { key: 'comments', zh: '评论数', aliases: k('评论数', '评论次数', '评论量', '视频评论数'), kind: 'count' },
    { key: 'entrants', zh: '短视频引流直播间人数', aliases: k('短视频引流直播间人数', '引流直播间人数', '视频引流直播间人数', '引流直播间次数'), kind: 'count' },
    { key: 'gmv', zh: '短视频成交金额', aliases: k('短视频成交金额', '视频成交金额', '成交金额', '短视频带货成交金额'), kind: 'money' },
    { key: 'orders', zh: '短视频成交订单数', aliases: k('短视频成交订单数', '视频成交订单数', '成交订单数'), kind: 'count' },
  ],
};

const WEIGHTS: Partial<Record<VideoKey, VideoKey>> = { completion: 'plays' };

/** True when the header row is a short-video daily table (a date, 播放量, and one of its tell-tales). */
export function isShortVideo(row: readonly Cell[]): boolean {
  const h = findSideHeader([row], VIDEO_SPEC);
  return !!h && h.columns.plays !== undefined && (h.columns.completion !== undefined || h.columns.entrants !== undefined || h.columns.saves !== undefined);
}

/** The day's video measures: the parts (one per video, or one) summed; a 全部 row only when there are no parts. */
function videoOf(parts: Map<string, SideCell<VideoKey>>, total: SideCell<VideoKey> | null): DayVideo {
  const cells = parts.size > 0 ? [...parts.values()] : total ? [total] : [];
  const merged: SideCell<VideoKey> = { sums: {}, rows: 0 };
  for (const c of cells) {
    for (const [key, v] of Object.entries(c.sums) as [VideoKey, number][]) merged.sums[key] = (merged.sums[key] ?? 0) + v;
    merged.rows += c.rows;
  }
  return {
    plays: sumOf(merged, 'plays'),
    completionRate: weightedMean(merged, 'completion'),
    saves: sumOf(merged, 'saves'),
    likes: sumOf(merged, 'likes'),
    comments: sumOf(merged, 'comments'),
    liveEntrants: sumOf(merged, 'entrants'),
    gmv: sumOf(merged, 'gmv'),
  };
}

export function readShortVideo(rows: RowSource, head: readonly (readonly Cell[])[], origin: RangeOrigin = {}): SideReadResult {
  const header = findSideHeader(head, VIDEO_SPEC);
  if (!header) throw new Error('readShortVideo: not a short-video table (check isShortVideo first)');
  const read = readSideTable(rows, head, VIDEO_SPEC, origin, header, WEIGHTS);
  const sheet = origin.sheet ? { sheet: origin.sheet } : {};
  const days: DayRecord[] = read.days.map((d) => {
    const video = videoOf(d.parts, d.total);
    const orders = [...d.parts.values()].reduce<number | null>((s, c) => (c.sums.orders === undefined ? s : (s ?? 0) + c.sums.orders), null);
    const gmv = video.gmv ?? 0;
    return {
      date: d.date,
      views: null,
      organicViews: null,
      paidViews: null,
      orders: orders ?? 0,
      gmv,
      refundAmount: null,
      spend: 0,
      paidGmv: 0,
      paidOrders: null,
      organicGmv: gmv,
      organicOrders: orders ?? 0,
      buyers: null,
      impressions: null,
      clicks: null,
      video,
    };
  });
  const issues: DataIssue[] = [
    ...read.issues,
    {
      severity: 'info',
      ...sheet,
      message: text(
        'short videos: videos summed per day (全部 rows left out), completion weighted by plays; GMV here is the 短视频 carrier only, not the live room',
        '短视频：按天汇总各视频（全部行不计入），完播率按播放量加权；此处成交金额仅为短视频载体，不是直播间',
      ),
    },
  ];
  const fields: Partial<Record<HistoryField, string>> = {};
  if (read.headers.date) fields.date = read.headers.date;
  if (read.headers.gmv) fields.gmv = read.headers.gmv;
  if (read.headers.orders) fields.orders = read.headers.orders;
  const history: History = { days, viewsMeasure: 'unknown', gmvMeasure: 'gmv' };
  return {
    history,
    fields,
    headerRow: read.headerRow,
    issues,
    rowsRead: read.rowsRead,
    rowsSkipped: read.rowsSkipped,
    family: 'compass_short_video',
  };
}

/** Σ over the days (`adplan check --json` "video"); completion play-weighted. */
export function videoTotals(days: readonly DayRecord[]): (Omit<DayVideo, 'completionRate'> & { days: number; completionRate: number | null }) | null {
  const vs = days.flatMap((d) => (d.video ? [d.video] : []));
  if (vs.length === 0) return null;
  const sum = (f: Exclude<keyof DayVideo, 'completionRate'>): number | null =>
    vs.reduce<number | null>((s, v) => {
      const x = v[f];
      return x === null ? s : clean((s ?? 0) + x);
    }, null);
  let num = 0;
  let den = 0;
  for (const v of vs) {
    if (v.completionRate === null || v.plays === null) continue;
    num += v.completionRate * v.plays;
    den += v.plays;
  }
  return {
    days: vs.length,
    plays: sum('plays'),
    completionRate: den > 0 ? num / den : null,
    saves: sum('saves'),
    likes: sum('likes'),
    comments: sum('comments'),
    liveEntrants: sum('liveEntrants'),
    gmv: sum('gmv'),
  };
}
