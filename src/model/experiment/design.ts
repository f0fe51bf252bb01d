/**
 * The experiment designer (docs/experiment.md): from the room's own noise, a dated target test
 * that detects a chosen GMV lift at 80 % power (or the lift a given length detects), within the
 * platform's edit rules, away from event windows, with its expected cost and value — or a plain
 * "this test cannot succeed in 8 weeks" and what would.
 */
import { text, type Text } from '../../i18n/text';
import { addDays } from '../core';
import { AdplanError } from '../core';
import { fitRoomCalibrated } from '../fit';
import type { History, IsoDate } from '../core';
import { Rng } from '../numeric';
import { responseOf, spendForGmv, type CurveShape } from '../transforms';
import { organicLevelOver, type RoomFit } from '../fit';
import { currentLevel, CURRENT_DAYS, type CurrentLevel } from './current';
import { eventsOverlapping } from './events';
import { roomNoise, type RoomNoise } from './noise';
import { LEARNING_DAYS, MAX_STEP, stepSchedule, switchbackSchedule, targetLevels, type DesignKind, type Schedule } from './schedule';
import { MAX_TEST_DAYS, sizeForDays, sizeForLift, type TestSize } from './size';
import { expectedValue, type TestValue } from './value';

export const DEFAULT_LIFT = 0.15;
/** How far past the history the designer looks for a start clear of event windows. */
export const EVENT_SEARCH_DAYS = 180;

/** What a plan says about the room, for the test's cost and value. */
export interface PlanContext {
  unitMargin: number;
  /** The marginal ROI S* answers. */
  targetMarginalRoi: number;
  sStar: number;
  /** The spend cap the plan uses (max_extrapolation × the largest spend). */
  cap: number;
}

export interface DesignOptions {
  kind?: DesignKind;
  /** The GMV lift to detect (share of room GMV); ignored when `days` is given. */
  lift?: number;
  /** A fixed test length: the design says the lift it can detect. */
  days?: number;
  /** First test day (default: the day after the history). */
  start?: IsoDate;
  seed?: number;
  plan?: PlanContext | null;
}

export interface TestCost {
  /** Profit given up over the test against the plan's S* (or the current spend without a plan). */
  profit: number;
  /** Spend above the current level over the test. */
  extraSpend: number;
  against: 'plan' | 'current';
}

export interface ExperimentDesign {
  kind: DesignKind;
  /** The test can succeed within MAX_TEST_DAYS at 80 % power. */
  feasible: boolean;
  /** The lift the test is sized for, and its power to detect it. */
  lift: number;
  power: number;
  totalDays: number;
  keptPerArm: number;
  /** The textbook formula's days per arm (normal critical value, one long run per arm). */
  formulaDaysPerArm: number;
  blocks: number;
  noise: RoomNoise;
  current: CurrentLevel;
  /** Spend per level the fit expects (null without an identified whole-room fit). */
  spendLevels: number[] | null;
  schedule: Schedule;
  first: IsoDate;
  last: IsoDate;
  cost: TestCost | null;
  value: TestValue | null;
  notes: Text[];
}

const pct = (x: number): string => (100 * x).toFixed(1);

interface CurveView {
  shape: CurveShape;
  organic: number;
}

function curveView(room: RoomFit, history: History): CurveView | null {
  if (!room.identified || room.curve.shape.kind !== 'hill') return null;
  return { shape: room.curve.shape, organic: organicLevelOver(room.organic, history, CURRENT_DAYS) };
}

/** The spend the lift needs, and the target ratio that buys it (room ROI at that spend ÷ now); null when the curve cannot reach it. */
function leverFor(view: CurveView, cur: CurrentLevel, lift: number, cap: number): { spend: number; ratio: number } | null {
  const gp0 = responseOf(cur.spend, view.shape);
  const s1 = spendForGmv(gp0 + lift * cur.gmv, view.shape);
  if (!Number.isFinite(s1) || s1 > cap || !(s1 > cur.spend)) return null;
  const roi = (s: number): number => (view.organic + responseOf(s, view.shape)) / s;
  return { spend: s1, ratio: roi(s1) / roi(cur.spend) };
}

function builderFor(kind: DesignKind, levels: number[], basis: Schedule['basis'], start: IsoDate, seed: number): (repeats: number) => Schedule {
  return (repeats) => ({
    kind,
    basis,
    levels,
    days: kind === 'switchback' ? switchbackSchedule(start, [levels[0]!, levels[1]!], repeats, new Rng(seed)) : stepSchedule(start, levels, repeats),
  });
}

