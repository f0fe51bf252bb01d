/**
 * The workbench's state: what was found in the workbook, what the reader made of it, and the
 * engine's report — always re-derived from the workbook after every change, so the sheet stays
 * the single source of truth. Recomputation is debounced and runs after the browser has painted,
 * so typing never waits for the engine.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { historyBlock } from './historyBlock';
import type { AssumptionsReadResult, DataIssue, HistoryField, HistoryReadResult } from '../../data/table';
import type { Text } from '../../i18n/text';
import type { AssumptionKey } from '../../model/settings';
import type { BaselineReport, PlanReport } from '../../model/report';
import type { BacktestReport } from '../../model/review';
import { recentGmvPerDay, suppliedByHistory, withCategoryDefaults } from '../../model/settings';
import { DEFAULT_PRESETS, EVENT_PRESET } from '../../model/economics';
import { rangeA1 } from '../gateway/address';
import { presetName, useI18n } from '../i18n';
import { ASSUMPTIONS_NAME, HISTORY_NAME, type WorkbookGateway } from '../gateway/types';
import {
  addKeyRowEdit,
  addScenarioEdit,
  deleteScenarioEdit,
  newTableCells,
  parseAssumptionsTable,
  renameScenarioEdit,
  tableAddress,
  valueAddress,
  type AssumptionsTable,
  type TableEdit,
} from './assumptionsTable';
import { computePlan, readAssumptionsTable, readHistoryRange, toText, type Outcome, type PlanComputation, type PlanInput } from './compute';
import { findAssumptions, findHistory, looksLikeHistory, type FoundHistory } from './findData';
import { trackSheets } from './lastSheet';
import type { FieldOverrides } from './mapping';
import { planSheet, type PlanSheetLabels } from './planSheet';
import { CALENDAR_SHEET, calendarTemplate, findCalendar, readCalendarRange } from './calendar';
import type { EventsReadResult } from '../../data/events';
import { flaggedDaysOf, flagRuns, withCalendar, type FlagRun } from '../../model/events';
import type { RangeValues } from '../gateway/types';

/** Pause after the last input before recomputing. */
export const RECOMPUTE_DEBOUNCE_MS = 250;
/** Pause after the last workbook change event before re-reading. */
export const CHANGE_DEBOUNCE_MS = 500;

export const ASSUMPTIONS_SHEET = 'AdPlan Assumptions';

export type Notice = { intent: 'error' | 'success'; text: Text } | null;

export interface WorkbenchState {
  phase: 'loading' | 'ready' | 'error';
  /** Why the workbook could not be read, and the sheet being read when known. */
  loadError: { text: Text; sheet: string | null } | null;
  history: FoundHistory | null;
  overrides: FieldOverrides;
  historyRead: Outcome<HistoryReadResult> | null;
  table: AssumptionsTable | null;
  assumptionsRead: Outcome<AssumptionsReadResult> | null;
  /** Errors in the assumptions table block the plan: an invalid cell must not turn into a default. */
  assumptionErrors: DataIssue[];
  report: Outcome<PlanReport> | null;
  /** The readiness verdict, present even when the plan itself failed. */
  baseline: BaselineReport | null;
  /** The back-test under the first scenario (null until computed, or when none is possible). */
  backtest: BacktestReport | null;
  computing: boolean;
  /** The 活动日历 sheet as read (null when the workbook has none) and the history's flagged days. */
  calendar: { sheet: string; read: EventsReadResult } | null;
  flagged: FlagRun[];
}

export interface WorkbenchActions {
  reload(): Promise<void>;
  takeSelection(): Promise<boolean>;
  setOverride(field: HistoryField, column: number | null): void;
  resetOverrides(): void;
  createAssumptions(): Promise<void>;
  setValue(key: AssumptionKey, scenario: number, value: number | null): Promise<void>;
  addScenario(name: string, copyOf?: number): Promise<void>;
  renameScenario(index: number, name: string): Promise<void>;
  deleteScenario(index: number): Promise<void>;
  /** Adds the 活动日历 sheet with the upcoming built-in windows, for the user to confirm or edit. */
  createCalendar(): Promise<void>;
  writePlan(scenario: string, valuesOnly: boolean, labels: PlanSheetLabels): Promise<string | null>;
  select(issue: DataIssue): Promise<void>;
}

