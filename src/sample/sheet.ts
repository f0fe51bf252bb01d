/**
 * A History written back as a Chinese Compass-style export (罗盘 直播间 details): one row per
 * live session with a start date-time, the headers real exports use, extra columns the reader
 * must ignore, and — seeded — a few messy cells ("1.2万", "¥1,234", "--", full-width digits)
 * and a 合计 totals row after a blank line. Reading it back gives the same daily history.
 * Pure: used by the sample workbook, the fixtures and the property tests.
 */
import type { Cell } from '../data/table';
import { groupDigits } from '../i18n/number';
import { dateToExcelSerial } from '../data/cells';
import type { DayRecord, History } from '../model/core';
import { Rng } from '../model/numeric';
import { generateMerchant } from './merchant';

export const COMPASS_HEADERS = [
  '直播开始时间',
  '直播间标题',
  '直播时长(分钟)',
  '直播间观看次数',
  '直播间观看人数',
  '自然流量观看次数',
  '千川观看次数',
  '直播间曝光人数',
  '直播间商品点击人数',
  '成交订单数',
  '直播间成交人数',
  '直播间成交金额',
  '退款金额',
  '千川消耗',
  '直接成交金额',
  '直接成交订单数',
  '千次观看成交金额',
  '成交转化率',
] as const;

export interface CompassOptions {
  seed?: number;
  /** Sessions per day: 1…maxSessions (default 3). */
  maxSessions?: number;
  /** Seeded messy cells and a totals row (default true). */
  messy?: boolean;
}

const SLOTS = ['10:00:00', '14:00:00', '20:00:00', '22:30:00'];

/** Split a whole number into parts proportional to weights; the parts sum to n exactly. */
export function splitInteger(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((n * w) / total));
  const rest = n - parts.reduce((a, b) => a + b, 0);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + rest;
  return parts;
}

/** Split money in cents, so the parts add back to the day exactly. */
export function splitMoney(x: number, weights: readonly number[]): number[] {
  return splitInteger(Math.round(x * 100), weights).map((c) => c / 100);
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string): string => s.replace(/\d/gu, (d) => FULL_WIDTH_DIGITS[Number(d)] as string);

const grouped = (x: number, decimals: number): string => groupDigits(x, decimals);

type Field = 'views' | 'organicViews' | 'paidViews' | 'orders' | 'paidOrders' | 'buyers' | 'impressions' | 'clicks';
type MoneyField = 'gmv' | 'refundAmount' | 'spend' | 'paidGmv';

function splitDay(d: DayRecord, weights: readonly number[]) {
  const ints = (f: Field): (number | null)[] => {
    const v = d[f];
    return v === null ? weights.map(() => null) : splitInteger(v, weights);
  };
  const money = (f: MoneyField): (number | null)[] => {
    const v = d[f];
    return v === null ? weights.map(() => null) : splitMoney(v, weights);
  };
  const organic = ints('organicViews');
  const paid = ints('paidViews');
  // Views per session = organic + paid when both are known, so the sessions stay consistent.
  const views =
    d.organicViews !== null && d.paidViews !== null && d.views === d.organicViews + d.paidViews
      ? organic.map((o, k) => (o ?? 0) + (paid[k] ?? 0))
      : ints('views');
  return {
    views,
    organic,
    paid,
    orders: ints('orders'),
    paidOrders: ints('paidOrders'),
    buyers: ints('buyers'),
    impressions: ints('impressions'),
    clicks: ints('clicks'),
    gmv: money('gmv'),
    refund: money('refundAmount'),
    spend: money('spend'),
    paidGmv: money('paidGmv'),
  };
}

/**
 * Compass-style cells: header row, one row per session, then (messy) a blank row and 合计.
 * Row order is ascending by start time.
 */
