/**
 * The engine's facade: history + scenarios → PlanReport (the `adplan plan --json` contract), and
 * the granular, pure pieces the custom functions call one by one. Every function here is a pure
 * function of its inputs, so callers can memoise on content.
 */
import { text, type Text } from '../i18n/text';
import type { Scenario } from './assumptions';
import { checkAssumption, defaultOf, valueOrDefault } from './assumption-check';
import { computeBaseline, type BaselineMetrics } from './baseline';
import { cashflow as cashflowOf, cashTermsOf } from './cash';
import { tryFitCurve, type FitResult } from './curve-fit';
import { dayIndex } from './dates';
import { unitMargin } from './economics';
import { AdplanError } from './errors';
import type { History } from './history';
import { carrySeries, estimateLift, leverageOf, type LiftEstimate } from './lift';
import { buildPlan, type PlanResult, type PlanSetup } from './planner';
import type { Readiness } from './readiness';
import { assessReadinessV2 } from './readiness/assess';
import { scaledOrganic, whatIfLabel, whatIfLever, type WhatIfLever } from './readiness/what-if';
import { carrierBase } from './fit/carrier-base';
import { RUN_OPTIONS } from './run-options';
import type { BaselineReport, CurveBasis, CurveReport, LiftReport, PlanReport, ScenarioReport, WhatIfReport } from './report';
import { assumedCurve, toCurveReport, type Curve } from './response-curve';
import {
  inheritScenarios,
  resolveAssumptions,
  unitEconomicsOf,
  unknownScenario,
  type ResolvedAssumptions,
} from './scenarios';
import { sensitivity, simContextOf, simulate, riskReport, checkRuns, type SimContext, type SimMetric, type SensitivityRow, type SimulationResult, type Uncertainty } from './simulation';
import { sustainableSpend, targetMarginalRoi } from './sustainable-spend';
import { roiBases } from './roi-bases';
import { basisFor, needsWholeRoom, organicResidualCv, refund1hOf, splitForBaseline, WHOLE_ROOM_LIFT } from './room';
import { fitRoom, organicLevelOver, sStarInterval, type RoomFit } from './room-fit';
import { roomOrganic, wholeRoomLiftNotes, wholeRoomNotes } from './room-plan';

export const DEFAULT_RUNS = RUN_OPTIONS.runs.default;
export const DEFAULT_SEED = RUN_OPTIONS.seed.default;

/** What the history says, independent of any scenario but the baseline window. */
export interface Analysis {
  history: History;
  /** The baseline window this analysis was made for. */
  baselineDays: number;
  baseline: BaselineMetrics;
  fit: FitResult;
  lift: LiftEstimate;
  /** The whole-room fit (MODEL §11): fitted when the history has no paid split, else on first use. */
  room: RoomFit | null;
  /** 1-hour refund share of GMV from the export; null when not exported. */
  refund1h: number | null;
}

/** One scenario, planned. */
export interface ScenarioPlan {
  name: string;
  /** The scenario as given (after inheritance). */
  scenario: Scenario;
  assumptions: ResolvedAssumptions;
  curve: Curve;
  /** The curve as reported for this scenario (basis, organic per day and S* interval on whole-room). */
  curveReport: CurveReport;
  basis: CurveBasis;
  unitMargin: number;
  breakEvenRoi: number;
  targetMarginalRoi: number;
  setup: PlanSetup;
  plan: PlanResult;
  uncertainty: Uncertainty;
  report: ScenarioReport;
}

function emptyHistory(): AdplanError {
  return new AdplanError('input', text('The history is empty: no days to plan from.', '历史数据为空:没有可用于规划的天。'), 'history');
}

/** Baseline, fitted curve and lift estimate from the history (the scenario-free part). */
export function analyse(history: History, baselineDays = defaultOf('baseline_days')): Analysis {
  if (history.days.length === 0) throw emptyHistory();
  const room = needsWholeRoom(history) ? fitRoom(history) : null;
  const baseline = roomAwareBaseline(history, baselineDays, room);
  const paid = history.days.filter((d) => d.spend > 0 && d.paidGmv !== null);
  const fit = tryFitCurve(
    paid.map((d) => d.spend),
    paid.map((d) => d.paidGmv ?? 0),
    'auto',
  );
  const lift = room ? WHOLE_ROOM_LIFT : estimateLift(history, baseline.weekdayFactors);
  return { history, baselineDays, baseline, fit, lift, room, refund1h: refund1hOf(history) };
}