/** The first start on or after `from` whose test window is clear of every event window. */
function clearStart(from: IsoDate, days: number, history: History): { start: IsoDate; notes: Text[] } {
  const last = addDays(from, days - 1);
  if (!history.events) {
    return {
      start: from,
      notes: [
        text(
          `No event calendar was given: the dates ${from} – ${last} could not be checked for 大促 windows. Move the test if one falls inside.`,
          `未提供活动日历：无法检查 ${from} 至 ${last} 是否与大促重叠。如有重叠，请调整实验时间。`,
        ),
      ],
    };
  }
  for (let shift = 0; shift <= EVENT_SEARCH_DAYS; shift++) {
    const s = addDays(from, shift);
    const hit = eventsOverlapping(s, addDays(s, days - 1), history.events);
    if (hit.length === 0) {
      const moved =
        shift > 0
          ? [text(`Moved ${shift} day(s) later to start on ${s}, clear of event windows.`, `推迟 ${shift} 天至 ${s} 开始，避开活动窗口。`)]
          : [text(`The dates ${s} – ${addDays(s, days - 1)} are clear of the calendar's event windows.`, `${s} 至 ${addDays(s, days - 1)} 与活动日历中的窗口无重叠。`)];
      return { start: s, notes: moved };
    }
  }
  return {
    start: from,
    notes: [
      text(
        `No ${days}-day window clear of events in the next ${EVENT_SEARCH_DAYS} days: the test overlaps event windows; read it with care.`,
        `未来 ${EVENT_SEARCH_DAYS} 天内找不到连续 ${days} 天不含活动的窗口：实验与活动窗口重叠，解读时请谨慎。`,
      ),
    ],
  };
}

function costOf(schedule: Schedule, spendLevels: number[] | null, view: CurveView | null, cur: CurrentLevel, plan: PlanContext | null | undefined): TestCost | null {
  if (!spendLevels || !view) return null;
  let extra = 0;
  for (const d of schedule.days) extra += spendLevels[d.level]! - cur.spend;
  if (!plan) return { profit: 0, extraSpend: extra, against: 'current' };
  const profit = (s: number): number => plan.unitMargin * responseOf(s, view.shape) - s;
  let lost = 0;
  for (const d of schedule.days) lost += profit(plan.sStar) - profit(spendLevels[d.level]!);
  return { profit: lost, extraSpend: extra, against: 'plan' };
}

