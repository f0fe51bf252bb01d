/**
 * Reading a target test: a piecewise interrupted time series over the schedule's kept days,
 *
 *   y_t = α + Σ weekday + β·trend_t + Σ_j δ_j·[level_t = j] + e_t,
 *
 * fitted for room GMV and for spend on the same design, errors clustered by block (a run of days
 * at one level), t critical values on contrastDf(blocks) degrees of freedom. A step's ΔGMV and Δspend
 * are differences of level effects; its incremental ROI is ΔGMV/Δspend by the delta method.
 * The target is the merchant's move, so the contrast is causal even though the platform's spend
 * follows demand within each level.
 */
import { text, type Text } from '../../i18n/text';
import { groupDigits } from '../../i18n/number';
import { AdplanError } from '../core';
import type { DayRecord, History, IsoDate, LiftObservation } from '../core';
import { clusteredOls } from './clustered-ols';
import { itsDesign } from './its';
import { ALPHA, contrastDf, criticalFor } from './power';
import type { Schedule, ScheduleDay } from './schedule';
import { tQuantile } from './student-t';

/** Blocks below this cannot carry a clustered error. */
export const MIN_BLOCKS = 4;
/** The reported interval (coverage is tested at this level). */
export const INTERVAL = 0.9;

export interface Estimate {
  value: number;
  se: number;
  /** The INTERVAL (90 %) interval. */
  lo: number;
  hi: number;
  /** Two-sided test at ALPHA (5 %) rejects 0. */
  significant: boolean;
}

export interface StepResult {
  /** Level moved to, and from (indices into schedule.levels). */
  level: number;
  from: number;
  target: number;
  fromTarget: number;
  /** Kept days at the level. */
  days: number;
  /** Mean spend per day on the `from` level's kept days. */
  spendBefore: number;
  deltaSpend: Estimate;
  deltaGmv: Estimate;
  /** ΔGMV/Δspend; null when Δspend is not clearly away from 0. */
  roi: Estimate | null;
}

export type Verdict = 'conclusive' | 'inconclusive';

export interface ExperimentResult {
  first: IsoDate;
  last: IsoDate;
  keptDays: number;
  droppedDays: number;
  missingDays: number;
  blocks: number;
  /** Mean room GMV per day on the base level's kept days. */
  baseGmv: number;
  steps: StepResult[];
  /** The contrast the test was designed for: the last level against the base. */
  primary: StepResult | null;
  verdict: Verdict;
  /** Why, in one sentence or two. */
  why: Text[];
  /** The result as calibration rows (one for the primary contrast). */
  observations: LiftObservation[];
}

interface Row {
  d: DayRecord;
  s: ScheduleDay;
}

function estimate(value: number, variance: number, df: number): Estimate {
  const se = Math.sqrt(Math.max(0, variance));
  const half = tQuantile(0.5 + INTERVAL / 2, df) * se;
  const crit = tQuantile(1 - ALPHA / 2, df);
  return { value, se, lo: value - half, hi: value + half, significant: se > 0 && Math.abs(value) > crit * se };
}

const fmt = (x: number): string => groupDigits(x, 0);

