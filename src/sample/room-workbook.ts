/**
 * The 全域 sample workbook (assets/sample/qianchuan-uni-sample.xlsx): sheet 1 shaped like a real
 * 千川全域推广 直播/抖音号 daily export (docs/data.md "Real export families": whole-room spend and GMV,
 * no paid split, numbers as text with ",", rates as "1.20%", "-" when undefined, a 全部 total
 * row first), then the same 投放假设 and 样本真实参数 sheets as the direct sample.
 */
import { Workbook } from 'exceljs';
import { groupDigits } from '../i18n/number';
import type { AssumptionValues } from '../model/settings';
import type { History } from '../model/core';
import { generateRoomMerchant, type RoomTruth } from './room-merchant';
import { addAssumptionsSheet, addTruthSheet, SAMPLE_BASE } from './workbook';

export const ROOM_SAMPLE_SHEET = '全域推广数据';
export const ROOM_SAMPLE_ACCOUNT = '样本直播间';

/** Headers verbatim from the 千川全域 抖音号 daily export. */
export const ROOM_EXPORT_HEADERS = ['抖音号名称', '日期', '整体消耗', '整体支付ROI', '整体成交金额', '整体成交订单数', '净成交金额', '净成交ROI', '直播间整体曝光次数', '1小时内退款率'] as const;

/**
 * The sample's truth: 10 organic-only days, then always-on spend wandering over a 6.7× band
 * (1,200–8,000 元/day) around a true S* of about 3,300 元/day under the Base economics.
 */
export const ROOM_SAMPLE_TRUTH: Partial<RoomTruth> = {
  days: 90,
  startDate: '2026-09-01',
  organicPerDay: 8000,
  curve: { gmax: 40000, k: 4000, a: 1 },
  preAdDays: 10,
  lowMultiple: 0.3,
  highMultiple: 2,
};

/** The sample merchant's own numbers: the direct sample's, with refund_rate stated (全域 exports carry no 退款金额). */
export function roomSampleBase(truth: RoomTruth): AssumptionValues {
  return { ...SAMPLE_BASE, refund_rate: truth.refundRate };
}

const money = (x: number): string => groupDigits(x, 2);
const count = (x: number): string => groupDigits(Math.round(x));
const ratio = (num: number, den: number): string => (den > 0 ? (num / den).toFixed(2) : '-');
const percent = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : `${(100 * x).toFixed(2)}%`);
/** The export counts exposures, not views: a fixed multiple keeps the sample deterministic. */
const exposures = (views: number | null): number => (views ?? 0) * 12;

/** The export's cells: header, the 全部 period-total row, then one row per day. */
export function historyToUniExportCells(history: History): string[][] {
  const sum = (f: (d: History['days'][number]) => number): number => history.days.reduce((s, d) => s + f(d), 0);
  const spend = sum((d) => d.spend);
  const gmv = sum((d) => d.gmv);
  const net = sum((d) => d.netGmv ?? d.gmv);
  const first = history.days[0]?.date ?? '';
  const last = history.days[history.days.length - 1]?.date ?? '';
  const total = ['全部', `${first}至${last}`, money(spend), ratio(gmv, spend), money(gmv), count(sum((d) => d.orders)), money(net), ratio(net, spend), count(sum((d) => exposures(d.views))), percent(gmv > 0 ? 1 - net / gmv : null)];
  const rows = history.days.map((d) => {
    const n = d.netGmv ?? d.gmv;
    return [ROOM_SAMPLE_ACCOUNT, d.date, money(d.spend), ratio(d.gmv, d.spend), money(d.gmv), count(d.orders), money(n), ratio(n, d.spend), count(exposures(d.views)), percent(d.refund1hRate)];
  });
  return [[...ROOM_EXPORT_HEADERS], total, ...rows];
}

export interface RoomSampleWorkbook {
  workbook: Workbook;
  truth: RoomTruth;
  history: History;
  assumptions: AssumptionValues;
}

export function buildRoomSampleWorkbook(seed = 1, overrides: Partial<RoomTruth> = {}): RoomSampleWorkbook {
  const { truth, history } = generateRoomMerchant(seed, { ...ROOM_SAMPLE_TRUTH, ...overrides });
  const wb = new Workbook();
  wb.creator = 'AdPlan sample generator';
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;

  const hs = wb.addWorksheet(ROOM_SAMPLE_SHEET);
  for (const row of historyToUniExportCells(history)) hs.addRow(row);
  hs.getRow(1).font = { bold: true };
  hs.views = [{ state: 'frozen', ySplit: 1 }];
  hs.columns.forEach((c, j) => {
    c.width = j === 1 ? 24 : 14;
  });

  const assumptions = roomSampleBase(truth);
  addAssumptionsSheet(wb, assumptions);
  addTruthSheet(wb, truth);
  return { workbook: wb, truth, history, assumptions };
}

export async function roomSampleWorkbookBytes(seed = 1, overrides: Partial<RoomTruth> = {}): Promise<Uint8Array> {
  const { workbook } = buildRoomSampleWorkbook(seed, overrides);
  const buf = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