/**
 * The baseline on any history: unsplit (全域) days split by the room fit; on a fitted room the
 * organic level is the model's, the one the plan runs on (one number, not two).
 */
function roomAwareBaseline(history: History, baselineDays: number, room: RoomFit | null): BaselineMetrics {
  const splitHistory = splitForBaseline(history, room);
  const split = computeBaseline(splitHistory, baselineDays);
  if (!room?.identified) return split;
  // The proportional split follows spend; level, growth and noise come from the fitted organic room.
  return {
    ...split,
    organicGmvPerDay: organicLevelOver(room.organic, history, baselineDays),
    trend: Math.expm1(room.organic.growth),
    organicGmvCv: organicResidualCv(room.organic, splitHistory, baselineDays),
  };
}

/** The baseline alone (BASELINE), exactly as analyse computes it. */
export function baselineOf(history: History, baselineDays: number): BaselineMetrics {
  return roomAwareBaseline(history, baselineDays, needsWholeRoom(history) ? fitRoom(history) : null);
}

/** The whole-room fit of an analysis, fitted on first use when the history has a paid split. */
export function roomFitOf(a: Analysis): RoomFit {
  if (!a.room) a.room = fitRoom(a.history);
  return a.room;
}

/** The values a scenario resolves against: refund rate and AOV from the baseline. */
function resolveFor(a: Analysis, s: Scenario): ResolvedAssumptions {
  return resolveAssumptions(s.values, { refundRate: a.baseline.refundRate, aov: a.baseline.aov > 0 ? a.baseline.aov : null, refund1hRate: a.refund1h });
}

/** The fitted curve on the scenario's basis, else the assumed one (paid_roi_initial, saturation_spend). */
function curveFor(a: Analysis, r: ResolvedAssumptions, basis: CurveBasis): Curve {
  const fitted: FitResult = basis === 'whole-room' ? wholeRoomResult(roomFitOf(a)) : a.fit;
  if ('curve' in fitted) return fitted.curve;
  const why = fitted.reason;
  if (r.paid_roi_initial === null || r.saturation_spend === null) {
    const missing = [r.paid_roi_initial === null ? 'paid_roi_initial (初始投产比)' : null, r.saturation_spend === null ? 'saturation_spend (饱和日消耗)' : null]
      .filter((x) => x !== null)
      .join(', ');
    throw new AdplanError(
      'input',
      text(
        `${basis === 'whole-room' ? 'No usable whole-room fit' : 'No usable paid history'} (${why['en-US']}) — assumptions ${missing} are required to plan with an assumed response curve.`,
        `${basis === 'whole-room' ? '没有可用的整体拟合' : '没有可用的付费历史'}(${why['zh-CN']})——需要填写假设 ${missing},才能按假定的响应曲线规划。`,
      ),
      r.paid_roi_initial === null ? 'paid_roi_initial' : 'saturation_spend',
    );
  }
  return assumedCurve(
    r.paid_roi_initial,
    r.saturation_spend,
    text(
      `Assumed curve (${basis === 'whole-room' ? 'no usable whole-room fit' : 'no usable paid history'}: ${why['en-US']}): initial ROI ${r.paid_roi_initial}, half-saturation spend ${r.saturation_spend}.`,
      `假定曲线(${basis === 'whole-room' ? '没有可用的整体拟合' : '没有可用的付费历史'}:${why['zh-CN']}):初始投产比 ${r.paid_roi_initial},半饱和日消耗 ${r.saturation_spend}。`,
    ),
  );
}

function wholeRoomResult(room: RoomFit): FitResult {
  if (room.identified) return { curve: room.curve };
  return {
    reason: text(
      `${room.reason['en-US'].replace(/\.$/u, '')}; no confident number is taken from these days`,
      `${room.reason['zh-CN'].replace(/。$/u, '')};不根据这些天给出确定的数字`,
    ),
  };
}

