/**
 * "What would the plan look like once the lever is fixed": the first fired organic check that has
 * a benchmark (average stay, UV value) and the factor that takes the measured value to it. The
 * engine plans the same scenario on the history with its organic sales scaled by that factor — a
 * what-if, labelled, not a forecast: for stay it assumes sales per viewer rise in proportion to
 * stay, which the data does not measure.
 */
import { text, type Text } from '../../i18n/text';
import type { AssumptionValues } from '../settings';
import type { History } from '../core';
import type { Readiness } from './readiness';
import { organicThresholdsOf } from './benchmarks';
import { fires } from './checks';
import type { CheckId } from '../report';

export interface WhatIfLever {
  lever: Extract<CheckId, 'stay' | 'uv_value'>;
  measured: number;
  benchmark: number;
  /** benchmark / measured, at most MAX_FACTOR. */
  factor: number;
  name: Text;
  category: Text;
}

/** A what-if never more than doubles the organic base: beyond that it is no longer one lever. */
export const MAX_FACTOR = 2;

export function whatIfLever(r: Readiness, v: AssumptionValues): WhatIfLever | null {
  if (r.verdict !== 'fix_first') return null;
  const first = (r.checks ?? []).find(fires);
  if (!first || (first.id !== 'stay' && first.id !== 'uv_value') || first.value === null || !(first.value > 0)) return null;
  const t = organicThresholdsOf(v);
  const benchmark = first.id === 'stay' ? t.stayBenchmark.value : t.uvValueBenchmark?.value;
  if (benchmark === undefined || !(benchmark > first.value)) return null;
  return { lever: first.id, measured: first.value, benchmark, factor: Math.min(MAX_FACTOR, benchmark / first.value), name: first.name, category: t.categoryLabel };
}

/** The history with its organic GMV and orders scaled by `factor` (paid parts unchanged). */
export function scaledOrganic(history: History, factor: number): History {
  return {
    ...history,
    days: history.days.map((d) => {
      if (d.organicGmv === null || d.organicOrders === null) return d;
      const g = d.organicGmv * (factor - 1);
      const o = d.organicOrders * (factor - 1);
      return { ...d, gmv: d.gmv + g, orders: d.orders + o, organicGmv: d.organicGmv + g, organicOrders: d.organicOrders + o };
    }),
  };
}

const yuan = (x: number): string => `¥${Math.round(x).toLocaleString('en-US')}`;

export function whatIfLabel(l: WhatIfLever, organic: { now: number; whatIf: number }, gmv: { now: number; whatIf: number }, profit: { now: number; whatIf: number }): Text {
  const unit = l.lever === 'stay' ? (x: number) => `${Math.round(x * 10) / 10} s` : (x: number) => `¥${x.toFixed(2)}`;
  const unitZh = l.lever === 'stay' ? (x: number) => `${Math.round(x * 10) / 10} 秒` : (x: number) => `¥${x.toFixed(2)}`;
  const assume = l.lever === 'stay'
    ? text(' It assumes sales per viewer rise in proportion to stay: a practitioner assumption your data does not measure.', '假设人均成交随停留同比例提升：这是从业者经验假设，你的数据并未测得。')
    : text('', '');
  return text(
    `What-if, not a forecast: the same plan with ${l.name['en-US']} at the ${l.category['en-US']} benchmark ${unit(l.benchmark)} instead of ${unit(l.measured)} (organic sales × ${l.factor.toFixed(2)}): organic GMV ${yuan(organic.now)}/day → ${yuan(organic.whatIf)}/day; plan GMV ${yuan(gmv.now)} → ${yuan(gmv.whatIf)}; profit ${yuan(profit.now)} → ${yuan(profit.whatIf)}.${assume['en-US']}`,
    `假设情景（不是预测）：若${l.name['zh-CN']}达到${l.category['zh-CN']}基准 ${unitZh(l.benchmark)}（现为 ${unitZh(l.measured)}，自然成交 × ${l.factor.toFixed(2)}），同一计划：日均自然成交 ${yuan(organic.now)} → ${yuan(organic.whatIf)}；计划期成交 ${yuan(gmv.now)} → ${yuan(gmv.whatIf)}；利润 ${yuan(profit.now)} → ${yuan(profit.whatIf)}。${assume['zh-CN']}`,
  );
}
