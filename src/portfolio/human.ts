/**
 * The terminal view of a portfolio: ranked table (the merchant's name, the paid spend's own
 * profit, return and risk, total profit separately), reasons wrapped to the terminal, then totals.
 */
import { displayWidth, formatNumber, renderTable, truncateWidth } from '../cli/format';
import { pick, text, type Lang } from '../i18n/text';
import { COLUMN, TIER_LABEL } from './labels';
import { MAX_ANNUAL_RETURN, MIN_ANNUALISE_DAYS } from './row';
import { TIERS, type MerchantRow, type PortfolioSummary } from './types';

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
    cell: (r: MerchantRow, i: number) => string;
    right?: boolean;
    /** Dropped first (highest) when the terminal is too narrow; absent = always shown. */
    drop?: number;
  }
  const cols: Col[] = [
    { head: '#', cell: (_r, i) => String(i + 1), right: true },
    { head: p(COLUMN.tier), cell: (r) => p(TIER_LABEL[r.tier]) },
    { head: p(COLUMN.merchant), cell: (r, i) => truncateWidth(names[i] ?? r.file, 28) },
    { head: p(COLUMN.sustainableSpend), cell: (r) => money(r.kpis?.sustainableSpend), right: true },
    { head: p(COLUMN.peakCapital), cell: (r) => money(r.peakCapital), right: true },
    { head: p(COLUMN.incrementalProfit), cell: (r) => money(r.kpis?.incrementalProfit), right: true, drop: 2 },
    { head: p(COLUMN.returnOnCapital), cell: (r) => pct(r.kpis?.returnOnCapital), right: true, drop: 3 },
    { head: p(COLUMN.annualReturn), cell: (r) => pct(r.annualReturn), right: true, drop: 5 },
    { head: p(COLUMN.pLossPaid), cell: (r) => pct(r.risk?.pLossIncremental), right: true, drop: 1 },
    { head: p(COLUMN.totalProfit), cell: (r) => money(r.kpis?.totalProfit), right: true, drop: 4 },
    { head: p(COLUMN.backtestMape), cell: (r) => (r.backtestMape === null || r.backtestMape === undefined ? '—' : `±${formatNumber(r.backtestMape * 100, 0)}%`), right: true, drop: 6 },
    { head: p(COLUMN.reason), cell: (r) => p(r.reason) },
  ];
  const render = (shown: readonly Col[]): string =>
    renderTable(
      shown.map((c) => c.head),
      rows.map((r, i) => shown.map((c) => c.cell(r, i))),
      { right: shown.flatMap((c, j) => (c.right ? [j] : [])), wrap: { column: shown.length - 1, totalWidth: width, minWidth: 24 } },
    );
  // Narrow terminals lose the least important numbers first, never the reason or the merchant.
  let shown = cols;
  let table = render(shown);
  const widest = (t: string): number => t.split('\n').reduce((w, l) => Math.max(w, displayWidth(l)), 0);
  while (widest(table) > width && shown.some((c) => c.drop !== undefined)) {
    const top = Math.max(...shown.map((c) => c.drop ?? 0));
    shown = shown.filter((c) => c.drop !== top);
    table = render(shown);
  }
  const counts = TIERS.map((t) => `${p(TIER_LABEL[t])} ${s.counts[t]}`).join(' · ');
  const notes = [
    `${p(text('Merchants: ', '商家：'))}${s.merchants} (${counts})`,
    `${p(text('Ready merchants (ok): ', '可计划商家合计：'))}${p(COLUMN.totalSpend)} ${money(s.totalPlannedSpend)} · ${p(COLUMN.peakCapital)} ${money(s.totalPeakCapital)} · ${p(COLUMN.totalProfit)} ${money(s.totalExpectedProfit)}`,
  ];
  if (rows.some((r) => r.kpis && r.annualReturn === null)) {
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
