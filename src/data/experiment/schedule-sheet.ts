/**
 * The 实验计划 sheet (the one the designer writes, or the provider's own): a row per day (日期,
 * ROI目标, optional 剔除) or a row per block (开始日期, 结束日期, ROI目标). Days covered twice —
 * overlapping blocks — are errors naming both rows; the later row is left out, the rest is read.
 */
import { text } from '../../i18n/text';
import { addDays } from '../../model/core';
import { scheduleFromTargets, type Schedule, type TargetBasis, type TargetDay } from '../../model/experiment';
import type { IsoDate } from '../../model/core';
import { isMissing, parseDate, parseNumber } from '../cells';
import { headerKey, cellText } from '../cells';
import type { Cell, DataIssue, RangeOrigin } from '../table';
import { findColumns, issueAdder } from './table';

export const SCHEDULE_SHEET = '实验计划';
export const SCHEDULE_SHEET_EN = 'Experiment plan';
/** A block longer than this is a typo (a year in the end date), not a test block. */
const MAX_BLOCK_DAYS = 120;

const ALIASES = {
  date: ['日期', 'date'],
  first: ['开始日期', '开始', 'first', 'start'],
  last: ['结束日期', '结束', 'last', 'end'],
  target: ['ROI目标', '目标ROI', '目标', 'target', 'ROI target'],
  basis: ['口径', 'basis'],
  drop: ['剔除', '剔除(学习期)', 'drop', 'drop (learning)'],
} as const;

export interface ScheduleRead {
  schedule: Schedule | null;
  issues: DataIssue[];
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '剔除', 'drop']);

export function readScheduleSheet(cells: Cell[][], origin?: RangeOrigin): ScheduleRead {
  const issues: DataIssue[] = [];
  const add = issueAdder(cells, origin, issues);
  const t = findColumns(cells, ALIASES);
  const c = t?.columns;
  const dayForm = c?.date !== undefined;
  if (!t || !c || c.target === undefined || (!dayForm && (c.first === undefined || c.last === undefined))) {
    add('error', text('The 实验计划 sheet needs 日期 and ROI目标 columns (or 开始日期, 结束日期 and ROI目标).', '实验计划表需要“日期”和“ROI目标”列（或“开始日期”“结束日期”和“ROI目标”）。'));
    return { schedule: null, issues };
  }
  const byDate = new Map<IsoDate, { day: TargetDay; row: number }>();
  let basis: TargetBasis = 'pay';
  for (let i = t.headerIndex + 1; i < cells.length; i++) {
    const row = cells[i] ?? [];
    // The table ends at its first blank row (notes may follow it).
    if (row.every(isMissing)) {
      if (i > t.headerIndex + 1) break;
      continue;
    }
    const target = parseNumber(row[c.target], 'rate');
    if (!target.ok || target.value === null || !(target.value > 0)) {
      add('error', text('ROI目标 must be a number > 0; row left out.', 'ROI目标应为大于 0 的数；该行未使用。'), i, c.target, t.names.target);
      continue;
    }
    if (c.basis !== undefined && /净|net/iu.test(cellText(row[c.basis]))) basis = 'net';
    let dates: IsoDate[];
    if (dayForm) {
      const d = parseDate(row[c.date!]);
      if (!d.ok || !d.value) {
        add('error', text('日期 must be a date; row left out.', '日期应为日期；该行未使用。'), i, c.date, t.names.date);
        continue;
      }
      dates = [d.value.date];
    } else {
      const a = parseDate(row[c.first!]);
      const b = parseDate(row[c.last!]);
      if (!a.ok || !a.value || !b.ok || !b.value || b.value.date < a.value.date) {
        add('error', text('开始日期 and 结束日期 must be dates, the end not before the start; row left out.', '开始日期和结束日期应为日期，且结束不早于开始；该行未使用。'), i, c.first);
        continue;
      }
      dates = [];
      for (let d = a.value.date; d <= b.value.date && dates.length <= MAX_BLOCK_DAYS; d = addDays(d, 1)) dates.push(d);
    }
    const drop = c.drop !== undefined && !isMissing(row[c.drop]) ? YES.has(headerKey(cellText(row[c.drop]))) : undefined;
    const clash = dates.map((d) => byDate.get(d)).find((x) => x !== undefined);
    if (clash) {
      add(
        'error',
        text(
          `This row overlaps row ${(origin?.row ?? 1) + clash.row} on ${clash.day.date}: one target a day; row left out.`,
          `该行与第 ${(origin?.row ?? 1) + clash.row} 行在 ${clash.day.date} 重叠：每天只能有一个目标；该行未使用。`,
        ),
        i,
        dayForm ? c.date : c.first,
      );
      continue;
    }
    for (const d of dates) byDate.set(d, { day: { date: d, target: target.value, ...(drop !== undefined ? { drop } : {}) }, row: i });
  }
  const days = [...byDate.values()].map((x) => x.day).sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
  // A gap between blocks is a day without a known target: flagged, and left out of the reading.
  for (let k = 1; k < days.length; k++) {
    if (addDays(days[k - 1]!.date, 1) !== days[k]!.date) {
      add('warning', text(`The schedule has no target from ${addDays(days[k - 1]!.date, 1)} to ${addDays(days[k]!.date, -1)}: those days are not read.`, `实验计划中 ${addDays(days[k - 1]!.date, 1)} 至 ${addDays(days[k]!.date, -1)} 没有目标：这些天不参与分析。`));
    }
  }
  return { schedule: scheduleFromTargets(days, basis), issues };
}
