/**
 * PLAN, KPI, SIMULATE, SENSITIVITY, READINESS, CASHFLOW: history + assumptions → the engine.
 * Each distinct (history, assumptions, scenario, horizon) is planned once and each distinct
 * (…, runs, seed) simulated once per session, whatever number of cells ask (content memo).
 */
import { dateToExcelSerial } from '../data/cells';
import type { Lang } from '../i18n/text';
import { STATUS_LABEL, VERDICT_LABEL } from '../model/readiness';
import { ASSUMPTIONS, type Scenario } from '../model/settings';
import { defaultOf } from '../model/settings';
import { RUN_OPTIONS } from '../model/settings';
import {
  analyse,
  baselineDaysOf,
  cashflow,
  planFor,
  readinessOf,
  scenarioSensitivity,
  simulateScenario,
  DEFAULT_SEED,
  targetTableFor,
  type Analysis,
  type ScenarioPlan,
} from '../model/engine';
import { PLAN_DAY_COLUMNS, planDayValue } from '../model/report';
import { RECOMMENDED_COLUMN, TARGET_COLUMNS, targetValue, type TargetTable } from '../model/plan';
import { KPI_METRICS, kpiValue, planByPeriod, type ReadinessCheck } from '../model/report';
import { inheritScenarios } from '../model/economics';
import { SIM_METRICS, simulationStat, type SensitivityRow, type SimulationResult } from '../model/simulate';
import { numberArg, requiredNumber } from './args';
import { pairedColumns } from './columns';
import { oddCellWarnings } from './cell-issues';
import { assumptionsArg, assumptionsArgKeyed, choiceArg, historyArgKeyed, intArg, optionalText, scenarioArg } from './inputs';
import { Memo, contentKey } from './memo';
import { toNumberCell, toSpill, type Spill } from './spill';

/** SIMULATE's cap on runs: 20,000 runs of a 90-day plan take about a second; more would freeze Excel. */
export const MAX_FUNCTION_RUNS = RUN_OPTIONS.functionRuns.max;

const analyses = new Memo<Analysis>(32);
const plans = new Memo<ScenarioPlan>(64);
const simulations = new Memo<SimulationResult>(32);
const tornadoes = new Memo<SensitivityRow[]>(32);
const targetTables = new Memo<TargetTable>(32);

interface Planned {
  key: string;
  plan: ScenarioPlan;
}

function scenariosOf(assumptions: unknown): Scenario[] {
  return inheritScenarios(assumptionsArg(assumptions));
}

/** The plan for (history, assumptions, scenario, horizon), computed once per distinct content. */
function plannedScenario(history: unknown, assumptions: unknown, scenario: unknown, horizonDays: unknown): Planned {
  const { key: hKey, read } = historyArgKeyed(history);
  const table = assumptionsArgKeyed(assumptions);
  const s = scenarioArg(scenario, inheritScenarios(table.scenarios));
  const horizon = horizonDays === null || horizonDays === undefined ? undefined : intArg(horizonDays, 'horizon_days', ASSUMPTIONS.horizon_days.min, ASSUMPTIONS.horizon_days.max, defaultOf('horizon_days'));
  const key = contentKey(hKey, table.key, s.name, horizon ?? null);
  const plan = plans.get(key, () => {
    const source = (days: number): Analysis => analyses.get(`${hKey}|${days}`, () => analyse(read.history, days));
    return planFor({ history: read.history, scenarios: [s], scenario: s.name, ...(horizon !== undefined ? { horizonDays: horizon } : {}) }, source).plans[0]!;
  });
  return { key, plan };
}

export function planSpill(history: unknown, assumptions: unknown, scenario: unknown, horizonDays: unknown, period: unknown, lang: Lang): Spill {
  const p = choiceArg(period, 'period', ['day', 'week'] as const, 'day');
  const { plan } = plannedScenario(history, assumptions, scenario, horizonDays);
  // Header: the stable keys in en-US, the labels in zh-CN (docs/functions.md).
  const header = PLAN_DAY_COLUMNS.map((c) => (lang === 'zh-CN' ? c.label['zh-CN'] : c.key));
  const rows = planByPeriod(plan.report.days, p).map((d) => PLAN_DAY_COLUMNS.map((c) => (c.kind === 'date' ? dateToExcelSerial(d.date) : (planDayValue(d, c) ?? null))));
  return toSpill([header, ...rows]);
}