/** The test read from the history over the schedule's days. */
export function analyseExperiment(history: History, schedule: Schedule): ExperimentResult {
  const sched = schedule.days;
  if (sched.length === 0) throw new AdplanError('input', text('The schedule has no days.', '实验计划中没有日期。'), 'schedule');
  const first = sched[0]!.date;
  const last = sched[sched.length - 1]!.date;
  const byDate = new Map(history.days.map((d) => [d.date, d]));
  const h0 = history.days[0]?.date;
  const h1 = history.days[history.days.length - 1]?.date;
  if (!h0 || !h1 || last < h0 || first > h1) {
    throw new AdplanError(
      'input',
      text(
        `The test period ${first} – ${last} is outside the history (${h0 ?? '—'} – ${h1 ?? '—'}): no day of the test to read.`,
        `实验期 ${first} 至 ${last} 不在历史数据范围内（${h0 ?? '—'} 至 ${h1 ?? '—'}）：没有可读取的实验日。`,
      ),
      'schedule',
    );
  }
  const rows: Row[] = [];
  let dropped = 0;
  let missing = 0;
  for (const s of sched) {
    const d = byDate.get(s.date);
    if (!d || !Number.isFinite(d.gmv) || !Number.isFinite(d.spend)) missing++;
    else if (s.drop) dropped++;
    else rows.push({ d, s });
  }
  const k = schedule.levels.length;
  const present = new Set(rows.map((r) => r.s.level));
  const blocks = new Set(rows.map((r) => r.s.block)).size;
  const why: Text[] = [];
  if (missing > 0) {
    why.push(text(`${missing} scheduled day(s) are missing from the history (left out).`, `计划中有 ${missing} 天不在历史数据中（已略去）。`));
  }
  const baseRows = rows.filter((r) => r.s.level === 0);
  const baseGmv = baseRows.reduce((s, r) => s + r.d.gmv, 0) / Math.max(1, baseRows.length);
  const empty = (): ExperimentResult => ({
    first,
    last,
    keptDays: rows.length,
    droppedDays: dropped,
    missingDays: missing,
    blocks,
    baseGmv,
    steps: [],
    primary: null,
    verdict: 'inconclusive',
    why,
    observations: [],
  });
  if (blocks < MIN_BLOCKS || !present.has(0) || present.size < 2) {
    why.push(
      text(
        `Only ${blocks} block(s) at ${present.size} level(s) in the history: a test needs at least ${MIN_BLOCKS} blocks and the base level plus one other.`,
        `历史中只有 ${blocks} 个区块、${present.size} 个目标档位：实验至少需要 ${MIN_BLOCKS} 个区块，并包含基准档位和另一个档位。`,
      ),
    );
    return empty();
  }

  const { columns: cols, levelColumn: levelCol } = itsDesign(
    rows.map((r) => ({ date: r.d.date, level: r.s.level, block: r.s.block })),
    k,
  );
  const gmv = Float64Array.from(rows, (r) => r.d.gmv);
  const spend = Float64Array.from(rows, (r) => r.d.spend);
  const fit = clusteredOls(cols, [gmv, spend], Int32Array.from(rows, (r) => r.s.block));
  if (!fit) {
    why.push(text('The test days do not separate the levels from the weekdays and the trend.', '实验日无法把各档位与星期、趋势区分开。'));
    return empty();
  }
  const p = fit.p;
  const blocksOf = (j: number, i: number): number => new Set(rows.filter((x) => x.s.level === j || x.s.level === i).map((x) => x.s.block)).size;
  const dfOf = (j: number, i: number): number => contrastDf(blocksOf(j, i));
  const contrast = (resp: number, other: number, j: number, i: number): [number, number, number] => {
    // value of β_j − β_i on response resp, its variance, and its covariance with the same on `other`.
    const cj = levelCol.get(j);
    const ci = levelCol.get(i);
    const c = new Float64Array(p);
    if (cj !== undefined) c[cj] = 1;
    if (ci !== undefined) c[ci] = -1;
    const val = c.reduce((s, v, m) => s + v * fit.coef[resp]![m]!, 0);
    const quad = (key: string): number => {
      const V = fit.cov.get(key)!;
      let s = 0;
      for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) s += c[a]! * V[a * p + b]! * c[b]!;
      return s;
    };
    return [val, quad(`${resp},${resp}`), quad(`${resp},${other}`)];
  };
  const step = (j: number, i: number): StepResult => {
    const df = dfOf(j, i);
    const [g, vg, cgs] = contrast(0, 1, j, i);
    const [s, vs] = contrast(1, 0, j, i);
    const dSpend = estimate(s, vs, df);
    const dGmv = estimate(g, vg, df);
    const r = g / s;
    const roi = dSpend.significant && Number.isFinite(r) ? estimate(r, (vg - 2 * r * cgs + r * r * vs) / (s * s), df) : null;
    const before = rows.filter((x) => x.s.level === i);
    return {
      level: j,
      from: i,
      target: schedule.levels[j]!,
      fromTarget: schedule.levels[i]!,
      days: rows.filter((x) => x.s.level === j).length,
      spendBefore: before.reduce((t, x) => t + x.d.spend, 0) / Math.max(1, before.length),
      deltaSpend: dSpend,
      deltaGmv: dGmv,
      roi,
    };
  };
  // Levels by distance from the base; all on one side (a ladder, a switchback): each step from the one before, else each from the base.
  const base = schedule.levels[0]!;
  const dist = (j: number): number => Math.abs(Math.log(schedule.levels[j]! / base));
  const levelsIn = [...present].filter((j) => j > 0).sort((a, b) => dist(a) - dist(b));
  const oneSide = levelsIn.every((j) => schedule.levels[j]! < base) || levelsIn.every((j) => schedule.levels[j]! > base);
  const steps = levelsIn.map((j, idx) => step(j, oneSide && idx > 0 ? levelsIn[idx - 1]! : 0));
  const top = levelsIn[levelsIn.length - 1]!;
  const primary = top === steps[steps.length - 1]!.level && steps[steps.length - 1]!.from === 0 ? steps[steps.length - 1]! : step(top, 0);

  let verdict: Verdict = 'inconclusive';
  if (!primary.deltaSpend.significant) {
    why.push(
      text(
        `The target change did not move spend clearly (Δspend ${fmt(primary.deltaSpend.value)} ± ${fmt(primary.deltaSpend.se)} a day): there is no exogenous spend change to read.`,
        `目标调整没有明显改变消耗（日消耗变化 ${fmt(primary.deltaSpend.value)} ± ${fmt(primary.deltaSpend.se)}）：没有可读取的外生消耗变化。`,
      ),
    );
  } else if (!primary.deltaGmv.significant) {
    why.push(
      text(
        `Room GMV moved ${fmt(primary.deltaGmv.value)} a day (90 % ${fmt(primary.deltaGmv.lo)} to ${fmt(primary.deltaGmv.hi)}): not distinguishable from no change at 5 %. A lift smaller than about ${fmt(primary.deltaGmv.se * criticalFor(blocksOf(primary.level, 0)))} a day cannot be told from noise; run it longer or with a larger step.`,
        `整体成交日均变化 ${fmt(primary.deltaGmv.value)}（90% 区间 ${fmt(primary.deltaGmv.lo)} 至 ${fmt(primary.deltaGmv.hi)}）：在 5% 水平上与无变化无法区分。小于约每天 ${fmt(primary.deltaGmv.se * criticalFor(blocksOf(primary.level, 0)))} 的提升无法与噪声区分；请延长实验或加大调整幅度。`,
      ),
    );
  } else {
    verdict = 'conclusive';
    const roiText = primary.roi ? `${primary.roi.value.toFixed(2)} (90 % ${primary.roi.lo.toFixed(2)}–${primary.roi.hi.toFixed(2)})` : '—';
    why.push(
      text(
        `Moving the target ${primary.fromTarget} → ${primary.target} changed spend by ${fmt(primary.deltaSpend.value)} and room GMV by ${fmt(primary.deltaGmv.value)} a day (90 % ${fmt(primary.deltaGmv.lo)} to ${fmt(primary.deltaGmv.hi)}); incremental ROI ${roiText}.`,
        `目标从 ${primary.fromTarget} 调到 ${primary.target}：日消耗变化 ${fmt(primary.deltaSpend.value)}，整体成交日均变化 ${fmt(primary.deltaGmv.value)}（90% 区间 ${fmt(primary.deltaGmv.lo)} 至 ${fmt(primary.deltaGmv.hi)}）；增量投产比 ${roiText}。`,
      ),
    );
  }
  // The calibration row: usable whenever spend moved, significant GMV or not (a tight null is information).
  const observations: LiftObservation[] = primary.deltaSpend.significant
    ? [{ first, last, spendBefore: primary.spendBefore, deltaSpend: primary.deltaSpend.value, deltaGmv: primary.deltaGmv.value, sigma: primary.deltaGmv.se, source: 'experiment' }]
    : [];
  return { first, last, keptDays: rows.length, droppedDays: dropped, missingDays: missing, blocks: fit.clusters, baseGmv, steps, primary, verdict, why, observations };
}
