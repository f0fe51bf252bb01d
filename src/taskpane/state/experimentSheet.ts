/**
 * The 实验计划 sheet as the pane writes it through its gateway: the same content as the CLI's
 * workbook (src/data/experiment/plan-sheet.ts) — title lines, the header the schedule reader
 * takes back, one row per day, the notes — with formats, bold header and frozen rows. Pure.
 */
import { experimentPlanTable } from '../../data/experiment';
import { numberFormat } from '../../data/formats';
import type { Lang } from '../../i18n/text';
import type { ExperimentDesign } from '../../model/experiment';
import { rangeA1 } from '../gateway/address';
import type { NewSheet, RangeFormat, WriteCell } from '../gateway/types';

/** The table's header row (1-based), as on the CLI's sheet. */
export const EXPERIMENT_HEADER_ROW = 4;

export function experimentSheet(d: ExperimentDesign, lang: Lang): NewSheet {
  const t = experimentPlanTable(d, lang);
  const cells: WriteCell[][] = [[t.title[0] ?? ''], [t.title[1] ?? ''], [], t.columns.map((c) => c.header)];
  for (const row of t.rows) cells.push(row.map((v, j) => (t.columns[j]!.kind === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v)));
  cells.push([]);
  for (const n of t.notes) cells.push([n]);
  const formats: RangeFormat[] = [];
  t.columns.forEach((c, j) => {
    if (c.kind && t.rows.length > 0) formats.push({ range: rangeA1(EXPERIMENT_HEADER_ROW + 1, j + 1, t.rows.length, 1), format: numberFormat(c.kind, lang) });
  });
  return {
    baseName: t.sheetName,
    cells,
    formats,
    bold: ['A1', rangeA1(EXPERIMENT_HEADER_ROW, 1, 1, t.columns.length)],
    freezeRows: EXPERIMENT_HEADER_ROW,
    widths: t.columns.map((c) => c.width),
    activate: true,
  };
}