export function historyToCompassCells(history: History, options: CompassOptions = {}): Cell[][] {
  const rng = new Rng(options.seed ?? 1);
  const maxSessions = Math.max(1, Math.min(SLOTS.length, options.maxSessions ?? 3));
  const messy = options.messy ?? true;
  const chance = (p: number): boolean => messy && rng.uniform() < p;
  const rows: Cell[][] = [[...COMPASS_HEADERS]];
  const sums = { views: 0, orders: 0, gmv: 0, refund: 0, spend: 0, paidGmv: 0 };
  for (const d of history.days) {
    const k = 1 + Math.floor(rng.uniform() * maxSessions);
    const weights = Array.from({ length: k }, () => 0.3 + rng.uniform());
    const slots = SLOTS.slice(SLOTS.length - k);
    const s = splitDay(d, weights);
    for (let j = 0; j < k; j++) {
      const views = s.views[j] ?? null;
      const orders = s.orders[j] ?? 0;
      const gmv = s.gmv[j] ?? 0;
      const spend = s.spend[j] ?? 0;
      const paidGmv = s.paidGmv[j] ?? null;
      const minutes = 60 + Math.round(rng.uniform() * 180);
      let viewsCell: Cell = views;
      if (views !== null && views >= 10000 && chance(0.3)) viewsCell = `${views / 10000}万`;
      let gmvCell: Cell = gmv;
      if (chance(0.08)) gmvCell = `¥${grouped(gmv, 2)}`;
      let spendCell: Cell = spend;
      if (spend >= 1000 && chance(0.08)) spendCell = grouped(spend, 2);
      let paidGmvCell: Cell = paidGmv;
      if (spend === 0 && (paidGmv ?? 0) === 0 && chance(0.5)) paidGmvCell = '--';
      let ordersCell: Cell = orders;
      if (chance(0.03)) ordersCell = toFullWidth(String(orders));
      const cvr = views ? `${((100 * orders) / views).toFixed(2)}%` : '--';
      const gpm = views ? Math.round((1000 * gmv * 100) / views) / 100 : '--';
      rows.push([
        `${d.date} ${slots[j]}`,
        `直播间 ${d.date.slice(5)} 第${j + 1}场`,
        minutes,
        viewsCell,
        views === null ? null : Math.round(views * 0.72),
        s.organic[j] ?? null,
        s.paid[j] ?? null,
        s.impressions[j] ?? null,
        s.clicks[j] ?? null,
        ordersCell,
        s.buyers[j] ?? null,
        gmvCell,
        s.refund[j] ?? null,
        spendCell,
        paidGmvCell,
        s.paidOrders[j] ?? null,
        gpm,
        cvr,
      ]);
    }
    sums.views += d.views ?? 0;
    sums.orders += d.orders;
    sums.gmv += d.gmv;
    sums.refund += d.refundAmount ?? 0;
    sums.spend += d.spend;
    sums.paidGmv += d.paidGmv ?? 0;
  }
  if (messy) {
    const r2 = (x: number): number => Math.round(x * 100) / 100;
    rows.push(COMPASS_HEADERS.map(() => null));
    const total: Cell[] = COMPASS_HEADERS.map(() => null);
    total[0] = '合计';
    total[3] = sums.views;
    total[9] = sums.orders;
    total[11] = r2(sums.gmv);
    total[12] = r2(sums.refund);
    total[13] = r2(sums.spend);
    total[14] = r2(sums.paidGmv);
    rows.push(total);
  }
  return rows;
}

export const DAILY_HEADERS = [
  '日期',
  '直播间观看次数',
  '自然流量观看次数',
  '千川观看次数',
  '成交订单数',
  '成交金额',
  '退款金额',
  '千川消耗',
  '直接成交金额',
  '直接成交订单数',
] as const;

/** One row per day, dates as Excel serials (what an Office.js range hands over): for benchmarks. */
export function makeDailyCells(days: number, seed = 1): Cell[][] {
  const { history } = generateMerchant(seed, { days });
  return [
    [...DAILY_HEADERS],
    ...history.days.map((d) => [
      dateToExcelSerial(d.date),
      d.views,
      d.organicViews,
      d.paidViews,
      d.orders,
      d.gmv,
      d.refundAmount,
      d.spend,
      d.paidGmv,
      d.paidOrders,
    ]),
  ];
}
