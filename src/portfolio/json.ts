/** The `adplan portfolio --json` object, messages in the chosen language. */
import { pick, type Lang } from '../i18n/text';
import type { KpiReport, RiskReport } from '../model/report';
import { isPlanned, type MerchantRow, type MerchantStatus, type PortfolioSummary, type Tier } from './types';

export interface MerchantJson {
  file: string;
  /** The shop / 抖音号 name the export carries; null when it has none. */
  merchant: string | null;
  status: MerchantStatus;
  tier: Tier;
  message: string;
  /** The capital the plan may tie up (the number the message states): MerchantRow.peakCapital. */
  peakCapital: number | null;
  kpis: KpiReport | null;
  risk: RiskReport | null;
  /** Back-test MAPE of daily GMV; null when untestable. */
  backtestMape: number | null;
  /** Annualised return on capital of the paid spend where meaningful (the ranking key); else null. */
  annualReturn: number | null;
}

export interface PortfolioJson {
  merchants: MerchantJson[];
  summary: PortfolioSummary;
}

export function portfolioJson(rows: readonly MerchantRow[], summary: PortfolioSummary, lang: Lang): PortfolioJson {
  return {
    merchants: rows.map((r) => ({
      file: r.file,
      merchant: r.merchant ?? null,
      status: r.status,
      tier: r.tier,
      message: pick(r.reason, lang),
      peakCapital: r.peakCapital,
      kpis: r.kpis,
      risk: r.risk,
      backtestMape: isPlanned(r) ? r.backtestMape : null,
      annualReturn: r.annualReturn,
    })),
    summary,
  };
}
