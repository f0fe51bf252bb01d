/**
 * One scenario planned against an analysis: its economics, curve, sustainable spend, day-by-day
 * plan, the ROI bases and targets, and the uncertainty its risk is drawn with.
 */
import { text, type Text } from '../../i18n/text';
import { dayIndex } from '../core';
import { CATEGORY_CURVE, type Scenario } from '../settings';
import { checkAssumption } from '../settings';
import type { AssumedCurveReport, CurveBasis, CurveReport, ScenarioReport } from '../report';
import { assumedCurve, toCurveReport, type Curve } from '../transforms';
import { AdplanError } from '../core';
import { roiBases, resolveAssumptions, unitEconomicsOf, unitMargin, type ResolvedAssumptions } from '../economics';
import { basisFor, calibrationNote, calibrationSummary, carrySeries, directFitOf, leverageOf, roomFitOf, roomSStarInterval, type Analysis, type FitResult, type RoomFit } from '../fit';
import { eventHandlingOf } from '../events';
import { yuan } from './action';
import { buildPlan, type PlanResult, type PlanSetup } from './planner';
import { roomOrganic, wholeRoomLiftNotes, wholeRoomNotes } from './room-plan';
import { sustainableSpend, targetMarginalRoi } from './sustainable-spend';
import { uncertaintyOf, type Uncertainty } from './uncertainty';
import { cashTermsOf } from './cash';
import { eventPlanInputs } from './event-plan-inputs';
import { eventReports } from './event-report';
import { appliedWindows, fittedEventEffects, planEventDays, withCalendar } from '../events';

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

/** The values a scenario resolves against: refund rate and AOV from the baseline. */
export function resolveFor(a: Analysis, s: Scenario): ResolvedAssumptions {
  return resolveAssumptions(s.values, { refundRate: a.baseline.refundRate, aov: a.baseline.aov > 0 ? a.baseline.aov : null, refund1hRate: a.refund1h });
}

/** The assumed curve a plan rests on when the data cannot identify one (before its S* range). */
type AssumedBasis = Omit<AssumedCurveReport, 'sStarRange' | 'identifyBy'>;

/**
 * The fitted curve on the scenario's basis, else the assumed one: the scenario's paid_roi_initial /
 * saturation_spend, else labelled category defaults scaled to the spend seen. Only a history with
 * no spend at all (no scale for a default) still needs the two keys.
 */
function curveFor(a: Analysis, r: ResolvedAssumptions, basis: CurveBasis): { curve: Curve; assumed: AssumedBasis | null } {
  const fitted: FitResult = basis === 'whole-room' ? wholeRoomResult(roomFitOf(a, eventHandlingOf(r.event_handling))) : directFitOf(a, eventHandlingOf(r.event_handling));
  if ('curve' in fitted) return { curve: fitted.curve, assumed: null };
  const why = fitted.reason;
  const spends = a.history.days.map((d) => d.spend).filter((x) => x > 0);
  const maxSeen = spends.reduce((m, x) => Math.max(m, x), 0);
  const what = basis === 'whole-room' ? text('no usable whole-room fit', '没有可用的整体拟合') : text('no usable paid history', '没有可用的付费历史');
  if ((r.paid_roi_initial === null || r.saturation_spend === null) && !(maxSeen > 0)) {
    const missing = [r.paid_roi_initial === null ? 'paid_roi_initial (初始投产比)' : null, r.saturation_spend === null ? 'saturation_spend (饱和日消耗)' : null]
      .filter((x) => x !== null)
      .join(', ');
    throw new AdplanError(
      'input',
      text(
        `${basis === 'whole-room' ? 'No usable whole-room fit' : 'No usable paid history'} (${why['en-US']}) — assumptions ${missing} are required to plan with an assumed response curve.`,
        `${basis === 'whole-room' ? '没有可用的整体拟合' : '没有可用的付费历史'}（${why['zh-CN']}）——需要填写假设 ${missing}，才能按假定的响应曲线规划。`,
      ),
      r.paid_roi_initial === null ? 'paid_roi_initial' : 'saturation_spend',
    );
  }
  const own = r.paid_roi_initial !== null && r.saturation_spend !== null;
  const roi = r.paid_roi_initial ?? CATEGORY_CURVE.paidRoiInitial;
  const k = r.saturation_spend ?? CATEGORY_CURVE.saturationOfMaxSpend * maxSeen;
  const from = own ? text('', '') : text('category defaults, not fitted to this shop: ', '行业默认值，未按本店数据校准：');
  const curve = assumedCurve(
    roi,
    k,
    text(
      `Assumed curve (${what['en-US']}: ${why['en-US']}): ${from['en-US']}initial ROI ${roi}, half-saturation spend ${Math.round(k)}.`,
      `假定曲线（${what['zh-CN']}：${why['zh-CN']}）：${from['zh-CN']}初始投产比 ${roi}，半饱和日消耗 ${Math.round(k)}。`,
    ),
  );
  // On defaults the spend seen bounds the plan as a fitted curve's would (max_extrapolation).
  const bounded: Curve = own || !(maxSeen > 0) ? curve : { ...curve, minSpend: spends.reduce((m, x) => Math.min(m, x), maxSeen), maxSpend: maxSeen };
  return { curve: bounded, assumed: { why, source: own ? 'assumptions' : 'category-defaults', paidRoiInitial: roi, saturationSpend: k } };
}

