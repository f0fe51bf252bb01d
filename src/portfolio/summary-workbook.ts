/**
 * The `--out summary.xlsx` workbook: a ranked summary sheet (one row per merchant, conditional
 * formatting, frozen header, filters, number formats) and one sheet per tier (rank within tier).
 * Built in memory with ExcelJS (browser-safe); saving is in save-workbook.ts.
 */
import { Workbook, type Color, type DataBarRuleType, type Worksheet } from 'exceljs';
import { columnLetters } from '../data/formats';
import { numberFormat, printA4Landscape, type NumberKind } from '../data/formats';
import { pick, text, type Lang, type Text } from '../i18n/text';
import type { KpiReport } from '../model/report';
import { COLUMN, STATUS_LABEL, TIER_LABEL } from './labels';
import { isPlanned, TIERS, type MerchantRow, type PortfolioSummary, type Tier } from './types';

type Value = string | number | null;

/** ExcelJS writes a data bar's colour but its typings omit the field. */
type DataBarRule = DataBarRuleType & { color: Partial<Color> };

interface Column {
  header: Text;
  width: number;
  /** A number format code, or the kind whose code depends on the language (money: ¥ in Chinese). */
  numFmt?: string | NumberKind;
  value: (r: MerchantRow, rank: number, lang: Lang) => Value;
}

/** A KPI column: blank on a row the engine could not plan. */
function kpi(key: keyof KpiReport): (r: MerchantRow) => Value {
  return (r) => (isPlanned(r) ? (r.kpis[key] ?? null) : null);
}

const MONEY: NumberKind = 'money';
const PCT = numberFormat('rate', 'en-US');
const KINDS: readonly string[] = ['money', 'rate', 'ratio', 'count', 'date', 'day'];

function formatCode(f: string | NumberKind, lang: Lang): string {
  return KINDS.includes(f) ? numberFormat(f as NumberKind, lang) : f;
}

/** The file's name without its folders: a provider's local paths stay out of a workbook they send on. */
export function fileName(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path;
}

/** The reason, its mention of the file's path shortened to the file's name. */
function reasonText(r: MerchantRow, lang: Lang): string {
  const said = pick(r.reason, lang);
  return r.file === fileName(r.file) ? said : said.split(r.file).join(fileName(r.file));
}

/**
 * Key columns first: the summary prints them on one A4 landscape page (PRINTED); the detail
 * columns after them stay on screen and in filters.
 */
const COLUMNS: readonly Column[] = [
  { header: COLUMN.rank, width: 7, value: (_r, rank) => rank },
  { header: COLUMN.tier, width: 14, value: (r, _k, lang) => pick(TIER_LABEL[r.tier], lang) },
  { header: COLUMN.merchant, width: 24, value: (r) => r.merchant ?? fileName(r.file).replace(/\.(xlsx|xlsm|csv|txt)$/iu, '') },
  { header: COLUMN.status, width: 10, value: (r, _k, lang) => pick(STATUS_LABEL[r.status], lang) },
  { header: COLUMN.scenario, width: 12, value: (r) => r.scenario },
  { header: COLUMN.sustainableSpend, width: 14, numFmt: MONEY, value: kpi('sustainableSpend') },
  { header: COLUMN.totalProfit, width: 16, numFmt: MONEY, value: kpi('totalProfit') },
  { header: COLUMN.annualReturn, width: 14, numFmt: PCT, value: (r) => r.annualReturn },
  { header: COLUMN.peakCapital, width: 14, numFmt: MONEY, value: (r) => r.peakCapital },
  { header: COLUMN.paybackDay, width: 10, numFmt: '0', value: kpi('paybackDay') },
  { header: COLUMN.pCashShort, width: 12, numFmt: PCT, value: (r) => r.risk?.pCashShort ?? null },
  { header: COLUMN.file, width: 28, value: (r) => fileName(r.file) },
  { header: COLUMN.currentSpend, width: 14, numFmt: MONEY, value: (r) => r.currentSpend },
  { header: COLUMN.totalSpend, width: 14, numFmt: MONEY, value: kpi('totalSpend') },
  { header: COLUMN.totalGmv, width: 14, numFmt: MONEY, value: kpi('totalGmv') },
  { header: COLUMN.incrementalProfit, width: 14, numFmt: MONEY, value: kpi('incrementalProfit') },
  { header: COLUMN.returnOnCapital, width: 14, numFmt: PCT, value: kpi('returnOnCapital') },
  { header: COLUMN.profitP10, width: 14, numFmt: MONEY, value: (r) => r.risk?.profitP10 ?? null },
  { header: COLUMN.profitP90, width: 14, numFmt: MONEY, value: (r) => r.risk?.profitP90 ?? null },
  { header: COLUMN.pLossPaid, width: 12, numFmt: PCT, value: (r) => r.risk?.pLossIncremental ?? null },
  { header: COLUMN.pLoss, width: 10, numFmt: PCT, value: (r) => r.risk?.pLoss ?? null },
  { header: COLUMN.backtestMape, width: 12, numFmt: PCT, value: (r) => (isPlanned(r) ? r.backtestMape : null) },
  { header: COLUMN.reason, width: 80, value: (r, _k, lang) => reasonText(r, lang) },
];

