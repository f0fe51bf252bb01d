/**
 * Readiness v2 of a history under a scenario: today's checks (readiness.ts) with the organic
 * checks of the traffic, content and short-video exports, as ordered rows and a verdict. Without
 * any of those exports every organic check is unknown and the result is today's, unchanged.
 */
import type { AssumptionValues } from '../settings';
import type { BaselineMetrics } from '../fit';
import type { History } from '../core';
import { assessReadiness, thresholdsOf, type Readiness } from './readiness';
import { organicThresholdsOf } from './benchmarks';
import { baseChecks, orderedChecks, organicChecks, verdictOf } from './checks';
import { organicMeasures } from './measures';

export function assessReadinessV2(history: History, m: BaselineMetrics, v: AssumptionValues, refundRate: number | null, unitMargin: number | null): Readiness {
  const t = thresholdsOf(v);
  const organic = organicChecks(organicMeasures(history, m.from, m.to), organicThresholdsOf(v));
  const r = assessReadiness(m, t, refundRate, unitMargin, organic);
  const checks = orderedChecks(baseChecks(m, t, v, refundRate, unitMargin), organic);
  return { ...r, checks, verdict: verdictOf(checks) };
}