export function kpiCell(history: unknown, assumptions: unknown, metric: unknown, scenario: unknown, horizonDays: unknown): number | string {
  const m = choiceArg(metric, 'metric', KPI_METRICS);
  const { plan } = plannedScenario(history, assumptions, scenario, horizonDays);
  return toNumberCell(kpiValue(plan.report, m));
}

/** ROITARGET: the 整体ROI target to set (docs/model.md), pay basis by default, or 净成交 ("net"). */
export function roiTargetCell(history: unknown, assumptions: unknown, scenario: unknown, basis: unknown): number | string {
  const b = choiceArg(basis, 'basis', ['pay', 'net'] as const, 'pay');
  const { plan } = plannedScenario(history, assumptions, scenario, null);
  const t = plan.report.economics.targets;
  return toNumberCell(b === 'net' ? t.roomRoiNet : t.roomRoi);
}

const SIM_CHOICES = [...SIM_METRICS, 'p_loss', 'p_cash_short'] as const;

export function simulateCell(
  history: unknown,
  assumptions: unknown,
  metric: unknown,
  stat: unknown,
  scenario: unknown,
  runs: unknown,
  seed: unknown,
): number | string {
  const m = choiceArg(metric, 'metric', SIM_CHOICES);
  const q = requiredNumber(stat, 'stat', { kind: 'rate', fallback: 0.5 });
  const n = intArg(runs, 'runs', RUN_OPTIONS.functionRuns.min, MAX_FUNCTION_RUNS, RUN_OPTIONS.functionRuns.default);
  const sd = numberArg(seed, 'seed', { kind: 'count', fallback: DEFAULT_SEED }) ?? DEFAULT_SEED;
  const planned = plannedScenario(history, assumptions, scenario, null);
  const sim = simulations.get(contentKey(planned.key, n, sd), () => simulateScenario(planned.plan, n, sd));
  return toNumberCell(simulationStat(sim, m, q));
}

const SENSITIVITY_HEADER = {
  'en-US': ['input', 'value at P10', 'value at P90', 'swing'],
  'zh-CN': ['输入', 'P10 时的结果', 'P90 时的结果', '摆幅'],
} as const;

export function sensitivitySpill(history: unknown, assumptions: unknown, scenario: unknown, metric: unknown, lang: Lang): Spill {
  const m = choiceArg(metric, 'metric', SIM_METRICS, 'total_profit');
  const planned = plannedScenario(history, assumptions, scenario, null);
  const rows = tornadoes.get(contentKey(planned.key, m), () => scenarioSensitivity(planned.plan, m));
  return toSpill([[...SENSITIVITY_HEADER[lang]], ...rows.map((r) => [r.label[lang], r.atLow, r.atHigh, r.swing])]);
}

const CHECK_HEADER = {
  'en-US': ['check', 'status', 'measured', 'threshold', 'threshold source', 'fix'],
  'zh-CN': ['检查项', '状态', '实测值', '阈值', '阈值来源', '怎么改'],
} as const;

/** Readiness v2 rows under the verdict: one per check, in order. */
function checkRows(checks: readonly ReadinessCheck[], lang: Lang): string[][] {
  if (checks.length === 0) return [];
  return [
    [...CHECK_HEADER[lang]],
    ...checks.map((c) => [c.name[lang], STATUS_LABEL[c.status][lang], c.valueText[lang], c.thresholdText[lang], c.source[lang], c.fix?.[lang] ?? '']),
  ];
}

/** Error and data-type cells READINESS names one per row before it summarises the rest. */
const ODD_CELLS_SHOWN = 10;

