/**
 * The ADPLAN formulas of the demo workbook and of the function reference's examples: one list,
 * so the demo's dashboard and docs/functions.md show the same formulas with the same results.
 * Each example knows its formula text (with the demo workbook's ranges) and how to evaluate it
 * through the functions' own implementations (zh-CN headers, as the demo is Chinese).
 */
import type { Cell } from '../data/table';
import type { Lang } from '../i18n/text';
import { baselineResult } from '../functions/baseline';
import { curveSpill, fitCurveSpill, mroiValue, optimalSpendValue, responseValue } from '../functions/curve';
import { cashflowSpill, kpiCell, planSpill, readinessSpill, sensitivitySpill, simulateCell } from '../functions/planning';
import { historyArg } from '../functions/inputs';
import { backtestResult, reviewSpill } from '../functions/review';
import { breakEvenRoiOf, unitMarginOf } from '../functions/unit-economics';
import { addDays } from '../model/core';

export const DEMO_SHEETS = {
  history: '直播数据',
  assumptions: '投放假设',
  daily: '日汇总',
  dashboard: '看板',
  plan: '计划',
} as const;

export interface DemoRanges {
  history: Cell[][];
  assumptions: Cell[][];
  spend: Cell[][];
  paidGmv: Cell[][];
  gmv: Cell[][];
  historyRef: string;
  assumptionsRef: string;
  spendRef: string;
  paidGmvRef: string;
  gmvRef: string;
  /** 日汇总's small key/value table for CASHFLOW (refund_rate and aov from BASELINE). */
  cashTable: Cell[][];
  cashTableRef: string;
}

export type ExampleResult = number | string | (string | number | boolean)[][];

export interface FormulaExample {
  id: string;
  /** Where the formula goes (top-left of a spill). */
  sheet: 'dashboard' | 'plan' | 'daily';
  at: string;
  /** Caption written beside (scalars) or above (spills) the formula. */
  label?: string;
  labelAt?: string;
  spill?: boolean;
  formula: (r: DemoRanges) => string;
  evaluate: (r: DemoRanges, lang: Lang) => ExampleResult;
}

const LANG: Lang = 'zh-CN';
/** Where FITCURVE spills on the dashboard; RESPONSE, MROI and OPTIMALSPEND read it there. */
const CURVE_AT = { col: 'E', row: 4 };

function curveRef(r: DemoRanges): string {
  const rows = fitCurveSpill(r.spend, r.paidGmv, null, LANG).length;
  return `$${CURVE_AT.col}$${CURVE_AT.row}:$F$${CURVE_AT.row + rows - 1}`;
}

function curveCells(r: DemoRanges): (string | number | boolean)[][] {
  return fitCurveSpill(r.spend, r.paidGmv, null, LANG);
}

const econArgs = (r: DemoRanges): unknown[] => {
  const aov = baselineResult(r.history, 'aov', null, LANG)[0]?.[0];
  const refund = baselineResult(r.history, 'refund_rate', null, LANG)[0]?.[0];
  const v = (key: string): Cell => r.assumptions.find((row) => row[0] === key)?.[3] ?? null;
  return [v('cogs_rate'), refund, v('fee_rate'), v('commission_rate'), v('shipping_per_order'), aov, v('return_shipping'), v('resale_rate')];
};
const econFormula = (fn: string) => (r: DemoRanges) =>
  `=ADPLAN.${fn}(${DEMO_SHEETS.assumptions}!D2,ADPLAN.BASELINE(${r.historyRef},"refund_rate"),${DEMO_SHEETS.assumptions}!D4,${DEMO_SHEETS.assumptions}!D5,${DEMO_SHEETS.assumptions}!D6,ADPLAN.BASELINE(${r.historyRef},"aov"),${DEMO_SHEETS.assumptions}!D7,${DEMO_SHEETS.assumptions}!D8)`;

