/**
 * The target table (docs/model.md "The target table"): on 全域推广 the merchant sets a 净成交ROI
 * target and the platform chooses the spend — on each day, the largest spend at which the room's
 * ROI on that day's demand still meets the target. For targets on a grid from the 整体ROI 保本线
 * upward (steps ≤ 10 %) plus the sustainable one, each row gives the spend band the platform is
 * expected to choose, room GMV, the ads' incremental profit P10/P50/P90, P(a day triggers 成本保障)
 * and the expected 赠款 it pays, and the cash low point; one row is recommended by a stated rule.
 *
 * Randomness is integrated, not sampled: curve level c (log-normal, the plan's curve uncertainty)
 * and the demand the platform sees ε (log-normal) on equal-probability strata; the demand it does
 * not see when it commits the spend, η, analytically (log-normal CDF and partial expectation). So
 * the table is deterministic, needs no seed, and is the same on every surface.
 */
import { groupDigits } from '../../i18n/number';
import { text, type Text } from '../../i18n/text';
import { addDays, type IsoDate } from '../core';
import { addReceivables, addTradeFlows, balances, flowsLength, type CashTerms } from './cash';
import { normalCdf, normalQuantile } from '../numeric';
import { payFromNet, type RoiScope } from '../economics';
import { responseOf, type CurveShape } from '../transforms';
import {
  COST_GUARANTEE_MIN_ORDERS,
  COST_GUARANTEE_SHARE,
  EFFECTIVE_SPEND_FLOOR,
  GRANT_VALID_DAYS,
  MAX_TARGET_STEP,
  scheduleProblems,
  SUGGESTION_HEADROOM,
  targetRamp,
  targetsByDay,
} from './target-rules';
import type { CurrentTarget, DeliveryMode, Settlement, TargetDay, TargetRow, TargetRule, TargetStep, TargetTable } from '../report';

export type { DeliveryMode, TargetDay, TargetRow, TargetRule, TargetTable } from '../report';


/** Share of the day-to-day variance of room GMV the platform sees in time to spend into it. */
export const PLATFORM_FORESIGHT = 0.5;
/** Budget cap under 控成本: this multiple of the P90 daily spend, rounded up. */
export const BUDGET_CAP_MULTIPLE = 1.3;
/** Grid rows above the 保本线 (each ≤ 10 % above the previous). */
export const TARGET_GRID_ROWS = 12;

const KC = 7;
const KE = 15;
const GRID = 480;

export interface TargetInputs {
  shape: CurveShape;
  scope: RoiScope;
  unitMargin: number;
  aov: number;
  settlement: Settlement;
  /** Organic GMV per plan day the room sells with no ads (weekday and drift applied). */
  organicBase: ArrayLike<number>;
  firstDate: IsoDate;
  /** Log-sd of the room's day-to-day GMV around its expectation. */
  dailySd: number;
  /** Log-sd of the curve's level. */
  curveSd: number;
  /** Whole-room break-even 整体ROI, pay basis (null when the ads never pay). */
  breakEvenPay: number | null;
  /** 整体ROI at the sustainable spend S*, pay basis (null at S* = 0). */
  sustainablePay: number | null;
  /** Largest spend the curve was fitted on × max_extrapolation (Infinity: none). */
  extrapolationCap: number;
  spendHint: number;
  cash: CashTerms;
  gmvTail: readonly number[];
  mode: DeliveryMode;
  rule: TargetRule;
  /** The platform's suggested 净成交ROI target (platform_suggested_roi); null when not given. */
  suggestedNet: number | null;
  /** The 净成交ROI target in force (last target log entry, else the last 7 days' 净成交ROI). */
  current: CurrentTarget | null;
  /** 放量: the daily budget the platform spends (the sustainable spend). */
  volumeBudget: number;
}




/** Equal-probability strata of a standard normal. */
function strata(k: number): number[] {
  return Array.from({ length: k }, (_, i) => normalQuantile((i + 0.5) / k));
}

/** ¥100 steps from ¥1,000, ¥10 below. */
export function roundBudget(x: number): number {
  if (!(x > 0)) return 0;
  const step = x >= 1000 ? 100 : 10;
  return Math.ceil(x / step - 1e-9) * step;
}