export function readinessSpill(history: unknown, assumptions: unknown, scenario: unknown, lang: Lang): Spill {
  const { key: hKey, read } = historyArgKeyed(history);
  const omitted = !Array.isArray(assumptions) && optionalText(assumptions) === null;
  const s = omitted ? null : scenarioArg(scenario, scenariosOf(assumptions));
  const baselineDays = baselineDaysOf(s);
  const analysis = analyses.get(`${hKey}|${baselineDays}`, () => analyse(read.history, baselineDays));
  const r = readinessOf(analysis, s);
  const verdict = r.ready ? 'READY' : 'NOT READY';
  const tier = r.verdict ? VERDICT_LABEL[r.verdict][lang] : '';
  const skipped = read.rowsSkipped > 0
    ? [
        lang === 'zh-CN'
          ? `历史数据中有 ${read.rowsSkipped} 行无效,已跳过(如:${read.issues.find((i) => i.severity === 'error')?.message['zh-CN'] ?? ''})`
          : `${read.rowsSkipped} invalid history row(s) skipped (e.g. ${read.issues.find((i) => i.severity === 'error')?.message['en-US'] ?? ''})`,
      ]
    : [];
  // Error and data-type cells that skipped no row (a #N/A read as blank) are still named, by cell.
  const odd = oddCellWarnings(read);
  const oddCells = odd.slice(0, ODD_CELLS_SHOWN).map((x) => [x.message[lang]]);
  if (odd.length > ODD_CELLS_SHOWN) oddCells.push([lang === 'zh-CN' ? `另有 ${odd.length - ODD_CELLS_SHOWN} 个类似的单元格` : `${odd.length - ODD_CELLS_SHOWN} more cells like these`]);
  return toSpill([[verdict, tier], ...r.reasons.map((t) => [t[lang]]), ...r.notes.map((t) => [t[lang]]), ...skipped.map((x) => [x]), ...oddCells, ...checkRows(r.checks ?? [], lang)]);
}

export function cashflowSpill(spend: unknown, gmv: unknown, assumptions: unknown, scenario: unknown, lang: Lang): Spill {
  const { a: s, b: g } = pairedColumns(spend, 'spend', gmv, 'gmv');
  const sc = scenarioArg(scenario, scenariosOf(assumptions));
  const balances = cashflow(s, g, sc);
  const header = lang === 'zh-CN' ? ['天', '现金余额'] : ['day', 'cash balance'];
  return toSpill([header, ...balances.map((c, i) => [i + 1, c])]);
}

/** How many analyses, plans and simulations were actually computed (diagnostics and tests). */
export function memoStats(): { analyses: number; plans: number; simulations: number; tornadoes: number } {
  return { analyses: analyses.computed, plans: plans.computed, simulations: simulations.computed, tornadoes: tornadoes.computed };
}

/** TARGETS: the 全域 target table (the same rows `adplan targets` prints and the pane shows). */
export function targetsSpill(history: unknown, assumptions: unknown, scenario: unknown, lang: Lang): Spill {
  const { key: hKey, read } = historyArgKeyed(history);
  const table = assumptionsArgKeyed(assumptions);
  const s = scenarioArg(scenario, inheritScenarios(table.scenarios));
  const t = targetTables.get(contentKey(hKey, table.key, s.name, 'targets'), () => {
    const source = (days: number): Analysis => analyses.get(`${hKey}|${days}`, () => analyse(read.history, days));
    return targetTableFor({ history: read.history, scenarios: [s], scenario: s.name }, source).table;
  });
  // Header: the stable keys in en-US, the labels in zh-CN (docs/functions.md).
  const header = [...TARGET_COLUMNS.map((c) => (lang === 'zh-CN' ? c.label['zh-CN'] : c.key)), lang === 'zh-CN' ? RECOMMENDED_COLUMN.label['zh-CN'] : RECOMMENDED_COLUMN.key];
  const rows = t.rows.map((r, i) => [...TARGET_COLUMNS.map((c) => targetValue(r, c)), i === t.recommended ? t.rule : '']);
  return toSpill([header, ...rows]);
}
