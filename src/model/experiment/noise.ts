/**
 * The room's own day-to-day noise, the input of the power calculation: residuals of ln(room GMV)
 * after the whole-room fit (organic room + curve at the day's spend) when it is identified, else
 * after a weekday + trend + ln spend regression. CV = their sd, ρ = their lag-1 autocorrelation
 * over consecutive calendar days. Days inside event windows are left out (not normal days).
 * A test reads GMV at a fixed target, where the platform's spend still follows the day's demand:
 * that part of GMV is noise to the test though the fit explains it by spend. So the GMV's own
 * variation after weekday and trend over the last weeks (no spend term) is measured too, and
 * the larger of the two is used.
 */
import { text, type Text } from '../../i18n/text';
import { dayIndex, weekdayOf } from '../core';
import type { DayRecord, History } from '../core';
import { ols } from '../numeric';
import { responseOf } from '../transforms';
import { fitRoom, organicOn, type RoomFit } from '../fit';
import { inAnyEvent } from './events';

/** Residuals from the last this many days (the noise of the period the test runs in). */
export const NOISE_WINDOW = 90;
export const MIN_NOISE_DAYS = 21;
/** The recent stretch, at about one target, whose GMV variation the test will see. */
export const FIXED_TARGET_WINDOW = 35;

export interface RoomNoise {
  cv: number;
  rho: number;
  days: number;
  source: 'whole-room' | 'regression' | 'fixed-target';
  note: Text;
}

interface Residual {
  day: number;
  r: number;
}

function fromRoom(days: readonly DayRecord[], room: RoomFit & { identified: true }): Residual[] {
  const out: Residual[] = [];
  for (const d of days) {
    const pred = organicOn(room.organic, d.date) + (d.spend > 0 ? responseOf(d.spend, room.curve.shape) : 0);
    if (d.gmv > 0 && pred > 0) out.push({ day: dayIndex(d.date), r: Math.log(d.gmv / pred) });
  }
  return out;
}

function fromRegression(days: readonly DayRecord[], withSpend = true): Residual[] {
  const use = days.filter((d) => d.gmv > 0);
  const n = use.length;
  if (n < 10) return [];
  const t0 = dayIndex(use[0]!.date);
  const all: Float64Array[] = [new Float64Array(n).fill(1), Float64Array.from(use, (d) => dayIndex(d.date) - t0)];
  if (withSpend) all.push(Float64Array.from(use, (d) => Math.log1p(d.spend)));
  for (let k = 1; k <= 6; k++) all.push(Float64Array.from(use, (d) => (weekdayOf(d.date) === k ? 1 : 0)));
  // A constant column (flat spend, a missing weekday) would make X'X singular: left out.
  const cols = all.filter((c, i) => i === 0 || c.some((v) => v !== c[0]));
  const y = Float64Array.from(use, (d) => Math.log(d.gmv));
  const fit = ols(cols, y);
  if (!fit) return [];
  return use.map((d, t) => {
    let f = 0;
    cols.forEach((c, i) => (f += c[t]! * fit.coef[i]!));
    return { day: dayIndex(d.date), r: y[t]! - f };
  });
}

/** Sample sd and lag-1 autocorrelation over consecutive days. */
export function cvAndRho(res: readonly Residual[]): { cv: number; rho: number } {
  const n = res.length;
  const mean = res.reduce((s, x) => s + x.r, 0) / Math.max(1, n);
  let ss = 0;
  for (const x of res) ss += (x.r - mean) ** 2;
  const varr = ss / Math.max(1, n - 1);
  let num = 0;
  let pairs = 0;
  for (let i = 1; i < n; i++) {
    if (res[i]!.day - res[i - 1]!.day !== 1) continue;
    num += (res[i]!.r - mean) * (res[i - 1]!.r - mean);
    pairs++;
  }
  const rho = pairs > 2 && varr > 0 ? num / pairs / varr : 0;
  return { cv: Math.sqrt(varr), rho: Math.max(-0.9, Math.min(0.9, rho)) };
}

/** The room's residual noise; null when there are too few usable days. */
export function roomNoise(history: History, room: RoomFit = fitRoom(history)): RoomNoise | null {
  const days = history.days.slice(-NOISE_WINDOW).filter((d) => Number.isFinite(d.gmv) && !inAnyEvent(d.date, history.events));
  const res = room.identified ? fromRoom(days, room) : fromRegression(days);
  if (res.length < MIN_NOISE_DAYS) return null;
  const fitted = cvAndRho(res);
  const recent = fromRegression(days.slice(-FIXED_TARGET_WINDOW), false);
  const fixed = recent.length >= MIN_NOISE_DAYS ? cvAndRho(recent) : null;
  if (fixed && fixed.cv > fitted.cv) {
    return {
      ...fixed,
      days: recent.length,
      source: 'fixed-target',
      note: text(
        `Noise: room GMV after weekday and trend over the last ${recent.length} days, CV ${(100 * fixed.cv).toFixed(1)} %, ρ ${fixed.rho.toFixed(2)} — larger than the fit's residuals (CV ${(100 * fitted.cv).toFixed(1)} %) because spend follows demand, which a test at a fixed target sees as noise.`,
        `噪声：最近 ${recent.length} 天剔除星期与趋势后的整体成交，波动系数 ${(100 * fixed.cv).toFixed(1)}%，ρ ${fixed.rho.toFixed(2)}——大于拟合残差（波动系数 ${(100 * fitted.cv).toFixed(1)}%），因为消耗随需求变化，在固定目标下的实验中这部分就是噪声。`,
      ),
    };
  }
  const { cv, rho } = fitted;
  const source = room.identified ? 'whole-room' : 'regression';
  const note =
    source === 'whole-room'
      ? text(
          `Noise from the whole-room fit's residuals over the last ${res.length} days: CV ${(100 * cv).toFixed(1)} %, day-to-day autocorrelation ρ ${rho.toFixed(2)}.`,
          `噪声取自整体拟合最近 ${res.length} 天的残差：波动系数 ${(100 * cv).toFixed(1)}%，日间自相关 ρ ${rho.toFixed(2)}。`,
        )
      : text(
          `Noise from a weekday + trend + spend regression over the last ${res.length} days (the whole-room fit is not identified): CV ${(100 * cv).toFixed(1)} %, ρ ${rho.toFixed(2)}.`,
          `噪声取自最近 ${res.length} 天的星期 + 趋势 + 消耗回归残差（整体拟合未识别）：波动系数 ${(100 * cv).toFixed(1)}%，ρ ${rho.toFixed(2)}。`,
        );
  return { cv, rho, days: res.length, source, note };
}