/** S* over plausible curves around the assumed one, and the test that would identify the curve. */
function assumedReport(b: AssumedBasis, curve: Curve, target: number, maxExtrapolation: number, recent: number): AssumedCurveReport {
  const sStars: number[] = [];
  for (const fr of [2 / 3, 1, 1.5]) {
    for (const fk of [0.5, 1, 2]) {
      const c: Curve = { ...assumedCurve(b.paidRoiInitial * fr, b.saturationSpend * fk), minSpend: curve.minSpend, maxSpend: curve.maxSpend };
      sStars.push(sustainableSpend(c, target, maxExtrapolation).spend);
    }
  }
  const level = recent > 0 ? recent : b.saturationSpend;
  const steps = [0.5, 1, 1.5].map((f) => yuan(f * level));
  return {
    ...b,
    sStarRange: [Math.min(...sStars), Math.max(...sStars)],
    identifyBy: text(
      `a spend-step test in this room: daily budgets of about ${steps.join(', ')}, 4 days each (about two weeks), nothing else changed; then plan again`,
      `在本直播间做一次消耗阶梯测试：日预算分三档（约 ${steps.join('、')}），每档连续 4 天（约两周），期间不改其他设置；之后重新生成方案`,
    ),
  };
}

/** The first note of a plan on an assumed curve: every number rests on it. */
function assumedNote(a: AssumedCurveReport): Text {
  const src = a.source === 'category-defaults' ? text('labelled category defaults', '行业默认值') : text("the scenario's paid_roi_initial / saturation_spend", '本方案填写的初始投产比 / 饱和日消耗');
  const [lo, hi] = a.sStarRange;
  return text(
    `Every number of this plan rests on an assumed response curve (${src['en-US']}: initial ROI ${a.paidRoiInitial}, half-saturation spend ${yuan(a.saturationSpend)}), not on one fitted to this shop: ${a.why['en-US'].replace(/\.$/u, '')}. Over plausible curves the sustainable daily spend lies between ${yuan(lo)} and ${yuan(hi)}. To identify the curve: ${a.identifyBy['en-US']}.`,
    `本方案的所有数字都基于假定曲线（${src['zh-CN']}：初始投产比 ${a.paidRoiInitial}，半饱和日消耗 ${yuan(a.saturationSpend)}），而非按本店数据拟合：${a.why['zh-CN'].replace(/。$/u, '')}。在合理的曲线范围内，可持续日消耗在 ${yuan(lo)} 至 ${yuan(hi)} 之间。要识别曲线：${a.identifyBy['zh-CN']}。`,
  );
}

function wholeRoomResult(room: RoomFit): FitResult {
  if (room.identified) return { curve: room.curve };
  return {
    reason: text(
      `${room.reason['en-US'].replace(/\.$/u, '')}; no confident number is taken from these days`,
      `${room.reason['zh-CN'].replace(/。$/u, '')}；不根据这些天给出确定的数字`,
    ),
  };
}

export function checkHorizon(h: number): number {
  return checkAssumption('horizon_days', h);
}

/**
 * What a scenario's lift override does: the λ/θ it plans with, and a warning
 * when λ·mean(A) would take more than the whole observed organic GMV (the base is floored at 0).
 */
