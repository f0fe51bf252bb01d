/**
 * A live plan sheet's values copy reads like a plan written as values: the subtitle says the
 * numbers are fixed (not "live formulas"), and the limit column speaks the sheet's language
 * (爬坡, not the function's stable key `ramp`) — what the pane's "Values only" writes.
 */
import type { Worksheet } from 'exceljs';
import type { Lang } from '../i18n/text';
import { format } from '../taskpane/i18n';
import { DICTIONARIES } from '../taskpane/i18n/dictionaries';
import { PLAN_COLUMNS, PLAN_ROW } from '../taskpane/state/planSheet';

const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
const LIMITS = ['target', 'ramp', 'cash', 'capacity', 'extrapolation', 'max'] as const;

/** Rewrites the copy's subtitle and limit labels when `copy` is a copy of a live plan sheet. */
export function relabelPlanCopy(copy: Worksheet, today: string): void {
  const subtitle = copy.getCell(2, 1).value;
  const lang = LANGS.find((l) => DICTIONARIES[l]['plan.subtitle.live'] === subtitle);
  if (!lang) return;
  const dict = DICTIONARIES[lang];
  copy.getCell(2, 1).value = format(dict['plan.subtitle.values'], { date: today });
  relabelLimits(copy, PLAN_COLUMNS.indexOf('limit') + 1, PLAN_ROW + 1, lang);
}

/**
 * The limit keys ADPLAN.PLAN spills (`ramp`, `cash` …) in column `col` from row `from` on, as the
 * pane's words (爬坡、现金 …): the one label list, shared by the demo workbook's values copy.
 */
export function relabelLimits(ws: Worksheet, col: number, from: number, lang: Lang): void {
  const dict = DICTIONARIES[lang];
  for (let r = from; r <= ws.rowCount; r++) {
    const cell = ws.getCell(r, col);
    const key = LIMITS.find((k) => k === cell.value);
    if (key) cell.value = dict[`plan.limit.${key}`];
  }
}
