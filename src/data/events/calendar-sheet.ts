/**
 * The user's event calendar (活动日历 / ADPLAN_Events): name | phase | first day | last day |
 * optional organic × and response ×, headers in zh or en, phases in zh or en. A bad row (unknown
 * phase, a date that does not parse, last before first, a window overlapping an earlier row, a
 * multiplier that is not a positive number) is reported on its cell and skipped; the other rows
 * apply. docs/data.md "The event calendar".
 */
import { text, type Text } from '../../i18n/text';
import { dayIndex, type EventWindow } from '../../model/core';
import { EVENT_PHASES, PHASE_LABELS, phaseOf } from '../../model/events';
import { Locator } from '../formats';
import { cellText, EXPECTED_DATE, expectedNumber, headerKey, isMissing, parseDate, parseNumber } from '../cells';
import { issueAdder, type Cell, type DataIssue, type RangeOrigin } from '../table';

export interface EventsReadResult {
  /** The valid rows, as windows the user confirmed (isDefault false), in sheet order. */
  windows: EventWindow[];
  issues: DataIssue[];
}

export type EventColumn = Column;
type Column = 'name' | 'phase' | 'first' | 'last' | 'organic' | 'response';

/** Accepted headers per column (the data guide lists them). */
export const EVENT_HEADERS: Readonly<Record<Column, readonly string[]>> = {
  name: ['活动', '活动名称', '大促', '大促名称', '名称', 'event', 'name', 'event name'],
  phase: ['阶段', '活动阶段', 'phase', 'stage'],
  first: ['开始日期', '开始', '起始日期', '首日', '第一天', 'first day', 'first', 'start', 'start date', 'from'],
  last: ['结束日期', '结束', '截止日期', '末日', '最后一天', 'last day', 'last', 'end', 'end date', 'to'],
  organic: ['自然流倍数', '自然倍数', '自然流系数', 'organic', 'organic multiplier', 'organic ×'],
  response: ['投放倍数', '付费倍数', '响应倍数', 'response', 'response multiplier', 'response ×'],
};

const LOOKUP: ReadonlyMap<string, Column> = new Map(
  (Object.entries(EVENT_HEADERS) as [Column, readonly string[]][]).flatMap(([c, names]) => names.map((n) => [headerKey(n), c] as const)),
);

/** Sheet names the calendar is found under (any case and width). */
export const EVENTS_SHEET_NAMES: readonly string[] = ['活动日历', 'ADPLAN_Events', '大促日历', 'Events'];

export function isEventsSheetName(name: string): boolean {
  const k = headerKey(name);
  return EVENTS_SHEET_NAMES.some((n) => headerKey(n) === k);
}

const REQUIRED: readonly Column[] = ['name', 'phase', 'first', 'last'];
/** Rows searched for the header. */
const HEADER_ROWS = 10;
/** A multiplier above this is a typo (a percent, a GMV), not an event. */
const MAX_MULTIPLIER = 20;

function columnsOf(row: readonly Cell[] | undefined): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  (row ?? []).forEach((c, j) => {
    if (typeof c !== 'string') return;
    const col = LOOKUP.get(headerKey(c));
    if (col && out[col] === undefined) out[col] = j;
  });
  return out;
}

/** How many of the four required headers a sheet's top rows hold (for finding the sheet by content). */
export function eventsScore(cells: readonly (readonly Cell[])[]): number {
  let best = 0;
  for (const r of cells.slice(0, HEADER_ROWS)) best = Math.max(best, REQUIRED.filter((c) => columnsOf(r)[c] !== undefined).length);
  return best;
}

const PHASE_LIST = text(
  EVENT_PHASES.map((p) => `${PHASE_LABELS[p]['zh-CN']} (${PHASE_LABELS[p]['en-US']})`).join(', '),
  EVENT_PHASES.map((p) => PHASE_LABELS[p]['zh-CN']).join('、'),
);

