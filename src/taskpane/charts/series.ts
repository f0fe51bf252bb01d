/** Chart data from the engine's report, kept apart from the (lazily loaded) chart components. */
import type { CurveReport, ScenarioReport, SensitivityReportRow } from '../../model/report';
import { isInputError } from '../../model/core';
import { curveFromReport, marginalRoi } from '../../model/transforms';

export interface Point {
  x: number;
  y: number;
}

export interface DatedPoint {
  x: Date;
  y: number;
}

/** A point with its hover callout and screen-reader sentence in the pane's words. */
export interface TextedPoint<X> {
  x: X;
  y: number;
  xAxisCalloutData: string;
  yAxisCalloutData: string;
  callOutAccessibilityData: { ariaLabel: string };
}

export interface PointWords<X> {
  x: (x: X) => string;
  y: (y: number) => string;
  /** The whole point read aloud: date or spend, the line's name, the value. */
  sentence: (x: string, legend: string, y: string) => string;
}

/**
 * Points carrying their own text: the chart library otherwise shows and reads raw floats
 * ("1099.624195680191") and US dates in English ("05/30/2024, 12:00:00 AM UTC").
 */
export function withWords<X>(legend: string, points: readonly { x: X; y: number }[], words: PointWords<X>): TextedPoint<X>[] {
  return points.map((p) => {
    const [x, y] = [words.x(p.x), words.y(p.y)];
    return { x: p.x, y: p.y, xAxisCalloutData: x, yAxisCalloutData: y, callOutAccessibilityData: { ariaLabel: words.sentence(x, legend, y) } };
  });
}

export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00`);
}

export function spendSeries(s: ScenarioReport): DatedPoint[] {
  return s.days.map((d) => ({ x: day(d.date), y: d.spend }));
}

export function cashSeries(s: ScenarioReport): DatedPoint[] {
  return s.days.map((d) => ({ x: day(d.date), y: d.cash }));
}

/** A flat line over the plan's dates (the cash reserve). */
export function flatSeries(s: ScenarioReport, y: number): DatedPoint[] {
  const first = s.days[0];
  const last = s.days[s.days.length - 1];
  return first && last ? [{ x: day(first.date), y }, { x: day(last.date), y }] : [];
}

/**
 * Marginal ROI over spend, up to past the largest S* and observed spend, so break-even, targets
 * and each scenario's S* all fall inside. Points far above the highest reference line (near zero
 * spend the marginal ROI runs off to infinity) are left out so the interesting part has room.
 */
export function marginalCurve(curve: CurveReport, scenarios: readonly ScenarioReport[], points = 40): Point[] {
  let c;
  try {
    c = curveFromReport(curve);
  } catch (e) {
    if (!isInputError(e)) throw e;
    // A curve the engine could not fit has nothing to draw; the report's note says why.
    return [];
  }
  const sMax = Math.max(1, curve.maxSpend ?? 0, ...scenarios.map((s) => s.kpis.sustainableSpend)) * 1.5;
  const refs = scenarios.flatMap((s) => [s.economics.breakEvenRoi, s.economics.targetMarginalRoi]).filter((v) => Number.isFinite(v));
  const ceiling = refs.length > 0 ? 3 * Math.max(...refs) : Infinity;
  const out: Point[] = [];
  for (let i = 1; i <= points; i++) {
    const s = (sMax * i) / points;
    const m = marginalRoi(s, c);
    if (m !== null && Number.isFinite(m) && m <= ceiling) out.push({ x: s, y: m });
  }
  return out;
}

/** Per-day cash percentiles over the plan's dates (absent when the report has none). */
export function bandSeries(s: ScenarioReport, values: readonly number[] | undefined): DatedPoint[] {
  if (!values || values.length !== s.days.length) return [];
  return s.days.map((d, i) => ({ x: day(d.date), y: values[i] as number }));
}

/** The top `n` by swing, largest first. */
export function topSensitivities(list: readonly SensitivityReportRow[], n = 6): SensitivityReportRow[] {
  return [...list].sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing)).slice(0, n);
}

/** Up to about `count` + 1 round ticks from 0 to `max` (steps of 1, 2 or 5 × 10ⁿ). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}
