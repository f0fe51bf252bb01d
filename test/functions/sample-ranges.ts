/**
 * The sample merchant workbook's two tables shaped the way Excel hands ranges to custom
 * functions: dates as serial numbers (with the time as a fraction), blanks as null (Excel on
 * the web) or 0 (some desktop builds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell } from '../../src/data/table';
import { readXlsxBytes } from '../../src/data/formats';
import { SAMPLE_ASSUMPTIONS_SHEET, SAMPLE_HISTORY_SHEET } from '../../src/sample/workbook';

export const SAMPLE_FILE = join(__dirname, '..', '..', 'assets', 'sample', 'merchant-sample.xlsx');

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function asExcelSends(cells: Cell[][], blanks: 'null' | 'zero'): Cell[][] {
  return cells.map((row) =>
    row.map((c) => {
      if (c instanceof Date) return (c.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
      if (c === null || c === undefined || c === '') return blanks === 'zero' ? 0 : null;
      return c;
    }),
  );
}

function trimBlankEdges(cells: Cell[][]): Cell[][] {
  const rows = cells.filter((r, i) => i === 0 || r.some((c) => c !== null && c !== undefined && c !== ''));
  const width = Math.max(...rows.map((r) => r.reduce<number>((w, c, j) => (c !== null && c !== undefined && c !== '' ? j + 1 : w), 0)));
  return rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? null));
}

export interface SampleRanges {
  history: Cell[][];
  assumptions: Cell[][];
}

export async function sampleRanges(blanks: 'null' | 'zero' = 'null'): Promise<SampleRanges> {
  const sheets = await readXlsxBytes(readFileSync(SAMPLE_FILE));
  const get = (name: string): Cell[][] => {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw new Error(`sample workbook has no sheet ${name}`);
    return s.cells;
  };
  return {
    history: asExcelSends(get(SAMPLE_HISTORY_SHEET), blanks),
    // The assumptions table is sent as typed: its blanks inherit, so they stay null here
    // (see docs/functions.md on desktop builds that send blanks as 0).
    assumptions: asExcelSends(trimBlankEdges(get(SAMPLE_ASSUMPTIONS_SHEET)), 'null'),
  };
}
