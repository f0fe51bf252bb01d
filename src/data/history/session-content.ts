/**
 * The content columns of a sessions export (罗盘 直播明细 / 单场): 人均观看时长, 评论次数, 点赞次数,
 * 新增粉丝数, 曝光-观看率, 商品点击率, 点击-成交转化率, UV价值, GPM. Each session belongs to the day
 * it started (a session crossing midnight counts on its first day, like its GMV); counts are summed,
 * averages and rates weighted by the sessions' viewers (GPM by their views).
 */
import type { DayContent } from '../../model/core';
import { clean } from '../cells';
import { headerKey } from '../cells';
import type { RowSource } from '../formats';
import type { Cell, HistoryReadResult, RangeOrigin } from '../table';
import { findSideHeader, readSideTable, sumOf, weightedMean, type SideSpec } from './side-table';

export type ContentKey =
  | 'viewers'
  | 'views'
  | 'gmv'
  | 'stay'
  | 'comments'
  | 'likes'
  | 'followers'
  | 'exposureView'
  | 'productClick'
  | 'clickOrder'
  | 'uv'
  | 'gpm';

const k = (...xs: string[]): string[] => xs.map(headerKey);

export const CONTENT_SPEC: SideSpec<ContentKey> = {
  date: k('直播开始时间', '开播时间', '直播时间', '日期', '统计日期', '开始时间'),
  dimension: [],
  measures: [
    { key: 'viewers', zh: '直播间观看人数', aliases: k('直播间观看人数', '观看人数'), kind: 'count' },
    { key: 'views', zh: '直播间观看次数', aliases: k('直播间观看次数', '观看次数'), kind: 'count' },
    { key: 'gmv', zh: '直播间成交金额', aliases: k('直播间成交金额', '成交金额', '直播间用户支付金额', '用户支付金额'), kind: 'money' },
    { key: 'stay', zh: '人均观看时长', aliases: k('人均观看时长', '人均看播时长', '平均观看时长', '人均停留时长', '平均停留时长'), kind: 'seconds' },
    { key: 'comments', zh: '评论次数', aliases: k('评论次数', '评论数', '评论人数'), kind: 'count' },
    { key: 'likes', zh: '点赞次数', aliases: k('点赞次数', '点赞数'), kind: 'count' },
    { key: 'followers', zh: '新增粉丝数', aliases: k('新增粉丝数', '新增粉丝', '涨粉数', '涨粉人数'), kind: 'count' },
    { key: 'exposureView', zh: '曝光-观看率', aliases: k('曝光-观看率', '曝光观看率', '曝光进入率', '曝光-观看率(人数)'), kind: 'rate' },
    { key: 'productClick', zh: '商品点击率', aliases: k('商品点击率', '商品曝光-点击率', '观看-商品点击率'), kind: 'rate' },
    { key: 'clickOrder', zh: '点击-成交转化率', aliases: k('点击-成交转化率', '点击成交转化率', '商品点击-成交转化率'), kind: 'rate' },
    { key: 'uv', zh: 'UV价值', aliases: k('UV价值', 'uv价值', '单UV价值'), kind: 'money' },
    { key: 'gpm', zh: 'GPM', aliases: k('GPM', '千次观看成交金额', '看播GPM'), kind: 'money' },
  ],
};

const WEIGHTS: Partial<Record<ContentKey, ContentKey>> = {
  stay: 'viewers',
  exposureView: 'viewers',
  productClick: 'viewers',
  clickOrder: 'viewers',
  uv: 'viewers',
  gpm: 'views',
};

// GPM alone is in many daily and session exports: it does not make a table a content export.
const CONTENT_ONLY: readonly ContentKey[] = ['stay', 'comments', 'likes', 'followers', 'exposureView', 'productClick', 'clickOrder', 'uv'];

/** The content measures of each day, or null when the table has no content column. */
export function readSessionContent(rows: RowSource, head: readonly (readonly Cell[])[], origin: RangeOrigin = {}): Map<string, DayContent> | null {
  const header = findSideHeader(head, CONTENT_SPEC);
  if (!header || !CONTENT_ONLY.some((key) => header.columns[key] !== undefined)) return null;
  // Its cell problems are the history reader's to report (same cells): only the folded values are kept.
  const read = readSideTable(rows, head, CONTENT_SPEC, origin, header, WEIGHTS);
  const out = new Map<string, DayContent>();
  for (const d of read.days) {
    const c = d.parts.get('') ?? { sums: {}, rows: 0 };
    const viewers = sumOf(c, 'viewers');
    const gmv = sumOf(c, 'gmv');
    const uv = weightedMean(c, 'uv') ?? (header.columns.uv === undefined && gmv !== null && viewers !== null && viewers > 0 ? clean(gmv / viewers) : null);
    out.set(d.date, {
      viewers,
      views: sumOf(c, 'views'),
      staySeconds: weightedMean(c, 'stay'),
      comments: sumOf(c, 'comments'),
      likes: sumOf(c, 'likes'),
      newFollowers: sumOf(c, 'followers'),
      exposureViewRate: weightedMean(c, 'exposureView'),
      productClickRate: weightedMean(c, 'productClick'),
      clickOrderRate: weightedMean(c, 'clickOrder'),
      uvValue: uv,
      gpm: weightedMean(c, 'gpm'),
    });
  }
  return out;
}

/** Puts each day's content on the history's days (a day without sessions keeps none). */
export function attachContent(read: HistoryReadResult, content: ReadonlyMap<string, DayContent>): void {
  for (const d of read.history.days) {
    const c = content.get(d.date);
    if (c) d.content = c;
  }
}
