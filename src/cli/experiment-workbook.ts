/** The 实验计划 sheet as an ExcelJS workbook (the CLI's --out): formatted, header frozen. Kept out of src/data's index so ExcelJS stays out of the pane and functions bundles. */
import { Workbook } from 'exceljs';
import { experimentPlanTable } from '../data/experiment';
import { numberFormat } from '../data/formats';
import type { Lang } from '../i18n/text';
import type { ExperimentDesign } from '../model/experiment';

/** Table header row (1-based): two title lines and a blank row above it. */
export const PLAN_HEADER_ROW = 4;

export function experimentPlanWorkbook(d: ExperimentDesign, lang: Lang): Workbook {
  const t = experimentPlanTable(d, lang);
  const wb = new Workbook();
  const ws = wb.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: PLAN_HEADER_ROW }] });
  t.title.forEach((line, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = line;
    c.font = i === 0 ? { bold: true, size: 14 } : { color: { argb: 'FF595959' } };
  });
  t.columns.forEach((col, j) => {
    const c = ws.getCell(PLAN_HEADER_ROW, j + 1);
    c.value = col.header;
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
    ws.getColumn(j + 1).width = col.width;
  });
  t.rows.forEach((row, i) => {
    const r = PLAN_HEADER_ROW + 1 + i;
    row.forEach((v, j) => {
      const c = ws.getCell(r, j + 1);
      const kind = t.columns[j]!.kind;
      c.value = kind === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : (v as string | number | null);
      if (kind) c.numFmt = numberFormat(kind, lang);
    });
    // Days left out of the reading are greyed.
    if (d.schedule.days[i]!.drop) ws.getRow(r).font = { color: { argb: 'FF8C8C8C' } };
  });
  const notesRow = PLAN_HEADER_ROW + t.rows.length + 2;
  t.notes.forEach((n, i) => (ws.getCell(notesRow + i, 1).value = n));
  return wb;
}
