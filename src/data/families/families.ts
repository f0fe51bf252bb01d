/**
 * The export families merchants download (docs/data.md "Real export families"): each recognised by
 * its headers — any column order, extra columns ignored — with its grain and the rules the
 * reader applies. The ids are a stable contract (`adplan check --json` "family", docs/data.md).
 */
import { text, type Text } from '../../i18n/text';
import { headerKey, toSimplified } from '../cells';
import type { Cell } from '../table';

import type { FamilyId } from '../table';
export type { FamilyId };

export interface Family {
  id: FamilyId;
  name: Text;
  grain: 'day' | 'day_dimension' | 'session';
  /** True when the headers are this family's; `keys` are `headerKey` forms, `raw` as found. */
  matches: (keys: ReadonlySet<string>, raw: readonly string[]) => boolean;
  /** Rule stated in the read report (which rows were used, what is missing). */
  note?: Text;
}

const has = (keys: ReadonlySet<string>, ...any: string[]): boolean => any.some((k) => keys.has(headerKey(k)));

/** Order matters: the first family whose signature matches is taken. */
export const FAMILIES: readonly Family[] = [
  {
    id: 'compass_deal',
    name: text('Compass deal analysis (罗盘 成交分析)', '罗盘 成交分析'),
    grain: 'day_dimension',
    matches: (k) => has(k, '载体类型', '投放时段') && has(k, '日期', '统计日期'),
    note: text(
      'used 载体类型=全部 × 投放时段=不限 rows as the day totals; 非投放时段 rows read as organic GMV; other rows not added',
      '以 载体类型=全部 × 投放时段=不限 的行作为当日合计；非投放时段的行读作自然成交；其余行不相加',
    ),
  },
  {
    id: 'compass_live_sessions',
    name: text('Compass live sessions (罗盘 直播明细)', '罗盘 直播明细'),
    grain: 'session',
    matches: (k) =>
      has(k, '直播开始时间', '开播时间') &&
      has(k, '投放消耗', '直播间用户支付金额', '1小时退款率', '1小时内退款率', '净成交金额', '直播结束时间'),
    note: text('one row per live session: sessions summed into the day they started', '每行一场直播：按开播当天汇总'),
  },
  {
    id: 'compass_self_service',
    name: text('Compass self-service export (罗盘 自助取数)', '罗盘 自助取数'),
    grain: 'day',
    // Its tell-tales: 统计日期 next to 日期, full-width qualifiers such as 退款金额（支付时间）.
    matches: (k, raw) => (has(k, '统计日期') && has(k, '日期')) || raw.some((h) => /（(支付时间|退款时间|店铺被投|店铺绑定)）/u.test(h)),
    note: text('cells stored as text are parsed as numbers and dates', '以文本存储的单元格已按数字与日期解析'),
  },
  {
    id: 'compass_overview',
    name: text('Compass business overview (罗盘 经营概览)', '罗盘 经营概览'),
    grain: 'day',
    matches: (k) => has(k, '千次曝光成交金额', '成交客单价', '商品曝光次数', '商品点击次数') && has(k, '成交金额', '用户支付金额'),
  },
  {
    id: 'qianchuan_uni_dimension',
    name: text('Qianchuan Uni plan/product/material daily (千川全域 计划/商品/素材)', '千川全域 计划/商品/素材 日报'),
    grain: 'day_dimension',
    matches: (k) =>
      has(k, '整体消耗', '基础消耗') &&
      has(k, '计划名称', '计划id', '计划', '商品名称', '商品id', '商品', '素材名称', '素材id', '素材', '追投调控消耗', '基础消耗'),
    note: text('rows per day × plan/product/material summed per day; no paid GMV (whole-room figures)', '按天汇总各计划/商品/素材的行；无付费成交（整体口径）'),
  },
  {
    id: 'qianchuan_uni_live',
    name: text('Qianchuan Uni live / Douyin account daily (千川全域 直播分析/抖音号)', '千川全域 直播分析/抖音号 日报'),
    grain: 'day_dimension',
    matches: (k) =>
      has(k, '整体消耗') &&
      has(k, '整体成交金额', '整体成交订单数') &&
      // 整体支付ROI alone is also in older mixed reports that carry 直接成交金额: those stay plain tables.
      (has(k, '净成交金额', '净成交roi', '抖音号', '抖音号名称', '抖音号id', '1小时内退款率', '直播间整体曝光次数', '账户id', '整体成交订单成本') ||
        (has(k, '整体支付roi') && !has(k, '直接成交金额', '直接成交订单数'))),
    note: text(
      'whole-room GMV and spend with no paid/organic split: paid GMV unknown (null), not 0',
      '整体成交与整体消耗，无自然/付费拆分：付费成交记为未知，而非 0',
    ),
  },
  {
    id: 'qianchuan_standard',
    name: text('Qianchuan standard promotion daily (千川标准推广)', '千川标准推广 日报'),
    grain: 'day_dimension',
    matches: (k) =>
      has(k, '消耗') &&
      has(k, '直接成交金额', '直接支付roi', '7日总成交金额') &&
      !has(k, '成交金额', '整体成交金额', '用户支付金额', '直播间成交金额', '直播间用户支付金额', '销售额', 'gmv'),
    note: text(
      'paid-only export: GMV and orders here are 直接成交 (paid) figures; the whole-room GMV must come from a 罗盘 file or sheet',
      '仅付费数据：此处成交金额与订单为直接成交（付费）口径；整场成交需来自罗盘文件或工作表',
    ),
  },
  {
    id: 'baiying_session',
    name: text('Buyin single-session detail (百应 单场)', '百应 单场明细'),
    grain: 'session',
    matches: (k) => has(k, '自然流量观看人数', '付费流量观看人数') && has(k, '直播时间', '渠道名称', '直播开始时间'),
    note: text('per-session organic/paid viewers are 人数 (unique viewers), not 次数', '单场自然/付费观看为人数（去重），不是次数'),
  },
];

