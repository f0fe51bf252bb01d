/**
 * The terminal view of a portfolio: ranked table (the merchant's name, the paid spend's own
 * profit, return and risk, total profit separately), reasons wrapped to the terminal, then totals.
 */
import { displayWidth, formatNumber, renderTable, truncateWidth } from '../text';
import { pick, text, type Lang } from '../i18n/text';
import { COLUMN, COLUMN_SHORT, TIER_LABEL } from './labels';
import { MAX_ANNUAL_RETURN, MIN_ANNUALISE_DAYS } from './row';
import { isPlanned, TIERS, type MerchantRow, type PortfolioSummary } from './types';

const money = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `¥${formatNumber(x, 0)}`);
const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${formatNumber(x * 100, 0)}%`);

/** A file's base name without folders or extension. */
function baseName(file: string): string {
  const last = file.split(/[\\/]/u).filter(Boolean).pop() ?? file;
  return last.replace(/\.(xlsx|xlsm|csv|txt)$/iu, '') || last;
}

/** What names each merchant: its base name, with the folder when two merchants share one. */
export function merchantNames(rows: readonly MerchantRow[]): string[] {
  const bases = rows.map((r) => r.merchant ?? baseName(r.file));
  const seen = new Map<string, number>();
  for (const b of bases) seen.set(b, (seen.get(b) ?? 0) + 1);
  return rows.map((r, i) => {
    const b = bases[i] as string;
    if ((seen.get(b) ?? 0) < 2) return b;
    const parts = r.file.split(/[\\/]/u).filter(Boolean);
    return parts.length > 1 ? `${parts[parts.length - 2]}/${b}` : r.file;
  });
}

/** Terminal width: the real one, else a wide default (pipes, CI logs). */
function terminalWidth(): number {
  const cols = typeof process !== 'undefined' ? process.stdout?.columns : undefined;
  return cols && cols >= 60 ? cols : 160;
}

export function portfolioHuman(rows: readonly MerchantRow[], s: PortfolioSummary, lang: Lang, width = terminalWidth()): string {
  const p = (t: Parameters<typeof pick>[0]): string => pick(t, lang);
  const names = merchantNames(rows);
  interface Col {
    head: string;
    /** Header used once the table is compact (narrow terminals). */
    short?: string;
    cell: (r: MerchantRow, i: number) => string;
    right?: boolean;
    /** Dropped first (highest) when the terminal is too narrow; absent = always shown. */
    drop?: number;
  }
  /** Compact: short headers, merchant names cut shorter, the reason allowed narrower. */
  const cols = (compact: boolean, nameWidth: number): Col[] => [
    // The rows are ranked, so the rank number is the first thing a compact table gives up.
    { head: '#', cell: (_r, i) => String(i + 1), right: true, drop: compact ? 7 : undefined },
    { head: p(COLUMN.tier), cell: (r) => p(TIER_LABEL[r.tier]) },
    { head: p(COLUMN.merchant), cell: (r, i) => truncateWidth(names[i] ?? r.file, nameWidth) },
    { head: p(COLUMN.sustainableSpend), short: p(COLUMN_SHORT.sustainableSpend), cell: (r) => money(r.kpis?.sustainableSpend), right: true },
    { head: p(COLUMN.peakCapital), short: p(COLUMN_SHORT.peakCapital), cell: (r) => money(r.peakCapital), right: true },
    { head: p(COLUMN.incrementalProfit), short: p(COLUMN_SHORT.incrementalProfit), cell: (r) => money(r.kpis?.incrementalProfit), right: true },
    { head: p(COLUMN.returnOnCapital), cell: (r) => pct(r.kpis?.returnOnCapital), right: true, drop: 3 },
    { head: p(COLUMN.annualReturn), cell: (r) => pct(r.annualReturn), right: true, drop: 5 },
    { head: p(COLUMN.pLossPaid), cell: (r) => pct(r.risk?.pLossIncremental), right: true, drop: 1 },
    { head: p(COLUMN.totalProfit), cell: (r) => money(r.kpis?.totalProfit), right: true, drop: 4 },
    { head: p(COLUMN.backtestMape), cell: (r) => (!isPlanned(r) || r.backtestMape === null ? '—' : `±${formatNumber(r.backtestMape * 100, 0)}%`), right: true, drop: 6 },
    { head: p(COLUMN.reason), cell: (r) => p(r.reason) },
  ];
  const render = (shown: readonly Col[], compact: boolean): string =>
    renderTable(
      shown.map((c) => (compact && c.short ? c.short : c.head)),
      rows.map((r, i) => shown.map((c) => c.cell(r, i))),
      { right: shown.flatMap((c, j) => (c.right ? [j] : [])), wrap: { column: shown.length - 1, totalWidth: width, minWidth: compact ? 12 : 24 } },
    );
  const widest = (t: string): number => t.split('\n').reduce((w, l) => Math.max(w, displayWidth(l)), 0);
  /** Drops columns, least important first, until the table fits or only the kept ones are left. */
  const fit = (compact: boolean, nameWidth: number): string => {
    let shown = cols(compact, nameWidth);
    let table = render(shown, compact);
    while (widest(table) > width && shown.some((c) => c.drop !== undefined)) {
      const top = Math.max(...shown.map((c) => c.drop ?? 0));
      shown = shown.filter((c) => c.drop !== top);
      table = render(shown, compact);
    }
    return table;
  };
  // Narrow terminals lose the least important numbers first, then (about 80 columns) the rank,
  // long headers and long names; never tier, merchant, sustainable spend, peak capital, paid
  // profit or the reason.
  const stages: readonly [boolean, number][] = [[false, 28], [true, 28], [true, 20], [true, 14]];
  let table = '';
  for (const [compact, nameWidth] of stages) {
    table = fit(compact, nameWidth);
    if (widest(table) <= width) break;
  }
  const counts = TIERS.map((t) => `${p(TIER_LABEL[t])} ${s.counts[t]}`).join(' · ');
  const notes = [
    `${p(text('Merchants: ', '商家：'))}${s.merchants} (${counts})`,
    `${p(text('Ready merchants (ok): ', '可计划商家合计：'))}${p(COLUMN.totalSpend)} ${money(s.totalPlannedSpend)} · ${p(COLUMN.peakCapital)} ${money(s.totalPeakCapital)} · ${p(COLUMN.totalProfit)} ${money(s.totalExpectedProfit)}`,
  ];
  if (rows.some((r) => isPlanned(r) && r.annualReturn === null)) {
    notes.push(
      p(
        text(
          `Annual return is blank where it would mislead: plans shorter than ${MIN_ANNUALISE_DAYS} days, or above ±${MAX_ANNUAL_RETURN * 100}% a year (too little capital at work).`,
          `年化回报留空的情况：计划短于 ${MIN_ANNUALISE_DAYS} 天，或年化超过 ±${MAX_ANNUAL_RETURN * 100}%（占用资金太少，年化没有意义）。`,
        ),
      ),
    );
  }
  if (rows.some((r) => r.risk && r.risk.pLossIncremental === undefined)) {
    notes.push(p(text('P(paid spend loses) needs the simulation of what paid spend adds; — where not reported.', '付费亏损概率需要对付费增量的模拟；未提供处显示 —。')));
  }
  return `${table}\n\n${notes.join('\n')}\n`;
}
