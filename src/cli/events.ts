/**
 * What check and plan say about the calendar: `--events FILE`, the flagged days (JSON list and a
 * short list of runs with dates), the user's calendar as read, and the plan per event.
 */
import { pick, text, type Lang } from '../i18n/text';
import { loadEventsFile } from '../data/node';
import type { EventsSource, WorkbookOptions } from '../data';
import type { DataIssue } from '../data/table';
import type { FlaggedDay, History } from '../model/core';
import { flaggedDaysOf, flagRuns, flagRunText, PHASE_LABELS } from '../model/events';
import type { EventPlanReport } from '../model/report';
import { formatNumber, renderTable } from '../text';

/** The reader's options from --sheet and --events. */
export async function readOptions(values: { sheet?: string; events?: string }): Promise<WorkbookOptions> {
  const events = values.events !== undefined ? await loadEventsFile(values.events) : undefined;
  return { ...(values.sheet !== undefined ? { sheet: values.sheet } : {}), ...(events ? { events } : {}) };
}

/** `flaggedDays: [{date, kind, name?, phase?}]`. */
export function flaggedDaysJson(history: History): FlaggedDay[] {
  return flaggedDaysOf(history).map((f) => ({ date: f.date, kind: f.kind, ...(f.name !== undefined ? { name: f.name } : {}), ...(f.phase !== undefined ? { phase: f.phase } : {}) }));
}

const MAX_RUNS_SHOWN = 12;

/** The flagged days as runs, at most a dozen lines. */
export function flaggedLines(history: History, lang: Lang): string[] {
  const runs = flagRuns(flaggedDaysOf(history));
  const head = pick(text(`Flagged days (${runs.length === 0 ? 'none' : `${runs.length} run(s)`})`, `需留意的日期（${runs.length === 0 ? '无' : `${runs.length} 段`}）`), lang);
  const shown = runs.slice(0, MAX_RUNS_SHOWN).map((r) => `  • ${pick(flagRunText(r), lang)}`);
  const more = runs.length > MAX_RUNS_SHOWN ? [`  ${pick(text(`… ${runs.length - MAX_RUNS_SHOWN} more — see --json`, `…… 另有 ${runs.length - MAX_RUNS_SHOWN} 段——见 --json`), lang)}`] : [];
  return [head, ...shown, ...more];
}

/** The calendar's bad rows, one line each with its cell (plan prints them; check lists them in its table). */
export function calendarIssueLines(events: EventsSource | undefined, lang: Lang): string[] {
  if (!events || events.read.issues.length === 0) return [];
  const head = pick(text(`Event calendar ${events.source}: ${events.read.issues.length} row(s) not used (the other ${events.read.windows.length} apply)`, `活动日历 ${events.source}：${events.read.issues.length} 行未采用（其余 ${events.read.windows.length} 行照常生效）`), lang);
  return [head, ...events.read.issues.map((x) => `  ${x.address ?? ''} ${x.value !== undefined ? `“${x.value}” ` : ''}${pick(x.message, lang)}`)];
}

/** The user's calendar as read (check --json): where, how many windows, the issues. */
export function calendarJson(events: EventsSource | undefined, issue: (x: DataIssue) => unknown) {
  if (!events) return null;
  return { source: events.source, windows: events.read.windows, issues: events.read.issues.map(issue) };
}

const money = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : formatNumber(x, 0));
const ratio = (x: number | null): string => (x === null ? '—' : formatNumber(x, 2));

const SOURCE = {
  user: text('your calendar', '您的日历'),
  fitted: text('fitted from your history', '由历史拟合'),
  default: text('default', '默认值'),
} as const;

/** Per event: a phase table (dates, budget, ROI target) and one line of profit, capital and capacity. */
export function eventPlanLines(events: readonly EventPlanReport[], lang: Lang): string[] {
  const out: string[] = [];
  for (const e of events) {
    const tag = e.isDefault ? pick(text(' (built-in calendar)', '（内置日历）'), lang) : '';
    out.push(`  ${e.name} ${e.first} – ${e.last}${tag}`);
    const head = [text('phase', '阶段'), text('dates', '日期'), text('budget', '预算'), text('ROI target', '整体ROI目标'), text('organic ×', '自然流 ×'), text('response ×', '投放 ×'), text('from', '来源')].map((t) => pick(t, lang));
    const rows = e.phases.map((p) => [
      pick(PHASE_LABELS[p.phase], lang),
      `${p.first} – ${p.last}`,
      money(p.budget),
      ratio(p.roiTarget),
      formatNumber(p.organicMultiplier, 2),
      formatNumber(p.responseMultiplier, 2),
      pick(SOURCE[p.multiplierSource], lang),
    ]);
    out.push(renderTable(head, rows, { right: [2, 3, 4, 5], indent: '    ' }));
    const p = e.incrementalProfitP50 !== undefined ? `${money(e.incrementalProfitP10)} / ${money(e.incrementalProfitP50)} / ${money(e.incrementalProfitP90)}` : money(e.incrementalProfit);
    const binds = e.capacityBinds ? pick(text(`capacity binds on ${e.capacityDays} day(s)`, `有 ${e.capacityDays} 天受发货能力限制`), lang) : pick(text('capacity does not bind', '发货能力未受限'), lang);
    out.push(
      `    ${pick(text('incremental profit P10 / P50 / P90', '增量利润 P10 / P50 / P90'), lang)}: ${p}; ${pick(text('peak capital (stock-up incl.)', '峰值占用资金（含备货）'), lang)}: ${money(e.peakCapital)}; ${pick(text('stock-up', '备货'), lang)}: ${money(e.stockUp)}; ${binds}`,
    );
  }
  return out;
}