export function readEventCalendar(cells: readonly (readonly Cell[])[], origin?: RangeOrigin): EventsReadResult {
  const loc = new Locator(origin);
  const issues: DataIssue[] = [];
  const addIssue = issueAdder(cells, origin, issues);
  const add = (message: Text, i?: number, j?: number, column?: string): void => addIssue('error', message, i, j, column);

  const h = cells.slice(0, HEADER_ROWS).findIndex((r) => REQUIRED.every((c) => columnsOf(r)[c] !== undefined));
  if (h < 0) {
    add(text(
      'the event calendar needs a header row with 活动 (name), 阶段 (phase), 开始日期 (first day) and 结束日期 (last day)',
      '活动日历需要表头行：活动、阶段、开始日期、结束日期',
    ));
    return { windows: [], issues };
  }
  const cols = columnsOf(cells[h]);
  const head = (c: Column): string => cellText(cells[h]?.[cols[c]!]).trim();
  const windows: EventWindow[] = [];
  const rowOf: number[] = [];
  for (let i = h + 1; i < cells.length; i++) {
    const row = cells[i] ?? [];
    if (row.every((c) => isMissing(c))) continue;
    const at = (c: Column): Cell => (cols[c] === undefined ? null : row[cols[c]!]);
    let ok = true;
    const name = isMissing(at('name')) ? '' : cellText(at('name')).trim();
    if (!name) {
      add(text('the event has no name', '活动名称为空'), i, cols.name, head('name'));
      ok = false;
    }
    const phase = isMissing(at('phase')) ? null : phaseOf(cellText(at('phase')));
    if (phase === null) {
      add(text(`unknown phase; expected one of ${PHASE_LIST['en-US']}`, `无法识别的阶段，应为${PHASE_LIST['zh-CN']}之一`), i, cols.phase, head('phase'));
      ok = false;
    }
    const date = (c: 'first' | 'last'): string | null => {
      const p = parseDate(at(c));
      if (p.ok && p.value) return p.value.date;
      add(p.ok ? text(`${c === 'first' ? 'first day' : 'last day'} is empty`, `${c === 'first' ? '开始日期' : '结束日期'}为空`) : EXPECTED_DATE, i, cols[c], head(c));
      return null;
    };
    const first = date('first');
    const last = date('last');
    if (first && last && dayIndex(last) < dayIndex(first)) {
      add(text(`the last day ${last} is before the first day ${first}`, `结束日期 ${last} 早于开始日期 ${first}`), i, cols.last, head('last'));
      ok = false;
    }
    const mult = (c: 'organic' | 'response'): number | null => {
      if (cols[c] === undefined || isMissing(at(c))) return null;
      const p = parseNumber(at(c), 'count');
      if (!p.ok) {
        add(expectedNumber(p.reason, 'a multiplier', '倍数'), i, cols[c], head(c));
        ok = false;
        return null;
      }
      const v = p.value;
      if (v === null) return null;
      if (!(v > 0) || v > MAX_MULTIPLIER) {
        add(text(`a multiplier must be > 0 and ≤ ${MAX_MULTIPLIER} (1 = a normal day), found ${v}`, `倍数应大于 0 且不超过 ${MAX_MULTIPLIER}（1 表示平日），此处为 ${v}`), i, cols[c], head(c));
        ok = false;
        return null;
      }
      return v;
    };
    const organic = mult('organic');
    const response = mult('response');
    if (!ok || !first || !last || phase === null) continue;
    // Overlaps an earlier valid row: one day is in one window (the earlier row is kept).
    const a = dayIndex(first);
    const b = dayIndex(last);
    const k = windows.findIndex((w) => a <= dayIndex(w.last) && dayIndex(w.first) <= b);
    if (k >= 0) {
      const w = windows[k]!;
      const where = `${w.name} ${PHASE_LABELS[w.phase]['zh-CN']} ${w.first} → ${w.last}`;
      add(
        text(`overlaps ${where} (row ${loc.row(rowOf[k]!)}): one day can be in one window only`, `与第 ${loc.row(rowOf[k]!)} 行的 ${where} 重叠：同一天只能属于一个活动阶段`),
        i,
        cols.first,
        head('first'),
      );
      continue;
    }
    windows.push({ name, phase, first, last, ...(organic !== null ? { organicMultiplier: organic } : {}), ...(response !== null ? { responseMultiplier: response } : {}), isDefault: false });
    rowOf.push(i);
  }
  return { windows, issues };
}