function checkHorizon(h: number): number {
  return checkAssumption('horizon_days', h);
}

/**
 * What a scenario's lift override does (issue 11 item 6): the λ/θ it plans with, and a warning
 * when λ·mean(A) would take more than the whole observed organic GMV (the base is floored at 0).
 */
function liftOverrideNotes(a: Analysis, r: ResolvedAssumptions, lambda: number, theta: number, liftPerDay: number): Text[] {
  if (r.lift_lambda === null && r.lift_theta === null) return [];
  const out: Text[] = [
    text(
      `Planned with the scenario's organic lift λ = ${lambda.toFixed(3)}, θ = ${theta.toFixed(2)} (lift_lambda / lift_theta), not the estimate.`,
      `按本方案设定的自然流撬动规划:λ = ${lambda.toFixed(3)},θ = ${theta.toFixed(2)}(lift_lambda / lift_theta),而非历史估计值。`,
    ),
  ];
  const organic = a.baseline.organicGmvPerDay;
  if (liftPerDay > organic) {
    out.push(
      text(
        `lift_lambda = ${lambda.toFixed(3)} is more than the history can carry: λ × past paid GMV (${liftPerDay.toFixed(0)}/day) exceeds the organic GMV per day (${organic.toFixed(0)}), so the organic base is floored at 0 and the plan credits paid traffic with organic sales it did not cause. Lower lift_lambda or leave it blank to use the estimate.`,
        `自然流撬动系数 lift_lambda = ${lambda.toFixed(3)} 超出历史数据所能支撑的范围:λ × 历史付费成交(每天 ${liftPerDay.toFixed(0)})超过日均自然成交(${organic.toFixed(0)}),自然基线被截为 0,计划把并非付费带来的自然成交算到了付费头上。请调低 lift_lambda,或留空以使用估计值。`,
      ),
    );
  }
  return out;
}