/** How many leading columns print (rank … P(cash short)). */
export const PRINTED = COLUMNS.findIndex((c) => c.header === COLUMN.file);

const colIndex = (h: Text): number => COLUMNS.findIndex((c) => c.header === h) + 1;
const letter = (i: number): string => columnLetters(i);

const TIER_FILL: Readonly<Record<Tier, string>> = {
  scale: 'FFC6EFCE',
  steady: 'FFFFEB9C',
  'cut-back': 'FFFCE4D6',
  'organic-first': 'FFDDEBF7',
  'data-fix': 'FFFFC7CE',
};

export const SUMMARY_SHEET = text('Portfolio', '组合汇总');
export const TOTALS_SHEET = text('Totals', '合计');

function fillSheet(ws: Worksheet, rows: readonly MerchantRow[], lang: Lang): void {
  ws.columns = COLUMNS.map((c) => ({ header: pick(c.header, lang), width: c.width, ...(c.numFmt ? { style: { numFmt: formatCode(c.numFmt, lang) } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  rows.forEach((r, i) => ws.addRow(COLUMNS.map((c) => c.value(r, i + 1, lang))));
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  // The key columns on one A4 landscape page wide, the header on every page.
  printA4Landscape(ws, `A1:${letter(PRINTED)}${rows.length + 1}`, 1);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: COLUMNS.length } };
  if (rows.length === 0) return;
  const last = rows.length + 1;
  const col = (h: Text): string => letter(colIndex(h));
  const span = (h: Text): string => `${col(h)}2:${col(h)}${last}`;
  const tierCol = col(COLUMN.tier);
  ws.addConditionalFormatting({
    ref: span(COLUMN.tier),
    rules: TIERS.map((t, i) => ({
      type: 'expression',
      priority: i + 1,
      formulae: [`$${tierCol}2="${pick(TIER_LABEL[t], lang)}"`],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: TIER_FILL[t] } } },
    })),
  });
  ws.addConditionalFormatting({
    ref: span(COLUMN.annualReturn),
    rules: [
      {
        type: 'colorScale',
        priority: 10,
        cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
        color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
      },
    ],
  });
  const bar: DataBarRule = { type: 'dataBar', priority: 11, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FF5B9BD5' } };
  ws.addConditionalFormatting({ ref: span(COLUMN.peakCapital), rules: [bar] });
  ws.addConditionalFormatting({
    ref: `${span(COLUMN.pLoss)} ${span(COLUMN.pCashShort)}`,
    rules: [
      {
        type: 'cellIs',
        priority: 12,
        operator: 'greaterThan',
        formulae: [0.2],
        style: { font: { color: { argb: 'FF9C0006' } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });
}

function totalsSheet(ws: Worksheet, s: PortfolioSummary, lang: Lang): void {
  ws.columns = [{ width: 28 }, { width: 18 }];
  const rows: [Text, number][] = [
    [text('Merchants', '商家数'), s.merchants],
    ...TIERS.map((t): [Text, number] => [TIER_LABEL[t], s.counts[t]]),
    [text('Total planned spend (ok)', '计划总消耗（可计划）'), s.totalPlannedSpend],
    [text('Total peak capital (ok)', '峰值资金合计（可计划）'), s.totalPeakCapital],
    [text('Total expected profit (ok)', '预期利润合计（可计划）'), s.totalExpectedProfit],
  ];
  const counts = 1 + TIERS.length;
  rows.forEach(([label, v], i) => {
    const row = ws.addRow([pick(label, lang), v]);
    row.getCell(2).numFmt = numberFormat(i < counts ? 'count' : 'money', lang);
  });
}

/** `rows` ranked (rankRows); tier sheets keep that order, so their rank is the rank within the tier. */
export function buildSummaryWorkbook(rows: readonly MerchantRow[], summary: PortfolioSummary, lang: Lang): Workbook {
  const wb = new Workbook();
  wb.creator = 'AdPlan';
  fillSheet(wb.addWorksheet(pick(SUMMARY_SHEET, lang)), rows, lang);
  for (const t of TIERS) fillSheet(wb.addWorksheet(pick(TIER_LABEL[t], lang)), rows.filter((r) => r.tier === t), lang);
  totalsSheet(wb.addWorksheet(pick(TOTALS_SHEET, lang)), summary, lang);
  return wb;
}
