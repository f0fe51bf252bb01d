/**
 * PlanReport (or the error that stopped it) → the merchant's row. Runs in the worker, so only
 * the row crosses back to the main thread.
 */
import { text, type Text } from '../i18n/text';
import { ASSUMPTIONS, type Scenario } from '../model/settings';
import { AdplanError, isAdplanError } from '../model/core';
import type { History } from '../model/core';
import type { KpiReport, PlanReport, RiskReport, ScenarioReport } from '../model/report';
import { inheritScenarios, unknownScenario } from '../model/economics';
import { backtest } from '../model/review';
import { classify, DEFAULT_TIER_THRESHOLDS, peakCapitalOf, type TierContext, type TierThresholds } from './tiers';
import type { MerchantRow } from './types';

/** Days of history whose mean spend is "current spend" (docs/model.md). */
export const CURRENT_SPEND_DAYS = 7;

export function currentSpendOf(history: History): number {
  const last = history.days.slice(-CURRENT_SPEND_DAYS);
  if (last.length === 0) return 0;
  return last.reduce((a, d) => a + d.spend, 0) / last.length;
}

/** The planned scenario: the named one, else the first (the table's Base column). */
export function pickScenario(report: PlanReport, name: string | undefined): ScenarioReport {
  // Same matching as the engine: exact name first, then ignoring case and outer spaces.
  const loose = (x: ScenarioReport): boolean => x.name.trim().toLowerCase() === (name ?? '').trim().toLowerCase();
  const s = name === undefined ? report.scenarios[0] : (report.scenarios.find((x) => x.name === name) ?? report.scenarios.find(loose));
  if (!s) throw unknownScenario(name ?? '', report.scenarios.map((x) => x.name));
  return s;
}

/** cash_available / cash_reserve of the scenario as the merchant's table gives them. */
export function cashOf(scenarios: readonly Scenario[], name: string): Pick<TierContext, 'cashAvailable' | 'cashReserve'> {
  const values = scenarios.find((s) => s.name === name)?.values ?? scenarios[0]?.values ?? {};
  const available = values.cash_available;
  if (available === undefined) {
    const s = ASSUMPTIONS.cash_available;
    throw new AdplanError(
      'input',
      text(`Assumption cash_available (${s.en}) is required to tier the merchant.`, `缺少假设“${s.zh}”，无法分层。`),
      'cash_available',
    );
  }
  return { cashAvailable: available, cashReserve: values.cash_reserve ?? ASSUMPTIONS.cash_reserve.default ?? 0 };
}

/** Finite numbers pass; NaN/±Infinity become null, so no output ever shows them. */
function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === 'number' ? finiteOrNull(v) : v;
  return out as T;
}

/** Shorter plans say little about a year: their annualised return is left blank. */
export const MIN_ANNUALISE_DAYS = 60;
/** Beyond ±500 % a year the capital at work is too small for the ratio to mean anything. */
export const MAX_ANNUAL_RETURN = 5;

/** Return on capital × 365 / horizon, only where meaningful (docs/portfolio.md); else null. */
export function annualise(returnOnCapital: number | null, horizonDays: number): number | null {
  if (returnOnCapital === null || !(horizonDays >= MIN_ANNUALISE_DAYS)) return null;
  const a = finiteOrNull((returnOnCapital * 365) / horizonDays);
  return a !== null && Math.abs(a) <= MAX_ANNUAL_RETURN ? a : null;
}

export interface PlannedInput {
  file: string;
  report: PlanReport;
  history: History;
  scenarios: readonly Scenario[];
  /** --scenario; undefined = the first column. */
  scenario?: string;
  thresholds?: TierThresholds;
  /** History rows the reader skipped as invalid: said after the reason, so the data gets fixed too. */
  rowsSkipped?: number;
  /** The shop / 抖音号 named in the export; the table falls back to the file's base name. */
  merchant?: string;
}

function withSkipped(reason: Text, skipped: number): Text {
  if (!(skipped > 0)) return reason;
  return text(
    `${reason['en-US']} (${skipped} invalid row${skipped === 1 ? '' : 's'} skipped: see adplan check)`,
    `${reason['zh-CN']}（跳过 ${skipped} 行无效数据：见 adplan check）`,
  );
}

export function plannedRow(p: PlannedInput): MerchantRow {
  const s = pickScenario(p.report, p.scenario);
  const currentSpend = currentSpendOf(p.history);
  const ctx: TierContext = { currentSpend, ...cashOf(p.scenarios, s.name) };
  const v = classify(p.report, s, ctx, p.thresholds ?? DEFAULT_TIER_THRESHOLDS);
  const kpis: KpiReport = clean(s.kpis);
  const risk: RiskReport | null = s.risk ? clean(s.risk) : null;
  return {
    file: p.file,
    ...(p.merchant ? { merchant: p.merchant } : {}),
    status: v.status,
    tier: v.tier,
    reason: withSkipped(v.reason, p.rowsSkipped ?? 0),
    kpis,
    risk,
    peakCapital: finiteOrNull(peakCapitalOf(s)),
    annualReturn: annualise(kpis.returnOnCapital, s.days.length),
    currentSpend,
    scenario: s.name,
    targets: {
      basis: s.curveBasis ?? p.report.curve.basis,
      roomRoi: finiteOrNull(s.economics.targets.roomRoi),
      roomRoiNet: finiteOrNull(s.economics.targets.roomRoiNet),
      dailyBudget: finiteOrNull(s.economics.targets.dailyBudget),
      roomBreakEvenRoi: finiteOrNull(s.economics.roomBreakEvenRoi),
    },
    backtestMape: finiteOrNull(backtest(p.history, inheritScenarios(p.scenarios).find((x) => x.name === s.name) ?? null).mape),
  };
}

/**
 * A file that could not be planned. The engine's `math` errors (valid input, no answer: unit
 * margin ≤ 0, which is also a readiness check) mean the business is not ready: organic-first.
 * Anything else is what is wrong with the data: status error, tier data-fix.
 */
export function errorRow(file: string, e: unknown): MerchantRow {
  const empty = { file, kpis: null, risk: null, peakCapital: null, annualReturn: null, currentSpend: null, scenario: null };
  if (isAdplanError(e) && e.kind === 'math') {
    const reason = text(`Organic first: ${e.text['en-US']}`, `先做自然流：${e.text['zh-CN']}`);
    return { ...empty, status: 'not_ready', tier: 'organic-first', reason };
  }
  const reason = isAdplanError(e)
    ? e.text
    : text(
        `Unexpected error: ${e instanceof Error ? e.message : String(e)}`,
        `意外错误：${e instanceof Error ? e.message : String(e)}`,
      );
  return { ...empty, status: 'error', tier: 'data-fix', reason };
}
