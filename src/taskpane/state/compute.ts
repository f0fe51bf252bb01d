/**
 * The workbench's only calls into the reader and the engine, so the rest of the pane depends on
 * contracts (types) alone. Every failure comes back as a bilingual Text, never a throw.
 */
import { readAssumptions } from '../../data/assumptions';
import { readHistory } from '../../data/history';
import { joinSources, mergeTargetLogs, readTargetLog } from '../../data/merchant';
import type { AssumptionsReadResult, HistoryReadResult } from '../../data/table';
import { text, type Text } from '../../i18n/text';
import type { History } from '../../model/core';
import type { Scenario } from '../../model/settings';
import { analyse, baselineDaysOf, baselineReport, buildPlanReport, readinessOf } from '../../model/engine';
import { inheritScenarios } from '../../model/economics';
import { isAdplanError } from '../../model/core';
import { backtest, type BacktestReport } from '../../model/review';
import type { BaselineReport, PlanReport } from '../../model/report';
import type { RangeValues } from '../gateway/types';
import type { AssumptionsTable } from './assumptionsTable';
import { applyOverrides, type FieldOverrides } from './mapping';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Text; field?: string };

export function toText(e: unknown): Text {
  if (isAdplanError(e)) return e.text;
  // Not an input problem: a bug. Keep it visible in the console and tell the user plainly.
  console.error('AdPlan: unexpected error', e);
  const msg = e instanceof Error ? e.message : String(e);
  return text(`Unexpected error: ${msg}`, `意外错误：${msg}`);
}

function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, error: toText(e), field: isAdplanError(e) ? e.field : undefined };
  }
}

/** The history range (with the user's column corrections), joined on the date with `more` export-family sheets. */
export function readHistoryRange(
  range: RangeValues,
  overrides: FieldOverrides,
  more: readonly RangeValues[] = [],
  order: readonly string[] = [],
  logs: readonly RangeValues[] = [],
): Outcome<HistoryReadResult> {
  const cells = applyOverrides(range.values, overrides);
  return attempt(() => {
    const main = readHistory(cells, { sheet: range.sheet, row: range.row, column: range.column });
    const others = more.map((r) => ({ file: '', sheet: r.sheet, read: readHistory(r.values, { sheet: r.sheet, row: r.row, column: r.column }) }));
    // Joined in workbook order, as the CLI joins a workbook's sheets.
    const at = (s: string | null): number => (s === null ? -1 : order.indexOf(s));
    const sources = [{ file: '', sheet: range.sheet, read: main }, ...others].sort((a, b) => at(a.sheet) - at(b.sheet));
    const read = more.length === 0 ? main : joinSources(sources).read;
    return logs.length === 0 ? read : withTargetLogs(read, logs);
  });
}

/** The target-log sheets on the history, their cell issues with the history's (as `adplan check` reports them). */
function withTargetLogs(read: HistoryReadResult, logs: readonly RangeValues[]): HistoryReadResult {
  const reads = logs.map((r) => readTargetLog({ name: r.sheet, cells: r.values }, { row: r.row, column: r.column }));
  return {
    ...read,
    history: { ...read.history, targetLog: mergeTargetLogs(reads.map((l) => l.entries)) },
    issues: [...read.issues, ...reads.flatMap((l) => l.issues)],
  };
}

export function readAssumptionsTable(table: AssumptionsTable): Outcome<AssumptionsReadResult> {
  return attempt(() => readAssumptions(table.values, { sheet: table.sheet, row: table.row, column: table.column }));
}

export interface PlanInput {
  history: History;
  scenarios: Scenario[];
}

export interface PlanComputation {
  report: Outcome<PlanReport>;
  /**
   * The readiness verdict, also when no plan can be made (e.g. a required assumption is
   * missing): "not ready" must still come first.
   */
  baseline: BaselineReport | null;
  /** The back-test under the first scenario (what `adplan plan` prints), for the confidence statement. */
  backtest: BacktestReport | null;
}

/** All scenarios with the engine's defaults (1000 runs, seed 1): the numbers `adplan plan --json` gives. */
export function computePlan(input: PlanInput): PlanComputation {
  const report = attempt(() => buildPlanReport({ history: input.history, scenarios: input.scenarios }));
  if (report.ok) {
    const first = inheritScenarios(input.scenarios)[0];
    const bt = first ? attempt(() => backtest(input.history, first)) : null;
    return { report, baseline: report.value.baseline, backtest: bt?.ok ? bt.value : null };
  }
  const first = inheritScenarios(input.scenarios)[0] ?? null;
  const verdict = attempt(() => {
    const a = analyse(input.history, baselineDaysOf(first));
    return baselineReport(a.baseline, readinessOf(a, first));
  });
  return { report, baseline: verdict.ok ? verdict.value : null, backtest: null };
}
