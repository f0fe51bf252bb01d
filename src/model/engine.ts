/**
 * The engine's facade: history + scenarios → PlanReport (the `adplan plan --json` contract), and
 * the granular, pure pieces the custom functions call one by one. Every function here is a pure
 * function of its inputs, so callers can memoise on content. The work itself lives in the
 * packages (fit/analyse.ts, plan/scenario-plan.ts, simulate/); this file only composes them.
 */
import { text } from '../i18n/text';
import { AdplanError, type History } from './core';
import { RUN_OPTIONS, valueOrDefault, type Scenario } from './settings';
import type { BaselineReport, EventPlanReport, LiftReport, PlanReport, WhatIfReport } from './report';
import { quantile } from './numeric';
import { cashflow as cashflowOf, cashTermsOf, checkHorizon, planScenario, resolveFor, targetsFor, type ScenarioPlan, type TargetTable } from './plan';
import { inheritScenarios, resolveAssumptions, unitEconomicsOf, unitMargin, unknownScenario } from './economics';
import { analyse, carrierBase, type Analysis, type BaselineMetrics, type LiftEstimate } from './fit';
import { assessReadinessV2, scaledOrganic, whatIfLabel, whatIfLever, type Readiness, type WhatIfLever } from './readiness';
import { checkRuns, riskReport, sensitivity, simContextOf, simulate, type SimContext, type SimMetric, type SensitivityRow, type SimulationResult } from './simulate';

export { analyse, baselineOf, roomFitOf, type Analysis } from './fit';
export { planScenario, type ScenarioPlan } from './plan';

export const DEFAULT_RUNS = RUN_OPTIONS.runs.default;
export const DEFAULT_SEED = RUN_OPTIONS.seed.default;

export function simulationContext(p: ScenarioPlan): SimContext {
  return simContextOf(p.plan, p.setup, p.uncertainty);
}

/** Monte Carlo of a planned scenario. */
export function simulateScenario(p: ScenarioPlan, runs = DEFAULT_RUNS, seed = DEFAULT_SEED, bands = false): SimulationResult {
  return simulate(simulationContext(p), runs, seed, bands);
}

/** Tornado of a planned scenario. */
export function scenarioSensitivity(p: ScenarioPlan, metric: SimMetric = 'total_profit'): SensitivityRow[] {
  return sensitivity(simulationContext(p), metric);
}

/** Readiness of the history under a scenario's thresholds (u when cogs_rate is known). */
export function readinessOf(a: Analysis, s: Scenario | null): Readiness {
  const v = s?.values ?? {};
  let u: number | null = null;
  let rho: number | null = a.baseline.refundRate;
  try {
    const r = resolveFor(a, { name: s?.name ?? '', values: v });
    u = unitMargin(unitEconomicsOf(r));
    rho = r.refund_rate;
  } catch (e) {
    // Readiness still speaks without a complete assumptions table; the margin check is skipped.
    if (!(e instanceof AdplanError) || e.kind !== 'input') throw e;
  }
  return assessReadinessV2(a.history, a.baseline, v, rho, u);
}

export function baselineReport(m: BaselineMetrics, r: Readiness): BaselineReport {
  return {
    days: m.days,
    organicViews: m.organicViews,
    cvr: m.cvr,
    aov: m.aov,
    gpm: m.gpm,
    refundRate: m.refundRate,
    organicGmvPerDay: m.organicGmvPerDay,
    cvrCv: m.cvrCv,
    organicGmvCv: m.organicGmvCv,
    trend: m.trend,
    weekdayFactors: m.weekdayFactors,
    ready: r.ready,
    reasons: r.reasons,
    notes: r.notes,
    ...(r.fixFirst ? { fixFirst: r.fixFirst } : {}),
    ...(r.verdict ? { verdict: r.verdict } : {}),
    ...(r.checks ? { checks: r.checks } : {}),
  };
}

export function liftReport(l: LiftEstimate): LiftReport {
  return { lambda: l.lambda, theta: l.theta, identified: l.identified, leverage: l.leverage, note: l.note };
}

