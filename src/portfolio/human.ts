/** The terminal view of a portfolio: ranked table, then totals. */
import { formatNumber, renderTable } from '../cli/format';
import { pick, text, type Lang } from '../i18n/text';
import { COLUMN, TIER_LABEL } from './labels';
import { TIERS, type MerchantRow, type PortfolioSummary } from './types';

const money = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : formatNumber(x, 0));
const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${formatNumber(x * 100, 0)}%`);

export function portfolioHuman(rows: readonly MerchantRow[], s: PortfolioSummary, lang: Lang): string {
  const p = (t: Parameters<typeof pick>[0]): string => pick(t, lang);
  const header = [
    '#',
    p(COLUMN.tier),
    p(COLUMN.file),
    p(COLUMN.sustainableSpend),
    p(COLUMN.peakCapital),
    p(COLUMN.totalProfit),
    p(COLUMN.annualReturn),
    p(COLUMN.pLoss),
    p(COLUMN.backtestMape),
    p(COLUMN.reason),
  ];
  const body = rows.map((r, i) => [
    String(i + 1),
    p(TIER_LABEL[r.tier]),
    r.file,
    money(r.kpis?.sustainableSpend),
    money(r.peakCapital),
    money(r.kpis?.totalProfit),
    pct(r.annualReturn),
    pct(r.risk?.pLoss),
    r.backtestMape === null || r.backtestMape === undefined ? '—' : `±${formatNumber(r.backtestMape * 100, 0)}%`,
    p(r.reason),
  ]);
  const table = renderTable(header, body, { right: [0, 3, 4, 5, 6, 7, 8], maxWidth: { 2: 40, 9: 70 } });
  const counts = TIERS.map((t) => `${p(TIER_LABEL[t])} ${s.counts[t]}`).join(' · ');
  const totals = [
    `${p(text('Merchants: ', '商家：'))}${s.merchants} (${counts})`,
    `${p(text('Ready merchants (ok): ', '可计划商家合计：'))}${p(COLUMN.totalSpend)} ${money(s.totalPlannedSpend)} · ${p(COLUMN.peakCapital)} ${money(s.totalPeakCapital)} · ${p(COLUMN.totalProfit)} ${money(s.totalExpectedProfit)}`,
  ];
  return `${table}\n\n${totals.join('\n')}\n`;
}