function liftOverrideNotes(a: Analysis, r: ResolvedAssumptions, lambda: number, theta: number, liftPerDay: number): Text[] {
  if (r.lift_lambda === null && r.lift_theta === null) return [];
  const out: Text[] = [
    text(
      `Planned with the scenario's organic lift λ = ${lambda.toFixed(3)}, θ = ${theta.toFixed(2)} (lift_lambda / lift_theta), not the estimate.`,
      `按本方案在假设表中填写的自然流撬动规划（每 1 元付费成交带来 ${leverageOf(lambda, theta).toFixed(2)} 元自然成交），而非历史估计值。`,
    ),
  ];
  const organic = a.baseline.organicGmvPerDay;
  if (liftPerDay > organic) {
    out.push(
      text(
        `lift_lambda = ${lambda.toFixed(3)} is more than the history can carry: λ × past paid GMV (${liftPerDay.toFixed(0)}/day) exceeds the organic GMV per day (${organic.toFixed(0)}), so the organic base is floored at 0 and the plan credits paid traffic with organic sales it did not cause. Lower lift_lambda or leave it blank to use the estimate.`,
        `假设表中的自然流撬动系数 ${lambda.toFixed(3)} 超出历史数据所能支撑的范围：按它算的撬动成交（每天 ¥${liftPerDay.toFixed(0)}）超过日均自然成交（¥${organic.toFixed(0)}），自然基线被截为 0，计划把并非付费带来的自然成交算到了付费头上。请调低该系数，或留空以使用历史估计值。`,
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
  const room = wholeRoom ? roomFitOf(a, eventHandlingOf(r.event_handling)) : null;
  const lambda = wholeRoom ? 0 : (r.lift_lambda ?? a.lift.lambda);
  const theta = wholeRoom ? 0 : (r.lift_theta ?? a.lift.theta);
  const leverage = leverageOf(lambda, theta);
  const target = targetMarginalRoi(u, r.safety_margin, leverage);
  const { curve, assumed: assumedBasis } = curveFor(a, r, basis);
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
  // Plan days inside the windows this scenario applies (event_plan) carry their phase's pricing.
  // The history's windows (the user's calendar over the built-ins), else the built-ins (event_plan all).
  const windows = withCalendar(a.history).events;
  const eventDays = planEventDays(appliedWindows(windows, r.event_plan), setup.lastDate, horizon, fittedEventEffects(room ?? null));
  if (eventDays) {
    setup.events = eventPlanInputs(eventDays, {
      assumptions: r,
      curve,
      unitMargin: u,
      sustainableSpend: sStar.spend,
      targetMroi: target,
      leverage,
      capGmv: r.capacity_orders_per_day === null ? Infinity : r.capacity_orders_per_day * r.aov,
      terms: cashTermsOf(r),
    });
  }
  const plan = buildPlan(setup);
  const events = eventReports(setup, plan);
  const r1h = r.refund_1h_rate ?? 0;
  const bases = roiBases(curve.shape, u, r1h, sStar.spend, { organic: organicLevel, gpFactor: 1 + leverage, scope: r.uni_roi_scope === 1 ? 'attributed' : 'room' }, curve.maxSpend ?? sStar.spend);
  const cap = (curve.maxSpend ?? 0) * r.max_extrapolation;
  const fittedRoom = room?.identified && curve === room.curve ? room : null;
  const interval = fittedRoom ? roomSStarInterval(fittedRoom, target, cap > 0 ? cap : Infinity) : null;
  const dc = fittedRoom?.demandCoupling;
  const calibration = room && fittedRoom ? calibrationSummary(room, target, cap > 0 ? cap : Infinity) : null;
  const assumed = assumedBasis ? assumedReport(assumedBasis, curve, target, r.max_extrapolation, recent) : null;
  const curveReport: CurveReport = {
    ...toCurveReport(curve, basis),
    ...(wholeRoom ? { organicGmvPerDay: organic.identified ? organicLevel : null, sStarInterval: interval } : {}),
    ...(assumed ? { assumed } : {}),
    ...(dc && (dc.method === 'target-log' || dc.method === 'proxy' || dc.detected) ? { demandCoupling: { method: dc.method, detected: dc.detected, strength: dc.strength, widened: dc.widened } } : {}),
    ...(room && room.eventEffects.length > 0 ? { eventEffects: room.eventEffects } : !room && a.eventEffects ? { eventEffects: a.eventEffects } : {}),
    ...(calibration ? { calibration: { ...calibration, used: calibration.used.map((o) => ({ ...o })) } } : {}),
  };
  const notes = [
    ...(assumed ? [assumedNote(assumed)] : []),
    ...liftNotes,
    ...(sStar.note ? [sStar.note] : []),
    ...(room ? wholeRoomNotes(room, organic.identified, bases, plan.days, r.refund_1h_rate !== null) : []),
    ...(calibration ? [calibrationNote(calibration, interval)] : []),
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
    recentSpend: recent,
    lift: { lambda, theta, leverage },
    ...(events.length > 0 ? { events } : {}),
  };
  const uncertainty = uncertaintyOf(curve, a.baseline, a.lift, {
    curveUncertainty: r.curve_uncertainty,
    dailyNoise: r.daily_noise,
    liftLambdaGiven: r.lift_lambda !== null,
  });
  return { name: s.name, scenario: s, assumptions: r, curve, curveReport, basis, unitMargin: u, breakEvenRoi: 1 / u, targetMarginalRoi: target, setup, plan, uncertainty, report };
}