/** The scenarios to plan: all (inherited), or the one named. Unknown name ⇒ lookup error listing the valid ones. */
export function selectScenarios(scenarios: readonly Scenario[], name?: string): Scenario[] {
  const all = inheritScenarios(scenarios);
  if (all.length === 0) {
    throw new AdplanError('input', text('The assumptions table has no scenario column.', '假设表中没有方案列。'), 'assumptions');
  }
  if (name === undefined || name === null) return all;
  const hit = all.find((s) => s.name === name) ?? all.find((s) => s.name.trim().toLowerCase() === String(name).trim().toLowerCase());
  if (!hit) throw unknownScenario(String(name), all.map((s) => s.name));
  return [hit];
}

/** A scenario's baseline window: its baseline_days, else the registry default. */
export function baselineDaysOf(s: Scenario | null): number {
  const v = s?.values.baseline_days;
  return valueOrDefault('baseline_days', v);
}

export interface PlanForInput {
  history: History;
  scenarios: readonly Scenario[];
  /** One scenario by name; all when absent. */
  scenario?: string;
  horizonDays?: number;
}

/** Where planFor gets the analysis of one baseline window (the functions memoise it per workbook). */
export type AnalysisSource = (baselineDays: number) => Analysis;

export interface PlannedScenarios {
  /** In the order of the table's columns (or the one named). */
  plans: ScenarioPlan[];
  /** The analysis each plan was made against (index-aligned with plans). */
  analyses: Analysis[];
}

/**
 * THE planning entry point: every surface (CLI, functions, task pane, portfolio) plans through
 * here. Each scenario is planned against the analysis of its own baseline window, computed once
 * per distinct window, so a scenario's numbers do not depend on which others are planned with it.
 */
export function planFor(input: PlanForInput, source?: AnalysisSource): PlannedScenarios {
  if (input.horizonDays !== undefined) checkHorizon(input.horizonDays);
  const chosen = selectScenarios(input.scenarios, input.scenario);
  const byWindow = new Map<number, Analysis>();
  const analysisOf = (days: number): Analysis => {
    let a = byWindow.get(days);
    if (!a) {
      a = source ? source(days) : analyse(input.history, days);
      byWindow.set(days, a);
    }
    return a;
  };
  const analyses = chosen.map((s) => analysisOf(baselineDaysOf(s)));
  const plans = chosen.map((s, i) => planScenario(analyses[i]!, s, input.horizonDays));
  return { plans, analyses };
}

/**
 * THE target table of one scenario (the named one, else the first): `adplan targets`,
 * =ADPLAN.TARGETS and the pane (through buildPlanReport) all come here. Direct-split histories
 * (标准推广) have no platform-chosen spend: an input error says so.
 */
export function targetTableFor(input: PlanForInput, source?: AnalysisSource): { plan: ScenarioPlan; table: TargetTable } {
  const { plans, analyses } = planFor({ ...input, scenario: input.scenario ?? selectScenarios(input.scenarios)[0]!.name }, source);
  const plan = plans[0]!;
  const table = targetsFor(plan, analyses[0]!);
  if (!table) {
    throw new AdplanError(
      'input',
      text(
        'The target table is for 全域推广 accounts (whole-room basis): this history has a paid split (标准推广, 直接成交金额), where the budget is the decision. Use adplan plan / ADPLAN.PLAN.',
        '目标表适用于全域推广账户（整体口径）：该历史数据有付费拆分（标准推广，直接成交金额），其决策是预算。请使用 adplan plan / ADPLAN.PLAN。',
      ),
      'curve_basis',
    );
  }
  return { plan, table };
}

export interface PlanReportInput extends PlanForInput {
  runs?: number;
  seed?: number;
}

