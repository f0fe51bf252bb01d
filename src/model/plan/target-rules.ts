/**
 * The platform's rules around a 全域 ROI target, as numbers and checks: how far and how
 * often a target may move, when 成本保障 (the cost guarantee) pays, what counts as 有效投放, and
 * the ramp of target steps that keeps to the rules. Flags, never hidden changes to the plan.
 */
import { text, type Text } from '../../i18n/text';
import { addDays, dayIndex } from '../core';
import type { IsoDate } from '../core';
import type { TargetStep } from '../report';

export type { TargetStep } from '../report';

/** Largest relative change of one target edit. */
export const MAX_TARGET_STEP = 0.1;
/** Days a step is held before it is judged (and the next step is taken). */
export const STEP_HOLD_DAYS = 3;
/** 成本保障 pays when the achieved ROI is below this share of the target … */
export const COST_GUARANTEE_SHARE = 0.8;
/** … on a natural day with at least this many (net) orders. */
export const COST_GUARANTEE_MIN_ORDERS = 10;
/** 有效投放 needs about this much live 全域 spend a day. */
export const EFFECTIVE_SPEND_FLOOR = 200;
/** A net target above this multiple of the platform's suggestion may cut GMV and spend. */
export const SUGGESTION_HEADROOM = 1.1;
/** 赠款 (ad grants) expire this many days after they are issued. */
export const GRANT_VALID_DAYS = 365;


const r2 = (x: number): string => x.toFixed(2);

/**
 * What in a target schedule breaks the edit rules: a step above 10 %, more than one change a day,
 * or a step taken less than 3 days after the previous one (before it could be judged).
 * `from` is the target in force before the first step (null: the first step sets it).
 */
export function scheduleProblems(steps: readonly TargetStep[], from: number | null): Text[] {
  const out: Text[] = [];
  let prev = from;
  let prevDay: number | null = null;
  for (const s of steps) {
    const day = dayIndex(s.date);
    if (prevDay !== null && day === prevDay) {
      out.push(text(`${s.date}: more than one target change on one day; the platform judges a target by the day.`, `${s.date}：同一天多次修改目标；平台按自然日考核目标。`));
    } else if (prevDay !== null && day - prevDay < STEP_HOLD_DAYS) {
      out.push(
        text(
          `${s.date}: changed ${day - prevDay} day(s) after the previous step; hold each step at least ${STEP_HOLD_DAYS} days before judging it.`,
          `${s.date}：距上次调整仅 ${day - prevDay} 天；每次调整后至少观察 ${STEP_HOLD_DAYS} 天再判断。`,
        ),
      );
    }
    if (prev !== null && prev > 0 && Math.abs(s.target / prev - 1) > MAX_TARGET_STEP + 1e-9) {
      out.push(
        text(
          `${s.date}: ${r2(prev)} → ${r2(s.target)} changes the target by ${Math.round(Math.abs(s.target / prev - 1) * 100)} %; keep each change within ${Math.round(MAX_TARGET_STEP * 100)} %.`,
          `${s.date}：${r2(prev)} → ${r2(s.target)}，目标变动 ${Math.round(Math.abs(s.target / prev - 1) * 100)}%；每次调整请控制在 ${Math.round(MAX_TARGET_STEP * 100)}% 以内。`,
        ),
      );
    }
    prev = s.target;
    prevDay = day;
  }
  return out;
}

/**
 * The steps from the target in force to the chosen one: each within 10 % (rounded to 0.01 toward
 * the previous target, so rounding never breaks the rule), the first on plan day 1, then one every
 * 3 days. Empty when there is no target in force (the chosen one is set on day 1) or it is already there.
 */
export function targetRamp(current: number | null, goal: number, firstDate: IsoDate): TargetStep[] {
  if (current === null || !(current > 0) || Math.abs(current - goal) < 0.005) return [];
  const steps: TargetStep[] = [];
  let cur = current;
  for (let i = 0; i < 200 && Math.abs(cur - goal) >= 0.005; i++) {
    const next = goal < cur ? Math.max(goal, Math.ceil(cur * (1 - MAX_TARGET_STEP) * 100) / 100) : Math.min(goal, Math.floor(cur * (1 + MAX_TARGET_STEP) * 100) / 100);
    if (next === cur) break;
    steps.push({ date: addDays(firstDate, i * STEP_HOLD_DAYS), target: next });
    cur = next;
  }
  return steps;
}

/** The target in force on each plan day under a ramp (index 0 = day 1). */
export function targetsByDay(steps: readonly TargetStep[], goal: number, current: number | null, firstDate: IsoDate, horizon: number): number[] {
  const out = new Array<number>(horizon);
  const first = dayIndex(firstDate);
  let k = 0;
  let cur = steps.length > 0 ? (current ?? goal) : goal;
  for (let t = 0; t < horizon; t++) {
    while (k < steps.length && dayIndex(steps[k]!.date) - first <= t) cur = steps[k++]!.target;
    out[t] = cur;
  }
  return out;
}
