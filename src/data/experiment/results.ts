/**
 * The 实验结果 sheet: experiment results from this analyser or from elsewhere (a provider's own
 * test, the platform's) — period, spend before, Δspend, ΔGMV, σ, source — read into
 * history.liftObservations. A row without σ, a period outside the history, or a non-number is an
 * error naming the cell; that row is left out and nothing else is lost.
 */
import { text } from '../../i18n/text';
import type { IsoDate, LiftObservation } from '../../model/core';
import { isMissing, parseDate, parseNumber } from '../cells';
import { cellText } from '../cells';
import type { Cell, DataIssue, RangeOrigin } from '../table';
import { findColumns, issueAdder } from './table';

export const RESULTS_SHEET = '实验结果';

const ALIASES = {
  period: ['期间', '实验期', '实验期间', 'period'],
  first: ['开始日期', '开始', 'first', 'start'],
  last: ['结束日期', '结束', 'last', 'end'],
  spendBefore: ['调整前消耗', '基准消耗', '调整前日消耗', 'spend before', 'spendBefore'],
  deltaSpend: ['消耗变化', '日消耗变化', 'Δ消耗', 'delta spend', 'deltaSpend', 'Δspend'],
  deltaGmv: ['成交变化', '日成交变化', 'Δ成交', 'delta gmv', 'deltaGmv', 'ΔGMV'],
  sigma: ['σ', '标准误', '标准误差', 'sigma', 'se', 'standard error'],
  source: ['来源', 'source'],
} as const;

export interface ResultsRead {
  observations: LiftObservation[];
  issues: DataIssue[];
}

/** "2026-03-01~2026-04-10", "2026-03-01 至 2026-04-10", "2026/3/1 - 2026/4/10". */
function parsePeriod(v: Cell): [IsoDate, IsoDate] | null {
  if (typeof v !== 'string') return null;
  const parts = v.split(/\s*(?:~|～|至|到|—|–|\s-\s|--)\s*/u).filter((p) => p.length > 0);
  if (parts.length !== 2) return null;
  const a = parseDate(parts[0]!);
  const b = parseDate(parts[1]!);
  return a.ok && b.ok && a.value && b.value ? [a.value.date, b.value.date] : null;
}

/** Reads the results; `span` (the history's first and last day) checks each period. */
export function readLiftResults(cells: Cell[][], origin: RangeOrigin | undefined, span: [IsoDate, IsoDate] | null): ResultsRead {
  const issues: DataIssue[] = [];
  const add = issueAdder(cells, origin, issues);
  const t = findColumns(cells, ALIASES);
  const c = t?.columns;
  if (!t || !c || (c.period === undefined && (c.first === undefined || c.last === undefined)) || c.deltaGmv === undefined || c.spendBefore === undefined || c.deltaSpend === undefined) {
    add(
      'error',
      text(
        'The 实验结果 sheet needs the columns 期间 (or 开始日期 and 结束日期), 调整前消耗, 消耗变化, 成交变化, σ and 来源.',
        '实验结果表需要以下列：期间（或开始日期和结束日期）、调整前消耗、消耗变化、成交变化、σ、来源。',
      ),
    );
    return { observations: [], issues };
  }
  const observations: LiftObservation[] = [];
  for (let i = t.headerIndex + 1; i < cells.length; i++) {
    const row = cells[i] ?? [];
    // The table ends at its first blank row (notes may follow it).
    if (row.every(isMissing)) {
      if (i > t.headerIndex + 1) break;
      continue;
    }
    let period: [IsoDate, IsoDate] | null;
    if (c.period !== undefined) {
      period = parsePeriod(row[c.period]);
      if (!period) {
        add('error', text('Period must be two dates, e.g. 2026-03-01~2026-04-10; row left out.', '期间应为两个日期，例如 2026-03-01~2026-04-10；该行未使用。'), i, c.period, t.names.period);
        continue;
      }
    } else {
      const a = parseDate(row[c.first!]);
      const b = parseDate(row[c.last!]);
      if (!a.ok || !a.value || !b.ok || !b.value) {
        add('error', text('Start and end must be dates; row left out.', '开始日期和结束日期应为日期；该行未使用。'), i, !a.ok || !a.value ? c.first : c.last);
        continue;
      }
      period = [a.value.date, b.value.date];
    }
    const pc = c.period ?? c.first!;
    if (period[1] < period[0]) {
      add('error', text(`The period ends (${period[1]}) before it starts (${period[0]}); row left out.`, `期间的结束（${period[1]}）早于开始（${period[0]}）；该行未使用。`), i, pc);
      continue;
    }
    if (span && (period[0] < span[0] || period[1] > span[1])) {
      add(
        'error',
        text(
          `The test period ${period[0]} – ${period[1]} is outside the history (${span[0]} – ${span[1]}); row left out.`,
          `实验期 ${period[0]} 至 ${period[1]} 超出历史数据范围（${span[0]} 至 ${span[1]}）；该行未使用。`,
        ),
        i,
        pc,
      );
      continue;
    }
    const num = (k: 'spendBefore' | 'deltaSpend' | 'deltaGmv' | 'sigma'): number | null | 'bad' => {
      const j = c[k];
      if (j === undefined) return null;
      const p = parseNumber(row[j], 'money');
      return p.ok ? p.value : 'bad';
    };
    const v = { spendBefore: num('spendBefore'), deltaSpend: num('deltaSpend'), deltaGmv: num('deltaGmv'), sigma: num('sigma') };
    const badKey = (Object.keys(v) as (keyof typeof v)[]).find((k) => v[k] === 'bad' || (k !== 'sigma' && v[k] === null));
    if (badKey) {
      add('error', text(`${t.names[badKey] ?? badKey} must be a number; row left out.`, `${t.names[badKey] ?? badKey} 应为数字；该行未使用。`), i, c[badKey], t.names[badKey]);
      continue;
    }
    if (v.sigma === null || !(typeof v.sigma === 'number' && v.sigma > 0)) {
      add(
        'error',
        text(
          'σ (the standard error of ΔGMV per day) is missing or not > 0: a result without its uncertainty cannot be weighed against the history; row left out.',
          'σ（每日成交变化的标准误）缺失或不大于 0：没有不确定性的结果无法与历史数据权衡；该行未使用。',
        ),
        i,
        c.sigma ?? pc,
        t.names.sigma ?? 'σ',
      );
      continue;
    }
    if (!((v.spendBefore as number) > 0) || v.deltaSpend === 0) {
      add('error', text('Spend before must be > 0 and the spend change not 0; row left out.', '调整前消耗应大于 0，消耗变化不能为 0；该行未使用。'), i, c.spendBefore);
      continue;
    }
    const source = c.source !== undefined && !isMissing(row[c.source]) ? cellText(row[c.source]).trim() : RESULTS_SHEET;
    observations.push({ first: period[0], last: period[1], spendBefore: v.spendBefore as number, deltaSpend: v.deltaSpend as number, deltaGmv: v.deltaGmv as number, sigma: v.sigma, source });
  }
  return { observations, issues };
}