/** Read by their own readers (families/side-families.ts): listed here for their names and ids. */
export const SIDE_FAMILIES: readonly Family[] = [
  {
    id: 'compass_traffic_sources',
    name: text('Compass traffic sources (罗盘 流量来源)', '罗盘 流量来源'),
    grain: 'day_dimension',
    matches: (k) =>
      has(k, '流量来源', '流量渠道', '流量来源渠道', '来源渠道', '一级渠道', '二级渠道', '一级流量来源', '二级流量来源') &&
      has(k, '观看人数', '观看次数', '直播间观看人数', '直播间观看次数', '观看人次'),
    note: text('channels summed per day; a 全部 row is the total, never added', '按天汇总各渠道；全部行为合计，不相加'),
  },
  {
    id: 'compass_short_video',
    name: text('Compass short videos daily (罗盘 短视频)', '罗盘 短视频 日报'),
    grain: 'day',
    matches: (k) => has(k, '播放量', '视频播放量', '短视频播放量') && has(k, '完播率', '短视频引流直播间人数', '引流直播间人数', '收藏数', '收藏次数'),
    note: text('videos summed per day; GMV is the 短视频 carrier only', '按天汇总各视频；成交金额仅为短视频载体'),
  },
];

export const GENERIC: Family = {
  id: 'generic',
  name: text('plain history table', '通用历史数据表'),
  grain: 'day',
  matches: () => true,
};

export const FAMILY_IDS: readonly FamilyId[] = [...FAMILIES.map((f) => f.id), ...SIDE_FAMILIES.map((f) => f.id), 'generic'];

export function familyById(id: FamilyId): Family {
  return FAMILIES.find((f) => f.id === id) ?? SIDE_FAMILIES.find((f) => f.id === id) ?? GENERIC;
}

/** A paid-only export: its GMV is the ads' own (直接成交), never the whole room's. */
export function isPaidOnly(id: FamilyId): boolean {
  return id === 'qianchuan_standard';
}

/** A 千川 export: the shop's own GMV (罗盘, a plain shop table) comes before its figures. */
export function isAdsExport(id: FamilyId): boolean {
  return id.startsWith('qianchuan_');
}

/** The family of a header row. */
export function recognizeFamily(headerRow: readonly Cell[]): Family {
  const raw = headerRow.filter((c): c is string => typeof c === 'string').map((c) => toSimplified(c.trim()));
  const keys = new Set(raw.map(headerKey));
  return SIDE_FAMILIES.find((f) => f.matches(keys, raw)) ?? FAMILIES.find((f) => f.matches(keys, raw)) ?? GENERIC;
}