/** history + scenarios → PlanReport. runs 0 ⇒ no risk. Default 1000 runs, seed 1. */
export function buildPlanReport(input: PlanReportInput): PlanReport {
  const runs = input.runs ?? DEFAULT_RUNS;
  const seed = input.seed ?? DEFAULT_SEED;
  checkRuns(runs, seed);
  const { plans, analyses } = planFor(input);
  const analysis = analyses[0]!;
  const readiness = readinessOf(analysis, plans[0]!.scenario);
  const lever = whatIfLever(readiness, plans[0]!.scenario.values);
  const whatIf = lever ? whatIfOf(input, lever, analysis, plans[0]!) : null;
  const notReady = readiness.ready
    ? null
    : text(
        `Not ready to scale paid traffic — ${readiness.fixFirst?.['en-US'] ?? ''} This plan is shown for reference.${whatIf ? ` ${whatIf.label['en-US']}` : ''}`,
        `尚不具备放量条件——${readiness.fixFirst?.['zh-CN'] ?? ''}以下计划仅供参考。${whatIf ? whatIf.label['zh-CN'] : ''}`,
      );
  const carriers = carrierBase(analysis.history, analysis.baseline.from, analysis.baseline.to);
  const scenarios = plans.map((p0, i) => {
    const targets = targetsFor(p0, analyses[i]!);
    const withTargets = targets ? { ...p0.report, targets } : p0.report;
    const p = { ...p0, report: notReady ? { ...withTargets, notes: [notReady, ...withTargets.notes] } : withTargets };
    if (runs === 0) return p.report;
    const sim = simulateScenario(p, runs, seed, true);
    const rows = scenarioSensitivity(p);
    return {
      ...p.report,
      risk: riskReport(sim),
      sensitivity: rows.map((x) => ({ ...x })),
      ...(sim.cashP10 ? { cashP10: sim.cashP10 } : {}),
      ...(sim.cashP90 ? { cashP90: sim.cashP90 } : {}),
      ...(p.report.events ? { events: withEventRisk(p.report.events, sim) } : {}),
    };
  });
  return {
    baseline: { ...baselineReport(analysis.baseline, readiness), ...(whatIf ? { whatIf } : {}), ...(carriers ? { carriers } : {}) },
    curve: plans[0]!.curveReport,
    lift: liftReport(analysis.lift),
    scenarios,
  };
}

/** Each event's incremental profit P10 / P50 / P90 from the runs (same order as the report's events). */
function withEventRisk(events: readonly EventPlanReport[], sim: SimulationResult): EventPlanReport[] {
  return events.map((e, k) => {
    const runs = sim.eventProfit?.[k];
    if (!runs || runs.length === 0) return e;
    return { ...e, incrementalProfitP10: quantile(runs, 0.1) ?? e.incrementalProfit, incrementalProfitP50: quantile(runs, 0.5) ?? e.incrementalProfit, incrementalProfitP90: quantile(runs, 0.9) ?? e.incrementalProfit };
  });
}

/**
 * The same scenario planned with the lever at its benchmark (organic sales scaled): a labelled
 * what-if. Null when the history has no organic split to scale, or the what-if cannot be planned.
 */
function whatIfOf(input: PlanReportInput, l: WhatIfLever, a: Analysis, p: ScenarioPlan): WhatIfReport | null {
  if (!a.history.days.some((d) => d.organicGmv !== null)) return null;
  let w: PlannedScenarios;
  try {
    w = planFor({ history: scaledOrganic(input.history, l.factor), scenarios: [p.scenario], ...(input.horizonDays !== undefined ? { horizonDays: input.horizonDays } : {}) });
  } catch (e) {
    // The plan itself was made; a what-if that cannot be is left out, not an error of the plan.
    if (e instanceof AdplanError && e.kind === 'input') return null;
    throw e;
  }
  const wp = w.plans[0]!;
  const organic = { now: a.baseline.organicGmvPerDay, whatIf: w.analyses[0]!.baseline.organicGmvPerDay };
  const gmv = { now: p.report.kpis.totalGmv, whatIf: wp.report.kpis.totalGmv };
  const profit = { now: p.report.kpis.totalProfit, whatIf: wp.report.kpis.totalProfit };
  return { lever: l.lever, measured: l.measured, benchmark: l.benchmark, label: whatIfLabel(l, organic, gmv, profit), organicGmvPerDay: organic, totalGmv: gmv, totalProfit: profit };
}

/** CASHFLOW: the cash model on the user's own spend and GMV columns (aov and refund_rate must come from the table). */
export function cashflow(spend: readonly number[], gmv: readonly number[], s: Scenario): number[] {
  const r = resolveAssumptions(s.values, { refundRate: null, aov: null });
  return cashflowOf(spend, gmv, cashTermsOf(r));
}