const scalar = (v: Cell | undefined): ExampleResult => (typeof v === 'number' || typeof v === 'string' ? v : '');
const H = (r: DemoRanges) => r.historyRef;
/** REVIEW's example: a plan made two weeks before the history ends. */
const reviewStart = (r: DemoRanges): string => {
  const days = historyArg(r.history).history.days;
  return addDays(days[days.length - 1]!.date, -13);
};
const A = (r: DemoRanges) => r.assumptionsRef;

export const FORMULA_EXAMPLES: readonly FormulaExample[] = [
  { id: 'UNITMARGIN', sheet: 'dashboard', at: 'B3', label: '单位贡献率', formula: econFormula('UNITMARGIN'), evaluate: (r) => unitMarginOf(...(econArgs(r) as Parameters<typeof unitMarginOf>)) },
  { id: 'BREAKEVENROI', sheet: 'dashboard', at: 'B4', label: '保本投产比', formula: econFormula('BREAKEVENROI'), evaluate: (r) => breakEvenRoiOf(...(econArgs(r) as Parameters<typeof breakEvenRoiOf>)) },
  { id: 'BASELINE', sheet: 'dashboard', at: 'B5', label: '自然转化率 (cvr)', formula: (r) => `=ADPLAN.BASELINE(${H(r)},"cvr")`, evaluate: (r, l) => scalar(baselineResult(r.history, 'cvr', null, l)[0]?.[0]) },
  { id: 'KPI', sheet: 'dashboard', at: 'B6', label: '可持续日消耗 (Base)', formula: (r) => `=ADPLAN.KPI(${H(r)},${A(r)},"sustainable_spend")`, evaluate: (r) => kpiCell(r.history, r.assumptions, 'sustainable_spend', null, null) },
  { id: 'KPI', sheet: 'dashboard', at: 'B7', label: '计划总利润 (Base)', formula: (r) => `=ADPLAN.KPI(${H(r)},${A(r)},"total_profit","Base")`, evaluate: (r) => kpiCell(r.history, r.assumptions, 'total_profit', 'Base', null) },
  { id: 'KPI', sheet: 'dashboard', at: 'B8', label: '计划总利润 (Conservative)', formula: (r) => `=ADPLAN.KPI(${H(r)},${A(r)},"total_profit","Conservative")`, evaluate: (r) => kpiCell(r.history, r.assumptions, 'total_profit', 'Conservative', null) },
  { id: 'KPI', sheet: 'dashboard', at: 'B9', label: '峰值占用资金 (Base)', formula: (r) => `=ADPLAN.KPI(${H(r)},${A(r)},"peak_capital")`, evaluate: (r) => kpiCell(r.history, r.assumptions, 'peak_capital', null, null) },
  { id: 'KPI', sheet: 'dashboard', at: 'B10', label: '回本天数 (Base)', formula: (r) => `=ADPLAN.KPI(${H(r)},${A(r)},"payback_day")`, evaluate: (r) => kpiCell(r.history, r.assumptions, 'payback_day', null, null) },
  { id: 'SIMULATE', sheet: 'dashboard', at: 'B11', label: '利润 P10 (1000 次模拟)', formula: (r) => `=ADPLAN.SIMULATE(${H(r)},${A(r)},"total_profit",0.1)`, evaluate: (r) => simulateCell(r.history, r.assumptions, 'total_profit', 0.1, null, null, null) },
  { id: 'SIMULATE', sheet: 'dashboard', at: 'B12', label: '亏损概率', formula: (r) => `=ADPLAN.SIMULATE(${H(r)},${A(r)},"p_loss")`, evaluate: (r) => simulateCell(r.history, r.assumptions, 'p_loss', null, null, null, null) },
  { id: 'RESPONSE', sheet: 'dashboard', at: 'B13', label: '日消耗 2000 时的付费成交', formula: (r) => `=ADPLAN.RESPONSE(2000,${curveRef(r)})`, evaluate: (r) => responseValue(2000, curveCells(r)) },
  { id: 'MROI', sheet: 'dashboard', at: 'B14', label: '日消耗 2000 时的边际投产比', formula: (r) => `=ADPLAN.MROI(2000,${curveRef(r)})`, evaluate: (r) => mroiValue(2000, curveCells(r)) },
  {
    id: 'OPTIMALSPEND',
    sheet: 'dashboard',
    at: 'B15',
    label: '达到目标边际投产比的日消耗',
    formula: (r) => `=ADPLAN.OPTIMALSPEND(${curveRef(r)},ADPLAN.KPI(${H(r)},${A(r)},"target_marginal_roi"))`,
    evaluate: (r) => optimalSpendValue(curveCells(r), kpiCell(r.history, r.assumptions, 'target_marginal_roi', null, null)),
  },
  { id: 'FITCURVE', sheet: 'dashboard', at: `${CURVE_AT.col}${CURVE_AT.row}`, labelAt: `${CURVE_AT.col}${CURVE_AT.row - 1}`, label: '付费响应曲线 (FITCURVE)', spill: true, formula: (r) => `=ADPLAN.FITCURVE(${r.spendRef},${r.paidGmvRef})`, evaluate: (r, l) => fitCurveSpill(r.spend, r.paidGmv, null, l) },
  { id: 'READINESS', sheet: 'dashboard', at: 'H4', labelAt: 'H3', label: '放量准备度 (READINESS)', spill: true, formula: (r) => `=ADPLAN.READINESS(${H(r)},${A(r)})`, evaluate: (r, l) => readinessSpill(r.history, r.assumptions, null, l) },
  { id: 'BASELINE', sheet: 'dashboard', at: 'E17', labelAt: 'E16', label: '自然流基线 (BASELINE)', spill: true, formula: (r) => `=ADPLAN.BASELINE(${H(r)})`, evaluate: (r, l) => baselineResult(r.history, null, null, l) },
  { id: 'SENSITIVITY', sheet: 'dashboard', at: 'H17', labelAt: 'H16', label: '敏感性 (SENSITIVITY)', spill: true, formula: (r) => `=ADPLAN.SENSITIVITY(${H(r)},${A(r)})`, evaluate: (r, l) => sensitivitySpill(r.history, r.assumptions, null, null, l) },
  { id: 'PLAN', sheet: 'plan', at: 'A1', spill: true, formula: (r) => `=ADPLAN.PLAN(${H(r)},${A(r)},"Base")`, evaluate: (r, l) => planSpill(r.history, r.assumptions, 'Base', null, null, l) },
  { id: 'BACKTEST', sheet: 'dashboard', at: 'A18', labelAt: 'A17', label: '回测 (BACKTEST)', spill: true, formula: (r) => `=ADPLAN.BACKTEST(${H(r)},${A(r)})`, evaluate: (r, l) => backtestResult(r.history, r.assumptions, null, l) },
  { id: 'REVIEW', sheet: 'daily', at: 'L2', labelAt: 'L1', label: '复盘 (REVIEW)', spill: true, formula: (r) => `=ADPLAN.REVIEW(${H(r)},${A(r)},"${reviewStart(r)}")`, evaluate: (r, l) => reviewSpill(r.history, r.assumptions, reviewStart(r), null, null, l) },
  { id: 'CASHFLOW', sheet: 'daily', at: 'F1', spill: true, formula: (r) => `=ADPLAN.CASHFLOW(${r.spendRef},${r.gmvRef},${r.cashTableRef})`, evaluate: (r, l) => cashflowSpill(r.spend, r.gmv, r.cashTable, null, l) },
];

export function evaluateExample(ex: FormulaExample, r: DemoRanges, lang: Lang = LANG): ExampleResult {
  return ex.evaluate(r, lang);
}

/** The curve spill as RESPONSE reads it (exported for the docs). */
export { curveSpill };
