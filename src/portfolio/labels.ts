/** Bilingual names shared by the terminal table and the workbook. */
import { text, type Text } from '../i18n/text';
import type { MerchantStatus, Tier } from './types';

export const TIER_LABEL: Readonly<Record<Tier, Text>> = {
  scale: text('scale', '可放量'),
  steady: text('steady', '稳态经营'),
  'cut-back': text('cut back', '需回调'),
  'organic-first': text('organic-first', '先做自然流'),
  'data-fix': text('data-fix', '数据待修复'),
};

export const STATUS_LABEL: Readonly<Record<MerchantStatus, Text>> = {
  ok: text('ok', '可计划'),
  not_ready: text('not ready', '未就绪'),
  error: text('error', '错误'),
};

export const COLUMN = {
  rank: text('Rank', '排名'),
  tier: text('Tier', '分层'),
  file: text('File', '文件'),
  merchant: text('Merchant', '商家'),
  incrementalProfit: text('Profit from paid spend', '付费投放利润'),
  returnOnCapital: text('Return on capital (paid)', '资金回报率（付费）'),
  pLossPaid: text('P(paid spend loses)', '付费亏损概率'),
  status: text('Status', '状态'),
  scenario: text('Scenario', '方案'),
  currentSpend: text('Current spend/day', '当前日消耗'),
  sustainableSpend: text('Sustainable spend/day', '可持续日消耗'),
  totalSpend: text('Planned spend', '计划总消耗'),
  totalGmv: text('Planned GMV', '计划成交额'),
  totalProfit: text('Total profit (incl. organic)', '总利润（含自然流）'),
  peakCapital: text('Peak capital', '峰值资金占用'),
  annualReturn: text('Annual return on capital', '年化资金回报率'),
  paybackDay: text('Payback day', '回本天数'),
  profitP10: text('Profit P10', '利润 P10'),
  profitP90: text('Profit P90', '利润 P90'),
  pLoss: text('P(loss)', '亏损概率'),
  pCashShort: text('P(cash short)', '现金不足概率'),
  backtestMape: text('Back-test error (MAPE)', '回测误差（MAPE）'),
  reason: text('Reason', '原因'),
} as const;

/** Shorter headers for the kept columns when the terminal is narrow (80 columns). */
export const COLUMN_SHORT = {
  sustainableSpend: text('Spend/day', '日消耗'),
  peakCapital: text('Peak cap.', '峰值资金'),
  incrementalProfit: text('Paid profit', '付费利润'),
} as const;