/** Design a target test for the room. */
export function designExperiment(history: History, options: DesignOptions = {}): ExperimentDesign {
  const notes: Text[] = [];
  const room = fitRoomCalibrated(history);
  const noise = roomNoise(history, room);
  const cur = currentLevel(history);
  if (!noise || !cur) {
    throw new AdplanError(
      'input',
      text(
        'A test design needs at least 21 recent days with spend and GMV (the room’s own noise is measured on them).',
        '设计实验至少需要最近 21 天有消耗和成交的数据（用于测量本直播间自身的波动）。',
      ),
      'history',
    );
  }
  notes.push(noise.note);
  const lift0 = options.lift ?? DEFAULT_LIFT;
  if (!(lift0 > 0 && lift0 < 5)) throw new AdplanError('input', text(`lift must be a share > 0 (0.15 = 15 %), got ${String(options.lift)}.`, `lift 应为大于 0 的比例（0.15 = 15%），实际为 ${String(options.lift)}。`), 'lift');
  const seed = options.seed ?? 1;
  const from = options.start ?? addDays(history.days[history.days.length - 1]!.date, 1);
  const view = curveView(room, history);
  const cap = 2 * (room.maxSpend ?? cur.spend);
  if (!view) {
    notes.push(
      text(
        `The whole-room curve is not identified, so how far a target change moves spend and GMV is unknown: the design uses one step of ${100 * MAX_STEP} % and sizes the test for the lift you chose.`,
        `整体曲线未识别，无法预知调整目标会带来多少消耗和成交变化：设计采用一次 ${100 * MAX_STEP}% 的调整，并按你选择的提升幅度确定实验长度。`,
      ),
    );
  }

  const levelsFor = (lift: number): { levels: number[]; spend: number | null; reachable: boolean } => {
    const lever = view ? leverFor(view, cur, lift, cap) : null;
    if (!lever) return { levels: targetLevels(cur.target, 1 / (1 + MAX_STEP * 0.97)), spend: null, reachable: !view };
    return { levels: targetLevels(cur.target, lever.ratio), spend: lever.spend, reachable: true };
  };
  const sizeWith = (lift: number): { size: TestSize; kind: DesignKind; lv: ReturnType<typeof levelsFor> } => {
    let lv = levelsFor(lift);
    let kind: DesignKind = options.kind ?? (lv.levels.length > 2 ? 'step' : 'switchback');
    if (kind === 'switchback' && lv.levels.length > 2) {
      notes.push(
        text(
          `A switchback moves the target back and forth in one change (≤ ${100 * MAX_STEP} %); this lift needs ${lv.levels.length - 1} steps, so the design is a target-step test.`,
          `交替实验每次只能调整一步（≤ ${100 * MAX_STEP}%）；该提升需要 ${lv.levels.length - 1} 步，因此改为阶梯目标实验。`,
        ),
      );
      kind = 'step';
    }
    if (options.days === undefined) return { size: sizeForLift(noise.cv, noise.rho, lift, kind, builderFor(kind, lv.levels, cur.basis, from, seed)), kind, lv };
    // A fixed length: the longest ladder whose two walks fit (a shorter ladder moves the target less).
    for (;;) {
      const size = sizeForDays(noise.cv, noise.rho, options.days, kind, builderFor(kind, lv.levels, cur.basis, from, seed));
      if (size) return { size, kind, lv };
      if (lv.levels.length <= 2) {
        throw new AdplanError('input', text(`No test fits in ${options.days} days (a test needs at least two repeats).`, `${options.days} 天内无法安排实验（至少需要重复两轮）。`), 'days');
      }
      const k = lv.levels.length - 1;
      lv = { ...lv, levels: lv.levels.slice(0, -1), spend: lv.spend !== null ? cur.spend * Math.pow(lv.spend / cur.spend, (k - 1) / k) : null };
    }
  };

  let { size, kind, lv } = sizeWith(lift0);
  if (options.days !== undefined) {
    // The detectable lift decides the levels; the levels decide the schedule: settle in a few rounds.
    for (let i = 0; i < 3; i++) {
      const next = sizeWith(size.lift);
      if (next.lv.levels.length === lv.levels.length) break;
      ({ size, kind, lv } = next);
    }
  }
  const lift = size.lift;
  let feasible = size.totalDays <= MAX_TEST_DAYS && size.power >= 0.8 && lv.reachable;
  if (!lv.reachable) {
    feasible = false;
    notes.push(
      text(
        `The fitted curve cannot reach a ${pct(lift)} % GMV lift within 2× the largest spend seen: no target step buys it. Choose a smaller lift.`,
        `按拟合曲线，在历史最大消耗的 2 倍以内达不到 ${pct(lift)}% 的成交提升：任何目标调整都做不到。请选择更小的提升幅度。`,
      ),
    );
  }
  if (size.totalDays > MAX_TEST_DAYS || size.power < 0.8) {
    feasible = false;
    const in8 = sizeForDays(noise.cv, noise.rho, MAX_TEST_DAYS, kind, builderFor(kind, lv.levels, cur.basis, from, seed));
    const quieter = in8 ? noise.cv * (lift / in8.lift) : null;
    notes.push(
      text(
        `This test cannot succeed in ${MAX_TEST_DAYS / 7} weeks: detecting a ${pct(lift)} % lift at 80 % power takes ${size.totalDays} days on this room's noise.` +
          (in8 ? ` In ${MAX_TEST_DAYS / 7} weeks it detects ${pct(in8.lift)} % — a larger target step would do it; so would a quieter period (GMV noise CV ≤ ${pct(quieter ?? 0)} % instead of ${pct(noise.cv)} %).` : ''),
        `该实验无法在 ${MAX_TEST_DAYS / 7} 周内完成：按本直播间的波动，以 80% 把握检测 ${pct(lift)}% 的提升需要 ${size.totalDays} 天。` +
          (in8 ? `${MAX_TEST_DAYS / 7} 周内可检测 ${pct(in8.lift)}% 的提升——加大目标调整幅度可以做到；选择更平稳的时期（成交波动系数 ≤ ${pct(quieter ?? 0)}%，当前为 ${pct(noise.cv)}%）也可以。` : ''),
      ),
    );
  }

  // Dates: clear of events, then rebuilt at the start found.
  const clear = clearStart(from, size.totalDays, history);
  notes.push(...clear.notes);
  const schedule = clear.start === from ? size.schedule : builderFor(kind, lv.levels, cur.basis, clear.start, seed)(size.repeats);
  const first = schedule.days[0]!.date;
  const last = schedule.days[schedule.days.length - 1]!.date;
  const k = lv.levels.length - 1;
  const spendLevels = lv.spend !== null ? lv.levels.map((_, j) => cur.spend * Math.pow(lv.spend! / cur.spend, j / k)) : null;
  notes.push(
    text(
      `Learning: the first ${LEARNING_DAYS} day(s) after each target change are left out of the reading.`,
      `学习期：每次调整目标后的前 ${LEARNING_DAYS} 天不计入分析。`,
    ),
  );
  const cost = costOf(schedule, spendLevels, view, cur, options.plan);
  const value =
    options.plan && spendLevels && room.identified
      ? expectedValue({
          history,
          room,
          first,
          last,
          spendBefore: cur.spend,
          spendAfter: spendLevels[k]!,
          sigma: size.se * cur.gmv,
          targetMarginalRoi: options.plan.targetMarginalRoi,
          cap: options.plan.cap,
          seed,
        })
      : null;
  return {
    kind,
    feasible,
    lift,
    power: size.power,
    totalDays: schedule.days.length,
    keptPerArm: size.keptPerArm,
    formulaDaysPerArm: size.formulaDaysPerArm,
    blocks: size.contrastBlocks,
    noise,
    current: cur,
    spendLevels,
    schedule,
    first,
    last,
    cost,
    value,
    notes,
  };
}
