/** Hand-made engine reports for the tiering, ranking and summary tests. */
import { text } from '../../src/i18n/text';
import type { KpiReport, Limit, PlanReport, RiskReport, ScenarioReport } from '../../src/model/report';
import type { MerchantRow, Tier } from '../../src/portfolio/types';
import type { TierContext } from '../../src/portfolio/tiers';

export const HORIZON = 90;

export function kpis(over: Partial<KpiReport> = {}): KpiReport {
  return {
    totalSpend: 90_000,
    totalGmv: 600_000,
    totalProfit: 40_000,
    roi: 4,
    incrementalRoi: 3.5,
    peakCapital: 30_000,
    minCash: 50_000,
    paybackDay: 20,
    returnOnCapital: 0.5,
    sustainableSpend: 1_500,
    ...over,
  };
}

export function risk(over: Partial<RiskReport> = {}): RiskReport {
  return {
    runs: 200,
    seed: 1,
    profitP10: 10_000,
    profitP50: 40_000,
    profitP90: 70_000,
    peakCapitalP10: 25_000,
    peakCapitalP50: 30_000,
    peakCapitalP90: 35_000,
    minCashP10: 40_000,
    minCashP50: 50_000,
    minCashP90: 60_000,
    paybackDayP10: 15,
    paybackDayP50: 20,
    paybackDayP90: 30,
    pLoss: 0.05,
    pCashShort: 0,
    ...over,
  };
}

export interface ScenarioOver {
  name?: string;
  kpis?: Partial<KpiReport>;
  risk?: Partial<RiskReport> | null;
  breakEvenRoi?: number;
  cashDays?: number;
  horizon?: number;
}

export function scenario(o: ScenarioOver = {}): ScenarioReport {
  const horizon = o.horizon ?? HORIZON;
  const cashDays = o.cashDays ?? 0;
  const s: ScenarioReport = {
    name: o.name ?? 'Base',
    economics: { unitMargin: 0.364, breakEvenRoi: o.breakEvenRoi ?? 2.75, targetMarginalRoi: 3.16, breakEvenRoiNet: (o.breakEvenRoi ?? 2.75) * 0.95, roomBreakEvenRoi: 4.1, targets: { roomRoi: 7, roomRoiNet: 6.65, dailyBudget: 1000 } },
    kpis: kpis(o.kpis),
    days: Array.from({ length: horizon }, (_, i) => ({
      date: `2024-06-${String((i % 28) + 1).padStart(2, '0')}`,
      spend: 1000,
      paidGmv: 4000,
      organicGmv: 3000,
      gmv: 7000,
      orders: 58,
      profit: 500,
      cash: 50_000,
      roi: 4,
      marginalRoi: 3.2,
      limit: (i < cashDays ? 'cash' : 'target') as Limit,
      roiTarget: 7,
    })),
    notes: [],
  };
  if (o.risk !== null) s.risk = risk(o.risk ?? {});
  return s;
}

export function report(scenarios: ScenarioReport[] = [scenario()], ready = true, reasons = 0): PlanReport {
  return {
    baseline: {
      days: 90,
      organicViews: 540_000,
      cvr: 0.012,
      aov: 120,
      gpm: 1440,
      refundRate: 0.2,
      organicGmvPerDay: 8640,
      cvrCv: 0.1,
      organicGmvCv: 0.15,
      trend: 0,
      weekdayFactors: [1, 1, 1, 1, 1, 1, 1],
      ready,
      reasons: Array.from({ length: reasons }, (_, i) => text(`reason ${i + 1}`, `原因 ${i + 1}`)),
      notes: [],
    },
    curve: { model: 'hill', params: { gmax: 12000, k: 1500, a: 1 }, r2: 0.9, n: 45, minSpend: 400, maxSpend: 6000, residualSd: 0.15, basis: 'direct' },
    lift: { lambda: 0, theta: 0, identified: false, leverage: 0, note: text('not identified', '未识别') },
    scenarios,
  };
}

export const CTX: TierContext = { currentSpend: 1000, cashAvailable: 100_000, cashReserve: 10_000 };

export function row(file: string, tier: Tier, annualReturn: number | null, profit: number | null = 1000): MerchantRow {
  const status = tier === 'data-fix' ? 'error' : tier === 'organic-first' ? 'not_ready' : 'ok';
  return {
    file,
    status,
    tier,
    reason: text(`why ${file}`, `原因 ${file}`),
    kpis: profit === null ? null : kpis({ totalProfit: profit }),
    risk: null,
    peakCapital: profit === null ? null : kpis({ totalProfit: profit }).peakCapital,
    annualReturn,
    currentSpend: 0,
    scenario: 'Base',
  };
}