/** Plan one scenario against an analysis. */
export function planScenario(a: Analysis, s: Scenario, horizonDays?: number): ScenarioPlan {
  const r = resolveFor(a, s);
  const horizon = checkHorizon(horizonDays ?? r.horizon_days);
  const u = unitMargin(unitEconomicsOf(r));
  const basis = basisFor(a.history, r.curve_basis);
  const wholeRoom = basis === 'whole-room';
  const room = wholeRoom ? roomFitOf(a) : null;
  const lambda = wholeRoom ? 0 : (r.lift_lambda ?? a.lift.lambda);
  const theta = wholeRoom ? 0 : (r.lift_theta ?? a.lift.theta);
  const leverage = leverageOf(lambda, theta);
  const target = targetMarginalRoi(u, r.safety_margin, leverage);
  const curve = curveFor(a, r, basis);
  const sStar = sustainableSpend(curve, target, r.max_extrapolation);

  // Lift-free organic level: the window's organic GMV minus what past paid traffic lifted.
  const days = a.history.days;
  const carry = carrySeries(a.history, theta);
  const from = dayIndex(a.baseline.from);
  let liftSum = 0;
  let liftN = 0;
  days.forEach((d, i) => {
    if (d.organicGmv !== null && dayIndex(d.date) >= from) {
      liftSum += carry[i]!;
      liftN++;
    }
  });
  const liftPerDay = liftN > 0 ? (lambda * liftSum) / liftN : 0;
  const liftNotes = wholeRoom ? wholeRoomLiftNotes(r) : liftOverrideNotes(a, r, lambda, theta, liftPerDay);
  const organic = room ? roomOrganic(a, room, curve) : { level: Math.max(0, a.baseline.organicGmvPerDay - liftPerDay), weekday: a.baseline.weekdayFactors, identified: true };
  const organicLevel = organic.level;
  const last7 = days.slice(-7);
  const recent = last7.reduce((t, d) => t + d.spend, 0) / Math.max(1, last7.length);
  const restart = r.start_spend ?? 0.1 * sStar.spend;
  const setup: PlanSetup = {
    assumptions: r,
    curve,
    unitMargin: u,
    sustainableSpend: sStar.spend,
    lambda,
    theta,
    carry0: carry.length > 0 ? carry[carry.length - 1]! : 0,
    organicLevel,
    weekdayFactors: organic.weekday,
    lastDate: days[days.length - 1]!.date,
    horizon,
    initialSpend: recent > 0 ? recent : restart,
    restartSpend: restart,
    gmvTail: days.slice(Math.max(0, days.length - r.settlement_days)).map((d) => d.gmv),
  };
  const plan = buildPlan(setup);
  const r1h = r.refund_1h_rate ?? 0;
  const bases = roiBases(curve.shape, u, r1h, sStar.spend, { organic: organicLevel, gpFactor: 1 + leverage, scope: r.uni_roi_scope === 1 ? 'attributed' : 'room' }, curve.maxSpend ?? sStar.spend);
  const cap = (curve.maxSpend ?? 0) * r.max_extrapolation;
  const interval = room?.identified && curve === room.curve ? sStarInterval(curve.shape, room.covariance, target, cap > 0 ? cap : Infinity) : null;
  const curveReport: CurveReport = {
    ...toCurveReport(curve, basis),
    ...(wholeRoom ? { organicGmvPerDay: organic.identified ? organicLevel : null, sStarInterval: interval } : {}),
  };
  const notes = [
    ...liftNotes,
    ...(sStar.note ? [sStar.note] : []),
    ...(room ? wholeRoomNotes(room, organic.identified, bases, plan.days, r.refund_1h_rate !== null) : []),
    ...plan.notes,
  ];
  const report: ScenarioReport = {
    name: s.name,
    economics: { unitMargin: u, breakEvenRoi: 1 / u, targetMarginalRoi: target, breakEvenRoiNet: bases.breakEvenRoiNet, roomBreakEvenRoi: bases.roomBreakEvenRoi, targets: bases.targets },
    kpis: { ...plan.kpis, returnOnCapitalAnnualised: plan.returnOnCapitalAnnualised, incrementalProfit: plan.incrementalProfit },
    days: plan.days,
    notes,
    organicGmvPerDay: organic.identified ? organicLevel : null,
    curveBasis: basis,
    lift: { lambda, theta, leverage },
  };
  const fitted = curve.model !== 'assumed';
  const uncertainty: Uncertainty = {
    curveSd: r.curve_uncertainty ?? (fitted ? Math.max(0.1, (curve.residualSd ?? 0.3) / Math.sqrt(Math.max(1, curve.n))) : 0.5),
    dailyNoise: r.daily_noise,
    refundKappa: a.baseline.refundRate !== null ? Math.min(500, Math.max(20, a.baseline.orders)) : 50,
    aovSd: 0.05,
    // Without views CVR's variation is unknown: the organic GMV's own day-to-day variation stands in.
    organicSd: Math.max(0.05, (a.baseline.cvrCv ?? a.baseline.organicGmvCv) / Math.sqrt(a.baseline.days)),
    lambdaSe: r.lift_lambda === null && a.lift.identified ? (a.lift.lambdaSe ?? 0) : 0,
  };
  return { name: s.name, scenario: s, assumptions: r, curve, curveReport, basis, unitMargin: u, breakEvenRoi: 1 / u, targetMarginalRoi: target, setup, plan, uncertainty, report };
}

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
  const scenarios = plans.map((p0) => {
    const p = notReady ? { ...p0, report: { ...p0.report, notes: [notReady, ...p0.report.notes] } } : p0;
    if (runs === 0) return p.report;
    const sim = simulateScenario(p, runs, seed, true);
    const rows = scenarioSensitivity(p);
    return {
      ...p.report,
      risk: riskReport(sim),
      sensitivity: rows.map((x) => ({ ...x })),
      ...(sim.cashP10 ? { cashP10: sim.cashP10 } : {}),
      ...(sim.cashP90 ? { cashP90: sim.cashP90 } : {}),
    };
  });
  return {
    baseline: { ...baselineReport(analysis.baseline, readiness), ...(whatIf ? { whatIf } : {}), ...(carriers ? { carriers } : {}) },
    curve: plans[0]!.curveReport,
    lift: liftReport(analysis.lift),
    scenarios,
  };
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