export interface Workbench extends WorkbenchState {
  actions: WorkbenchActions;
  notice: Notice;
  setNotice(n: Notice): void;
  /** The user asked for a first plan on labelled category defaults (nothing is written to the workbook). */
  categoryDefaults: boolean;
  setCategoryDefaults(on: boolean): void;
  /** Says which numbers of the plan are category defaults; null when none were filled in. */
  defaultsLabel: Text | null;
}

/** Deep equality of plain data (cells are strings, numbers, booleans, null, or Dates as ISO). */
function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function useWorkbench(gw: WorkbookGateway): Workbench {
  const i18n = useI18n();
  const [phase, setPhase] = useState<WorkbenchState['phase']>('loading');
  const [loadError, setLoadError] = useState<WorkbenchState['loadError']>(null);
  const [history, setHistory] = useState<FoundHistory | null>(null);
  const [overrides, setOverrides] = useState<FieldOverrides>({});
  const [table, setTable] = useState<AssumptionsTable | null>(null);
  const [calendarRange, setCalendarRange] = useState<RangeValues | null>(null);
  const [result, setResult] = useState<{ input: PlanInput; out: PlanComputation } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [categoryDefaults, setCategoryDefaults] = useState(false);
  const alive = useRef(true);

  const historyRange = history?.range ?? null;
  const historyMore = history?.more;
  const historyOrder = history?.order;
  const historyLogs = history?.logs;
  const historyRead = useMemo(
    () => (historyRange ? readHistoryRange(historyRange, overrides, historyMore, historyOrder, historyLogs) : null),
    [historyRange, overrides, historyMore, historyOrder, historyLogs],
  );
  const assumptionsRead = useMemo(() => (table ? readAssumptionsTable(table) : null), [table]);
  const calendar = useMemo(() => (calendarRange ? { sheet: calendarRange.sheet, read: readCalendarRange(calendarRange) } : null), [calendarRange]);
  // The history as every surface plans it: the user's calendar over the built-ins.
  const planHistory = useMemo(
    () => (historyRead?.ok ? (calendar ? withCalendar(historyRead.value.history, calendar.read.windows) : historyRead.value.history) : null),
    [historyRead, calendar],
  );
  const flagged = useMemo(() => (planHistory ? flagRuns(flaggedDaysOf(planHistory)) : []), [planHistory]);
  const assumptionErrors = useMemo(
    () => (assumptionsRead?.ok ? assumptionsRead.value.issues.filter((i) => i.severity === 'error') : []),
    [assumptionsRead],
  );

  const reloadAssumptions = useCallback(async () => {
    const found = await findAssumptions(gw);
    if (found && !(await gw.readNamed(ASSUMPTIONS_NAME))) await gw.setName(ASSUMPTIONS_NAME, found.sheet, tableAddress(found));
    if (alive.current) setTable(found);
  }, [gw]);

  const reload = useCallback(async () => {
    const reads = trackSheets(gw);
    try {
      const assumptions = await findAssumptions(reads.gateway);
      const found = await findHistory(reads.gateway, assumptions ? [assumptions.sheet] : []);
      // Store the pointers in the workbook so =ADPLAN.* formulas can name them.
      if (found && (found.how !== 'named' || found.grown)) {
        const r = found.range;
        const b = historyBlock(r);
        await gw.setName(HISTORY_NAME, r.sheet, rangeA1(r.row, r.column, b.rows, b.columns));
      }
      if (assumptions && !(await gw.readNamed(ASSUMPTIONS_NAME))) {
        await gw.setName(ASSUMPTIONS_NAME, assumptions.sheet, tableAddress(assumptions));
      }
      if (!alive.current) return;
      // Unchanged inputs keep their identity, so an edit elsewhere in the workbook recomputes nothing.
      setHistory((prev) => {
        if (!prev || !found) return found;
        // A joined sheet or the target log edited is a change too, not only the history table.
        const same = sameJson(prev.range, found.range) && sameJson(prev.more, found.more) && sameJson(prev.logs, found.logs);
        if (!same) return found;
        return prev.how === found.how ? prev : { ...found, range: prev.range, ...(prev.more ? { more: prev.more } : {}), ...(prev.logs ? { logs: prev.logs } : {}) };
      });
      setTable((prev) => (sameJson(prev, assumptions) ? prev : assumptions));
      const cal = await findCalendar(reads.gateway);
      if (!alive.current) return;
      setCalendarRange((prev) => (sameJson(prev, cal) ? prev : cal));
      setLoadError(null);
      setPhase('ready');
    } catch (e) {
      if (!alive.current) return;
      setLoadError({ text: toText(e), sheet: reads.lastSheet() });
      setPhase('error');
    }
  }, [gw]);

  useEffect(() => {
    alive.current = true;
    // The first read starts after the first paint (the loading state shows meanwhile).
    let timer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => void reload(), 0);
    const off = gw.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), CHANGE_DEBOUNCE_MS);
    });
    return () => {
      alive.current = false;
      clearTimeout(timer);
      off();
    };
  }, [gw, reload]);

  // What the engine gets: nothing while the history or the assumptions have errors.
  // On request, a first plan: the table's missing inputs (or a blank Base without a table) filled
  // with labelled category defaults (src/model), the workbook left as it is.
  const defaulted = useMemo(() => {
    if (!categoryDefaults || !historyRead?.ok || (assumptionsRead && !assumptionsRead.ok) || assumptionErrors.length > 0) return null;
    const own = assumptionsRead?.ok ? assumptionsRead.value.scenarios : [{ name: 'Base', values: {} }];
    const h = historyRead.value.history;
    return withCategoryDefaults(own, suppliedByHistory(h), recentGmvPerDay(h));
  }, [categoryDefaults, historyRead, assumptionsRead, assumptionErrors]);
  const planInput = useMemo<PlanInput | null>(
    () =>
      defaulted && planHistory
        ? { history: planHistory, scenarios: defaulted.scenarios }
        : planHistory && assumptionsRead?.ok && assumptionErrors.length === 0
          ? { history: planHistory, scenarios: assumptionsRead.value.scenarios }
          : null,
    [defaulted, planHistory, assumptionsRead, assumptionErrors],
  );

  // Recompute after a quiet moment; setTimeout lets React paint the keystroke first. The last
  // result stays on screen (with the progress indicator) until the new one is ready.
  useEffect(() => {
    if (!planInput) return;
    const id = setTimeout(() => setResult({ input: planInput, out: computePlan(planInput) }), RECOMPUTE_DEBOUNCE_MS);
    return () => clearTimeout(id);
  }, [planInput]);
  const report = planInput ? (result?.out.report ?? null) : null;
  const baseline = planInput ? (result?.out.baseline ?? null) : null;
  const backtestReport = planInput ? (result?.out.backtest ?? null) : null;
  const computing = planInput !== null && result?.input !== planInput;

  /** Runs a workbook edit; a failure becomes a notice naming what went wrong. */
  const guarded = useCallback(async <T,>(op: () => Promise<T>): Promise<T | null> => {
    try {
      return await op();
    } catch (e) {
      setNotice({ intent: 'error', text: toText(e) });
      return null;
    }
  }, []);

  /** Applies an edit to the sheet (only the changed cells), moves the name over the new extent, re-reads. */
  const applyEdit = useCallback(
    async (t: AssumptionsTable, edit: TableEdit) => {
      for (const op of edit.ops) {
        if (op.kind === 'write') await gw.writeCells(t.sheet, op.at, op.cells);
        else await gw.shiftCells(t.sheet, op.address, op.how);
      }
      await gw.setName(ASSUMPTIONS_NAME, t.sheet, tableAddress({ ...t, values: edit.block }));
      const named = await gw.readNamed(ASSUMPTIONS_NAME);
      if (alive.current) setTable(named ? parseAssumptionsTable(named) : null);
    },
    [gw],
  );

  const actions: WorkbenchActions = useMemo(
    () => ({
      reload,
      async takeSelection() {
        const sel = await guarded(() => gw.readSelection());
        if (!sel || sel.values.length < 2 || !looksLikeHistory(sel.values)) return false;
        const b = historyBlock(sel);
        await guarded(() => gw.setName(HISTORY_NAME, sel.sheet, rangeA1(sel.row, sel.column, b.rows, b.columns)));
        setOverrides({});
        setHistory({ how: 'selection', range: sel });
        return true;
      },
      setOverride(field, column) {
        setOverrides((o) => ({ ...o, [field]: column }));
      },
      resetOverrides() {
        setOverrides({});
      },
      async createAssumptions() {
        await guarded(async () => {
          // The presets under the pane's names (基准/稳健/进取/大促冲刺 in Chinese): the table is the user's.
          const presets = [...DEFAULT_PRESETS, EVENT_PRESET].map((p) => ({ ...p, name: presetName(i18n, p.name) }));
          const cells = newTableCells(presets);
          const name = await gw.addSheet({ baseName: i18n.t('assumptions.sheetName'), cells, activate: true, bold: [rangeA1(1, 1, 1, cells[0]?.length ?? 1)], freezeRows: 1 });
          await gw.setName(ASSUMPTIONS_NAME, name, rangeA1(1, 1, cells.length, cells[0]?.length ?? 1));
          await reloadAssumptions();
        });
      },
      async setValue(key, scenario, value) {
        const t = table;
        if (!t) return;
        await guarded(async () => {
          const at = valueAddress(t, key, scenario);
          if (at) {
            await gw.writeCells(t.sheet, at, [[value]]);
            const named = await gw.readNamed(ASSUMPTIONS_NAME);
            if (alive.current) setTable(named ? parseAssumptionsTable(named) : null);
            return;
          }
          if (t.scenarios[scenario] === undefined) return;
          await applyEdit(t, addKeyRowEdit(t, key, scenario, value));
        });
      },
      async createCalendar() {
        await guarded(async () => {
          const cells = calendarTemplate(historyRead?.ok ? historyRead.value.history : null);
          const name = await gw.addSheet({ baseName: CALENDAR_SHEET, cells, activate: true, bold: [rangeA1(1, 1, 1, cells[0]?.length ?? 1)], freezeRows: 1 });
          const cal = await gw.readUsedRange(name);
          if (alive.current) setCalendarRange(cal);
        });
      },
      async addScenario(name, copyOf) {
        if (table) await guarded(() => applyEdit(table, addScenarioEdit(table, name, copyOf)));
      },
      async renameScenario(index, name) {
        const t = table;
        const s = t?.scenarios[index];
        if (!t || !s) return;
        await guarded(() => applyEdit(t, renameScenarioEdit(t, index, name)));
      },
      async deleteScenario(index) {
        if (table && table.scenarios.length > 1) await guarded(() => applyEdit(table, deleteScenarioEdit(table, index)));
      },
      async writePlan(scenario, valuesOnly, labels) {
        const r = report;
        const s = r?.ok ? r.value.scenarios.find((x) => x.name === scenario) : undefined;
        if (!s) return null;
        const name = await guarded(() => gw.addSheet(planSheet(s, labels, valuesOnly)));
        return name;
      },
      async select(issue) {
        const sheet = issue.sheet ?? history?.range.sheet;
        if (sheet && issue.address) await guarded(() => gw.select(sheet, issue.address as string));
      },
    }),
    [gw, reload, reloadAssumptions, guarded, applyEdit, table, report, history, i18n, historyRead],
  );

  return {
    phase,
    loadError,
    history,
    overrides,
    historyRead,
    table,
    assumptionsRead,
    assumptionErrors,
    report,
    baseline,
    backtest: backtestReport,
    computing,
    calendar,
    flagged,
    actions,
    notice,
    setNotice,
    categoryDefaults,
    setCategoryDefaults,
    defaultsLabel: defaulted?.label ?? null,
  };
}
