/**
 * The sample merchant workbook (assets/sample/merchant-sample.xlsx): a Compass-style history
 * sheet "直播数据" (not "History": Excel reserves that name), an assumptions sheet "投放假设"
 * (key | 中文名 | 单位 | Base | Conservative | Aggressive | 说明) and a sheet with the true
 * parameters the sample was generated from, so the engine's estimates can be checked.
 */
import { Workbook } from 'exceljs';
import { ASSUMPTIONS, type AssumptionKey, type AssumptionValues } from '../model/settings';
import type { History } from '../model/core';
import { DEFAULT_PRESETS } from '../model/economics';
import { generateMerchant, type MerchantTruth } from './merchant';
import { historyToCompassCells } from './sheet';

export const SAMPLE_HISTORY_SHEET = '直播数据';
export const SAMPLE_ASSUMPTIONS_SHEET = '投放假设';
export const SAMPLE_TRUTH_SHEET = '样本真实参数';

/** The sample merchant's own numbers (Base column); presets supply the scenario levers. */
export const SAMPLE_BASE: AssumptionValues = {
  cogs_rate: 0.35,
  fee_rate: 0.05,
  commission_rate: 0,
  shipping_per_order: 6,
  return_shipping: 6,
  resale_rate: 0.8,
  fixed_cost_per_day: 800,
  cash_available: 150000,
  cash_reserve: 20000,
  settlement_days: 15,
  prepay_days: 1,
  inventory_days: 7,
  capacity_orders_per_day: 400,
  horizon_days: 90,
  baseline_days: 28,
};

const NOTES: Partial<Record<AssumptionKey, string>> = {
  cogs_rate: '进货成本占售价的比例',
  refund_rate: '留空则按历史退款金额/成交金额计算',
  fee_rate: '以类目实际费率为准',
  cash_available: '今天可用于经营的现金',
  capacity_orders_per_day: '仓库与客服每天能处理的订单数',
  safety_margin: '边际投产比需高于保本投产比的幅度',
  ramp_rate: '每天预算最多上调的比例',
  lift_lambda: '留空则由历史估计；保守方案不计撬动',
  organic_drift: '自然流每天的变化率',
  max_extrapolation: '预算最多为历史最高日消耗的倍数',
};

const UNIT_ZH: Record<string, string> = {
  rate: '比例',
  rate_per_day: '比例/天',
  money: '元',
  days: '天',
  orders: '单/天',
  ratio: '倍',
  sd: '对数标准差',
  seconds: '秒',
  choice: '选项',
};

function scenarioColumns(own: AssumptionValues): { name: string; values: AssumptionValues }[] {
  const base = DEFAULT_PRESETS.find((p) => p.name === 'Base');
  const merged: AssumptionValues = { ...own, ...(base?.values ?? {}) };
  return [
    { name: 'Base', values: merged },
    ...DEFAULT_PRESETS.filter((p) => p.name !== 'Base').map((p) => ({ name: p.name, values: p.values })),
  ];
}

/** The assumptions table as cells; blanks in Conservative/Aggressive inherit Base. `own`: the merchant's numbers (Base column). */
export function sampleAssumptionCells(own: AssumptionValues = SAMPLE_BASE): (string | number | null)[][] {
  const cols = scenarioColumns(own);
  const keys = (Object.keys(ASSUMPTIONS) as AssumptionKey[]).filter((k) => cols.some((c) => c.values[k] !== undefined) || k === 'refund_rate');
  return [
    ['key', '中文名', '单位', ...cols.map((c) => c.name), '说明'],
    ...keys.map((k) => [
      k,
      ASSUMPTIONS[k].zh,
      UNIT_ZH[ASSUMPTIONS[k].unit] ?? ASSUMPTIONS[k].unit,
      ...cols.map((c, i) => {
        const v = c.values[k];
        // Scenario columns only show what differs from Base.
        if (i > 0 && v === (cols[0] as { values: AssumptionValues }).values[k]) return null;
        return v ?? null;
      }),
      NOTES[k] ?? null,
    ]),
  ];
}

function truthRows(truth: object): (string | number)[][] {
  const rows: (string | number)[][] = [['参数 parameter', '值 value']];
  const flat = (prefix: string, o: object): void => {
    for (const [k, v] of Object.entries(o)) {
      if (v === null) rows.push([prefix + k, 'null']);
      else if (Array.isArray(v)) rows.push([prefix + k, v.join(', ')]);
      else if (typeof v === 'object') flat(`${prefix}${k}.`, v as object);
      else rows.push([prefix + k, v as string | number]);
    }
  };
  flat('', truth);
  return rows;
}

export interface SampleWorkbook {
  workbook: Workbook;
  truth: MerchantTruth;
  history: History;
}

export function buildSampleWorkbook(seed = 1, overrides: Partial<MerchantTruth> = {}): SampleWorkbook {
  const { truth, history } = generateMerchant(seed, overrides);
  const wb = new Workbook();
  wb.creator = 'AdPlan sample generator';
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;

  const hs = wb.addWorksheet(SAMPLE_HISTORY_SHEET);
  for (const row of historyToCompassCells(history, { seed })) hs.addRow(row);
  hs.getRow(1).font = { bold: true };
  hs.views = [{ state: 'frozen', ySplit: 1 }];
  hs.columns.forEach((c, j) => {
    c.width = j === 0 ? 20 : j === 1 ? 22 : 14;
  });

  addAssumptionsSheet(wb, SAMPLE_BASE);
  addTruthSheet(wb, truth);
  return { workbook: wb, truth, history };
}

/** The 投放假设 sheet (shared by every sample workbook). */
export function addAssumptionsSheet(wb: Workbook, own: AssumptionValues): void {
  const as = wb.addWorksheet(SAMPLE_ASSUMPTIONS_SHEET);
  for (const row of sampleAssumptionCells(own)) as.addRow(row);
  as.getRow(1).font = { bold: true };
  as.columns.forEach((c, j) => {
    c.width = j === 0 ? 24 : j === 1 ? 22 : j >= 6 ? 40 : 14;
  });
}

/** The 样本真实参数 sheet: the generator's truth, flattened, so estimates can be checked. */
export function addTruthSheet(wb: Workbook, truth: object): void {
  const ts = wb.addWorksheet(SAMPLE_TRUTH_SHEET);
  for (const row of truthRows(truth)) ts.addRow(row);
  ts.getRow(1).font = { bold: true };
  ts.getColumn(1).width = 32;
  ts.getColumn(2).width = 40;
}

export async function sampleWorkbookBytes(seed = 1, overrides: Partial<MerchantTruth> = {}): Promise<Uint8Array> {
  const { workbook } = buildSampleWorkbook(seed, overrides);
  const buf = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
