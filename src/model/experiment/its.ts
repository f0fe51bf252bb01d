/**
 * The interrupted-time-series design matrix of a test, shared by the analyser and the designer
 * (which computes the exact variance of the contrast it will read): intercept, trend per 30 days,
 * a dummy per weekday present but the first, a dummy per level present but the base.
 */
import { dayIndex, weekdayOf } from '../core';
import type { IsoDate } from '../core';
import { solveLinear } from '../numeric';

export interface ItsRow {
  date: IsoDate;
  level: number;
  block: number;
}

export interface ItsDesign {
  columns: Float64Array[];
  /** Column of each level's dummy (absent for the base and for levels without kept days). */
  levelColumn: Map<number, number>;
}

export function itsDesign(rows: readonly ItsRow[], levelCount: number): ItsDesign {
  const n = rows.length;
  const mid = n > 0 ? (dayIndex(rows[0]!.date) + dayIndex(rows[n - 1]!.date)) / 2 : 0;
  const columns: Float64Array[] = [new Float64Array(n).fill(1), Float64Array.from(rows, (r) => (dayIndex(r.date) - mid) / 30)];
  const wds = [...new Set(rows.map((r) => weekdayOf(r.date)))].sort();
  for (const w of wds.slice(1)) columns.push(Float64Array.from(rows, (r) => (weekdayOf(r.date) === w ? 1 : 0)));
  const present = new Set(rows.map((r) => r.level));
  const levelColumn = new Map<number, number>();
  for (let j = 1; j < levelCount; j++) {
    if (!present.has(j)) continue;
    levelColumn.set(j, columns.length);
    columns.push(Float64Array.from(rows, (r) => (r.level === j ? 1 : 0)));
  }
  return { columns, levelColumn };
}

/**
 * The standard error (relative to the GMV level) of the level-`j`-vs-base OLS contrast when the
 * day noise is AR(1) with sd `cv` and lag-1 correlation ρ: cv·√(wᵀRw), w the contrast's day
 * weights, R_ts = ρ^|t−s| over calendar days (dropped days still count in the distance). Null
 * when the design cannot separate the level.
 */
export function contrastSe(rows: readonly ItsRow[], levelCount: number, j: number, cv: number, rho: number): number | null {
  const { columns, levelColumn } = itsDesign(rows, levelCount);
  const col = levelColumn.get(j);
  if (col === undefined) return null;
  const p = columns.length;
  const n = rows.length;
  const xtx = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += columns[a]![t]! * columns[b]![t]!;
      xtx[a * p + b] = s;
      xtx[b * p + a] = s;
    }
  }
  const e = new Float64Array(p);
  e[col] = 1;
  const a = solveLinear(xtx, e, p);
  if (!a) return null;
  const w = new Float64Array(n);
  for (let t = 0; t < n; t++) for (let c = 0; c < p; c++) w[t]! += columns[c]![t]! * a[c]!;
  const day = rows.map((r) => dayIndex(r.date));
  const r = Math.max(0, Math.min(0.95, rho));
  let v = 0;
  for (let t = 0; t < n; t++) {
    v += w[t]! * w[t]!;
    for (let s = t + 1; s < n; s++) {
      const lag = day[s]! - day[t]!;
      if (lag > 60) break;
      v += 2 * w[t]! * w[s]! * Math.pow(r, lag);
    }
  }
  return cv * Math.sqrt(Math.max(0, v));
}