/** Equal-weight quantiles of unsorted values (one sort). */
function quantilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const v = Float64Array.from(values).sort();
  return ps.map((p) => sortedQuantile(v, p));
}

function sortedQuantile(v: Float64Array, p: number): number {
  const h = (v.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(v.length - 1, lo + 1);
  return v[lo]! + (h - lo) * (v[hi]! - v[lo]!);
}

/** The p-quantile of an equal-weight mixture of normals N(mu_k, sd_k²). */
function mixtureQuantile(mu: Float64Array, sd: Float64Array, p: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < mu.length; k++) {
    lo = Math.min(lo, mu[k]! - 9 * sd[k]! - 1);
    hi = Math.max(hi, mu[k]! + 9 * sd[k]! + 1);
  }
  // To the cent: a bracket of a few million yuan closes in about 40 halvings.
  for (let i = 0; i < 100 && hi - lo > 0.005; i++) {
    const m = (lo + hi) / 2;
    if (mixtureCdf(mu, sd, m) < p) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

function mixtureCdf(mu: Float64Array, sd: Float64Array, x: number): number {
  let f = 0;
  for (let k = 0; k < mu.length; k++) f += sd[k]! > 0 ? normalCdf((x - mu[k]!) / sd[k]!) : x >= mu[k]! ? 1 : 0;
  return f / mu.length;
}

/**
 * The platform's spend on one day: for the room f(s) = (o + c·Gp(s))/s on a log grid of s, the
 * largest s with f(s) ≥ x (x = pay target ÷ the day's demand), interpolated in its grid cell.
 */
class DaySolver {
  readonly s: Float64Array;
  readonly lnS: Float64Array;
  readonly gp: Float64Array;
  readonly f = new Float64Array(GRID);
  readonly m = new Float64Array(GRID);
  o = 0;
  c = 1;
  /** Outputs of the last solve: spend, Gp at it, and f at it. */
  spend = 0;
  gpAt = 0;
  fAt = 0;
  /** The spend is inside the grid (the room meets the target exactly there). */
  interior = false;

  constructor(
    readonly shape: CurveShape,
    readonly scope: RoiScope,
    hint: number,
  ) {
    const scale = shape.kind === 'hill' ? shape.k : Math.max(1, hint);
    const lo = Math.log(scale * 1e-3);
    const hi = Math.log(scale * 1e3);
    this.s = new Float64Array(GRID);
    this.lnS = new Float64Array(GRID);
    this.gp = new Float64Array(GRID);
    for (let j = 0; j < GRID; j++) {
      this.lnS[j] = lo + ((hi - lo) * j) / (GRID - 1);
      this.s[j] = Math.exp(this.lnS[j]!);
      this.gp[j] = responseOf(this.s[j]!, shape);
    }
  }

  /** Organic o and curve level c of the day: rebuild f and its suffix maximum. */
  set(o: number, c: number): void {
    this.o = this.scope === 'room' ? o : 0;
    this.c = c;
    let mx = -Infinity;
    for (let j = GRID - 1; j >= 0; j--) {
      const v = (this.o + c * this.gp[j]!) / this.s[j]!;
      this.f[j] = v;
      if (v > mx) mx = v;
      this.m[j] = mx;
    }
  }

  solve(x: number): void {
    const m = this.m;
    this.interior = false;
    if (!(m[0]! >= x)) {
      this.spend = 0;
      this.gpAt = 0;
      this.fAt = 0;
      return;
    }
    let a = 0;
    let b = GRID - 1;
    if (m[b]! >= x) {
      this.spend = this.s[b]!;
      this.gpAt = this.gp[b]!;
      this.fAt = this.f[b]!;
      return;
    }
    while (b - a > 1) {
      const h = (a + b) >> 1;
      if (m[h]! >= x) a = h;
      else b = h;
    }
    const fa = this.f[a]!;
    const fb = this.f[b]!;
    const w = fa > fb ? Math.min(1, Math.max(0, (fa - x) / (fa - fb))) : 0;
    this.spend = Math.exp(this.lnS[a]! + w * (this.lnS[b]! - this.lnS[a]!));
    this.gpAt = this.gp[a]! + w * (this.gp[b]! - this.gp[a]!);
    this.fAt = x;
    this.interior = true;
  }
}

/** P(trigger) and E[payout]/spend for a day whose achieved/target ratio is r0·η, η ~ LN(0, σ²). */
function guarantee(r0: number, etaMin: number, sigma: number): { p: number; payoutShare: number } {
  const b = COST_GUARANTEE_SHARE / r0;
  if (!(b > etaMin)) return NO_TRIGGER;
  if (!(sigma > 0)) return 1 < b && 1 >= etaMin ? { p: 1, payoutShare: 1 - r0 } : NO_TRIGGER;
  const lb = Math.log(b);
  const zb = lb / sigma;
  // Below −8.3 sd Φ is under 1e-16: the usual case (a target the platform meets), no CDF to compute.
  if (zb < -8.3) return NO_TRIGGER;
  const la = etaMin > 0 ? Math.log(etaMin) : -Infinity;
  const s2 = sigma * sigma;
  const cdf = (z: number): number => (z < -8.3 ? 0 : normalCdf(z));
  const p = cdf(zb) - cdf(la / sigma);
  const partial = Math.exp(s2 / 2) * (cdf((lb - s2) / sigma) - cdf((la - s2) / sigma));
  return { p, payoutShare: Math.max(0, p - r0 * partial) };
}

const NO_TRIGGER = { p: 0, payoutShare: 0 } as const;

/** guarantee() for the interior case r0 = 1, memoised on σ (one table evaluates it ~10⁵ times). */
class InteriorGuarantee {
  readonly zb: number;
  readonly p0: number;
  readonly q0: number;
  readonly s2: number;
  constructor(readonly sigma: number) {
    this.s2 = sigma * sigma;
    this.zb = sigma > 0 ? Math.log(COST_GUARANTEE_SHARE) / sigma : -Infinity;
    this.p0 = sigma > 0 ? normalCdf(this.zb) : 0;
    this.q0 = sigma > 0 ? Math.exp(this.s2 / 2) * normalCdf((Math.log(COST_GUARANTEE_SHARE) - this.s2) / sigma) : 0;
  }
  of(etaMin: number): { p: number; payoutShare: number } {
    if (!(this.sigma > 0)) return guarantee(1, etaMin, this.sigma);
    if (!(COST_GUARANTEE_SHARE > etaMin)) return NO_TRIGGER;
    const la = etaMin > 0 ? Math.log(etaMin) : -Infinity;
    const za = la / this.sigma;
    if (za < -8.3) return { p: this.p0, payoutShare: Math.max(0, this.p0 - this.q0) };
    const p = this.p0 - normalCdf(za);
    const partial = this.q0 - Math.exp(this.s2 / 2) * normalCdf((la - this.s2) / this.sigma);
    return { p, payoutShare: Math.max(0, p - partial) };
  }
}

/** The day-level model one target (or one target per day) is evaluated on. */
interface Model {
  inp: TargetInputs;
  H: number;
  cs: number[];
  es: number[];
  sigSeen: number;
  sigSurprise: number;
  mEta: number;
  e2Eta: number;
  solver: DaySolver;
  interior: InteriorGuarantee;
}

function modelOf(inp: TargetInputs): Model {
  const sd = Math.max(0.02, inp.dailySd);
  const sigSeen = sd * Math.sqrt(PLATFORM_FORESIGHT);
  const sigSurprise = sd * Math.sqrt(1 - PLATFORM_FORESIGHT);
  return {
    inp,
    H: inp.organicBase.length,
    cs: strata(KC).map((z) => Math.exp(inp.curveSd * z)),
    es: strata(KE).map((z) => Math.exp(sigSeen * z)),
    sigSeen,
    sigSurprise,
    mEta: Math.exp((sigSurprise * sigSurprise) / 2),
    e2Eta: Math.exp(2 * sigSurprise * sigSurprise),
    solver: new DaySolver(inp.shape, inp.scope, inp.spendHint),
    interior: new InteriorGuarantee(sigSurprise),
  };
}

/** Per-target accumulators over the horizon. */
interface Acc {
  mu: Float64Array;
  v: Float64Array;
  pTrig: number;
  grants: Float64Array;
  spendDay: Float64Array;
  gmvDay: Float64Array;
  spendLo: Float64Array;
  spendHi: Float64Array;
  pDay: Float64Array;
  n: number;
}

function newAcc(H: number): Acc {
  return {
    mu: new Float64Array(KC),
    v: new Float64Array(KC),
    pTrig: 0,
    grants: new Float64Array(H),
    spendDay: new Float64Array(H),
    gmvDay: new Float64Array(H),
    spendLo: new Float64Array(H),
    spendHi: new Float64Array(H),
    pDay: new Float64Array(H),
    n: 0,
  };
}

/** Plan days that are the same problem (same organic level and targets): solved once. */
function dayGroups(md: Model, rows: number, payOn: (r: number, t: number) => number): number[][] {
  const byKey = new Map<string, number[]>();
  for (let t = 0; t < md.H; t++) {
    let key = String(md.inp.organicBase[t]!);
    for (let r = 0; r < rows; r++) key += `|${payOn(r, t)}`;
    const g = byKey.get(key);
    if (g) g.push(t);
    else byKey.set(key, [t]);
  }
  return [...byKey.values()];
}

/**
 * One pass over days × curve strata × demand strata for several pay targets at once
 * (`payOn(r, t)`: row r's pay target on day t), each capped by its budget.
 */
function evaluate(md: Model, rows: number, payOn: (r: number, t: number) => number, caps: readonly number[], centralSpend: Float64Array[] | null, centralOnly = false): Acc[] {
  const { inp, H, cs, es, solver, sigSurprise, mEta, e2Eta, interior: inner } = md;
  const u = inp.unitMargin;
  const rate = inp.settlement.rate;
  const accs = Array.from({ length: rows }, () => newAcc(H));
  const mid = (KC - 1) >> 1;
  const daySum = new Float64Array(rows);
  const daySum2 = new Float64Array(rows);
  // Per group and row: the day's sums over strata (the same for every day of the group).
  const pSum = new Float64Array(rows);
  const grantSum = new Float64Array(rows);
  const spendSum = new Float64Array(rows);
  const gmvSum = new Float64Array(rows);
  const central = new Float64Array(rows * KE);
  for (const group of dayGroups(md, rows, payOn)) {
    const t0 = group[0]!;
    const n = group.length;
    const o = inp.organicBase[t0]!;
    pSum.fill(0);
    grantSum.fill(0);
    spendSum.fill(0);
    gmvSum.fill(0);
    for (let k = centralOnly ? mid : 0; k < (centralOnly ? mid + 1 : KC); k++) {
      const c = cs[k]!;
      solver.set(o, c);
      daySum.fill(0);
      daySum2.fill(0);
      for (let r = 0; r < rows; r++) {
        const x0 = payOn(r, t0);
        const cap = caps[r]!;
        for (let j = 0; j < KE; j++) {
          const eps = es[j]!;
          solver.solve(x0 / eps);
          let s = solver.spend;
          let g = solver.gpAt;
          let f = solver.fAt;
          let interior = solver.interior;
          if (s > cap) {
            interior = false;
            s = cap;
            g = responseOf(s, inp.shape);
            f = ((inp.scope === 'room' ? o : 0) + c * g) / s;
          }
          if (k === mid) central[r * KE + j] = s;
          if (!(s > 0)) {
            gmvSum[r]! += mEta * eps * o;
            continue;
          }
          const inc = eps * c * g;
          daySum[r]! += u * mEta * inc - s;
          daySum2[r]! += u * u * e2Eta * inc * inc - 2 * u * mEta * inc * s + s * s;
          const room = eps * (o + c * g);
          const r0 = interior ? 1 : Math.max(1, (f * eps) / x0);
          const etaMin = (COST_GUARANTEE_MIN_ORDERS * inp.aov) / (rate * room);
          const gu = r0 === 1 ? inner.of(etaMin) : guarantee(r0, etaMin, sigSurprise);
          pSum[r]! += gu.p;
          grantSum[r]! += s * gu.payoutShare;
          spendSum[r]! += s;
          gmvSum[r]! += mEta * room;
        }
      }
      for (let r = 0; r < rows; r++) {
        const acc = accs[r]!;
        const m = daySum[r]! / KE;
        acc.mu[k]! += n * m;
        acc.v[k]! += n * Math.max(0, daySum2[r]! / KE - m * m);
      }
    }
    const w = 1 / (KC * KE);
    for (let r = 0; r < rows; r++) {
      const acc = accs[r]!;
      acc.pTrig += n * pSum[r]!;
      for (const t of group) {
        acc.pDay[t] = pSum[r]! * w;
        acc.grants[t] = grantSum[r]! * w;
        acc.spendDay[t] = spendSum[r]! * w;
        acc.gmvDay[t] = gmvSum[r]! * w;
        if (centralSpend) centralSpend[r]!.set(central.subarray(r * KE, (r + 1) * KE), t * KE);
      }
    }
  }
  for (const acc of accs) {
    acc.n = H * KC * KE;
    acc.pTrig /= acc.n;
  }
  return accs;
}

/** Lowest cash balance over the horizon for expected daily spend and room GMV. */
function cashLowOf(inp: TargetInputs, spend: Float64Array, gmv: Float64Array): number {
  const H = spend.length;
  const flows = new Float64Array(flowsLength(inp.cash, H));
  addReceivables(inp.cash, flows, inp.gmvTail);
  for (let t = 1; t <= H; t++) addTradeFlows(inp.cash, flows, t, spend[t - 1]!, gmv[t - 1]!);
  const b = balances(inp.cash, flows);
  let low = Infinity;
  for (let d = 1; d < b.length; d++) low = Math.min(low, b[d]!);
  return Number.isFinite(low) ? low : inp.cash.openingCash;
}

/** The net targets of the table: the 保本线, the grid above it, the sustainable one; ascending. */
function gridTargets(inp: TargetInputs): { target: number; kind: TargetRow['kind'] }[] {
  const rate = inp.settlement.rate;
  const be = inp.breakEvenPay !== null ? inp.breakEvenPay * rate : null;
  const sus = inp.sustainablePay !== null ? inp.sustainablePay * rate : null;
  const start = be ?? (sus !== null ? sus / Math.pow(1 + MAX_TARGET_STEP, 3) : rate / inp.unitMargin);
  const out: { target: number; kind: TargetRow['kind'] }[] = [];
  let x = Math.ceil(start * 100 - 1e-9) / 100;
  out.push({ target: x, kind: be !== null ? 'break-even' : 'grid' });
  for (let i = 1; i < TARGET_GRID_ROWS; i++) {
    const next = Math.floor(x * (1 + MAX_TARGET_STEP) * 100 + 1e-9) / 100;
    x = next > x ? next : x + 0.01;
    out.push({ target: x, kind: 'grid' });
  }
  if (sus !== null) {
    const t = Math.round(sus * 100) / 100;
    const same = out.findIndex((r) => Math.abs(r.target - t) < 0.005);
    if (same >= 0) out[same] = { target: t, kind: 'sustainable' };
    else out.push({ target: t, kind: 'sustainable' });
  }
  return out.filter((r) => r.target > 0).sort((a, b) => a.target - b.target);
}

const f2 = (x: number): string => x.toFixed(2);

function ruleTextOf(rule: TargetRule, row: TargetRow | null): Text {
  if (rule === 'sustainable') {
    return row
      ? text(`Recommended by the sustainable-spend rule (target_rule = sustainable): the target at which the ads' marginal ROI meets the safety margin.`, `按可持续消耗规则推荐：投放边际投产比恰好满足安全边际时的目标。`)
      : text('No sustainable spend: at this margin no target makes the ads pay; do not buy traffic yet.', '没有可持续消耗：按当前利润率，任何目标下投放都不赚钱；暂不投流。');
  }
  return row
    ? text(
        `Recommended: the highest median incremental profit among the targets whose P10 is not a loss (target_rule = profit); at 净成交ROI ${f2(row.targetNet)} the P10 is ¥${groupDigits(row.profitP10)}.`,
        `推荐规则：在 P10 不亏损的目标中取增量利润中位数最高者；净成交ROI ${f2(row.targetNet)} 的 P10 为 ¥${groupDigits(row.profitP10)}。`,
      )
    : text(
        'No target passes the rule: at every target the ads lose money in at least 1 case in 10 (P10 < 0). Do not buy traffic at scale yet; a test at the highest target would settle how much the ads add.',
        '没有目标满足推荐规则：每个目标下投放都有至少一成可能亏损（P10 < 0）。暂不要大规模投流；可在最高目标下做测试，确认投放的真实增量。',
      );
}

/** The table, the recommended row and its ramp: one path for every surface. */
export function targetTable(inp: TargetInputs): TargetTable {
  const md = modelOf(inp);
  const H = md.H;
  const grid = gridTargets(inp);
  const rate = inp.settlement.rate;
  const pays = grid.map((g) => payFromNet(g.target, rate));
  // Pass 1: the spend band at the central curve, uncapped → the budget caps.
  const central = grid.map(() => new Float64Array(H * KE));
  evaluate(md, grid.length, (r) => pays[r]!, grid.map(() => Infinity), central, true);
  const bands = central.map((v) => {
    const [p10, p50, p90] = quantilesOf(v, [0.1, 0.5, 0.9]);
    return { p10: p10!, p50: p50!, p90: p90! };
  });
  const caps = bands.map((b) => roundBudget(BUDGET_CAP_MULTIPLE * b.p90));
  // Pass 2: everything under the caps (控成本 only: under 放量 the budget is not a cap).
  const accs = evaluate(md, grid.length, (r) => pays[r]!, caps.map((c) => (inp.mode === 'cost' && c > 0 ? c : Infinity)), null);
  const rows: TargetRow[] = grid.map((g, r) => {
    const acc = accs[r]!;
    const sd = acc.v.map(Math.sqrt);
    const spendMean = acc.spendDay.reduce((a, b) => a + b, 0) / Math.max(1, H);
    const b = bands[r]!;
    return {
      targetNet: g.target,
      targetPay: pays[r]!,
      kind: g.kind,
      spendP10: b.p10,
      spendP50: b.p50,
      spendP90: b.p90,
      spendMean,
      budgetCap: caps[r]!,
      roomGmv: acc.gmvDay.reduce((a, x) => a + x, 0) / Math.max(1, H),
      profitP10: mixtureQuantile(acc.mu, sd, 0.1),
      profitP50: mixtureQuantile(acc.mu, sd, 0.5),
      profitP90: mixtureQuantile(acc.mu, sd, 0.9),
      pLoss: mixtureCdf(acc.mu, sd, 0),
      pCostGuarantee: acc.pTrig,
      grants: acc.grants.reduce((a, x) => a + x, 0),
      cashLow: cashLowOf(inp, acc.spendDay, acc.gmvDay),
      effective: spendMean >= EFFECTIVE_SPEND_FLOOR && (inp.suggestedNet === null || g.target <= inp.suggestedNet + 1e-9),
      extrapolated: b.p90 > inp.extrapolationCap,
    };
  });
  let recommended: number | null = null;
  if (inp.rule === 'sustainable') {
    const i = rows.findIndex((r) => r.kind === 'sustainable');
    recommended = i >= 0 ? i : null;
  } else {
    rows.forEach((r, i) => {
      if (r.spendMean > 0 && r.profitP10 >= 0 && (recommended === null || r.profitP50 > rows[recommended]!.profitP50)) recommended = i;
    });
  }
  const rec = recommended === null ? null : rows[recommended]!;
  const warnings: Text[] = [];
  let steps: TargetStep[] = [];
  let days: TargetDay[] = [];
  if (rec) {
    steps = targetRamp(inp.current?.target ?? null, rec.targetNet, inp.firstDate);
    const byDay = targetsByDay(steps, rec.targetNet, inp.current?.target ?? null, inp.firstDate, H);
    const cap = inp.mode === 'cost' ? (rec.budgetCap > 0 ? rec.budgetCap : Infinity) : Infinity;
    const spread = [new Float64Array(H * KE)];
    const acc = evaluate(md, 1, (_, t) => payFromNet(byDay[t]!, rate), [cap], spread)[0]!;
    let balance = 0;
    days = byDay.map((target, t) => {
      const [lo, hi] = quantilesOf(spread[0]!.subarray(t * KE, (t + 1) * KE), [0.1, 0.9]);
      balance += acc.grants[t]!;
      const expired = t - GRANT_VALID_DAYS;
      if (expired >= 0) balance -= acc.grants[expired]!;
      return {
        date: addDays(inp.firstDate, t),
        target,
        spendP10: lo!,
        spendMean: acc.spendDay[t]!,
        spendP90: hi!,
        pCostGuarantee: acc.pDay[t]!,
        grant: acc.grants[t]!,
        grantBalance: Math.max(0, balance),
        effective: acc.spendDay[t]! >= EFFECTIVE_SPEND_FLOOR && (inp.suggestedNet === null || target <= inp.suggestedNet + 1e-9),
      };
    });
    warnings.push(...scheduleProblems(steps, inp.current?.target ?? null));
    if (inp.suggestedNet !== null && rec.targetNet > SUGGESTION_HEADROOM * inp.suggestedNet) {
      warnings.push(
        text(
          `The 净成交ROI target ${f2(rec.targetNet)} is above ${SUGGESTION_HEADROOM}× the platform's suggestion ${f2(inp.suggestedNet)}: the platform may cut traffic and spend sharply; the table's spend may not be reached.`,
          `净成交ROI 目标 ${f2(rec.targetNet)} 高于平台建议 ${f2(inp.suggestedNet)} 的 ${SUGGESTION_HEADROOM} 倍：平台可能大幅缩量，表中的消耗未必能达到。`,
        ),
      );
    }
    if (rec.extrapolated) {
      warnings.push(
        text(
          `At this target the platform would spend beyond what the curve was fitted on (P90 ¥${groupDigits(rec.spendP90)} a day): the spend and profit are extrapolated; step down and watch the room before trusting them.`,
          `该目标下平台的消耗将超出拟合曲线所用的历史范围（P90 每天 ¥${groupDigits(rec.spendP90)}）：消耗与利润是外推值；请逐步下调并观察直播间，再相信这些数字。`,
        ),
      );
    }
    if (days.some((d) => !d.effective)) {
      const n = days.filter((d) => !d.effective).length;
      warnings.push(
        text(
          `${n} plan day(s) may not count as 有效投放 (expected spend below ¥${EFFECTIVE_SPEND_FLOOR} or a target above the platform's suggestion): volume may be less steady on them.`,
          `有 ${n} 个计划日可能不计为有效投放（预计消耗低于 ¥${EFFECTIVE_SPEND_FLOOR} 或目标高于平台建议）：这些天的流量可能不够稳定。`,
        ),
      );
    }
  }
  if (inp.mode === 'volume') {
    warnings.push(
      text(
        '放量: the platform tries to spend the whole budget, so the budget is the spend; the table shows what each target would do under 控成本. 成本保障 under 放量 applies only to accounts spending ≤ ¥5,000 in 30 days.',
        '放量：平台会尽量花完预算，预算即消耗；表中为各目标在控成本下的表现。放量模式下的成本保障仅适用于 30 天消耗 ≤ ¥5,000 的账户。',
      ),
    );
  }
  const budget = inp.mode === 'volume' ? inp.volumeBudget : (rec?.budgetCap ?? 0);
  return {
    mode: inp.mode,
    rule: inp.rule,
    settlement: inp.settlement,
    horizon: H,
    breakEvenNet: inp.breakEvenPay !== null ? inp.breakEvenPay * rate : null,
    suggestedNet: inp.suggestedNet,
    current: inp.current,
    rows,
    recommended,
    ruleText: ruleTextOf(inp.rule, rec),
    steps,
    days,
    budget,
    warnings,
  };
}
