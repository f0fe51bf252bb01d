/**
 * The streaming path (a CSV's rows parsed one at a time, rows.ts) and the grid path (a range)
 * are one reader: on every fixture they must give the same days, totals and issues — or the
 * same error. An .xlsx sheet is fed as a one-row-at-a-time source (fresh copies, no array) to
 * exercise the same walk; a CSV is read both ways from its text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CsvRows, decodeText, detectDelimiter, parseCsv } from '../../src/data/formats';
import { readHistory } from '../../src/data/history';
import { openSheets } from '../../src/data/formats';
import type { RowSource } from '../../src/data/formats';
import type { Cell } from '../../src/data/table';
import { generateMerchant } from '../../src/sample/merchant';
import { historyToCompassCells } from '../../src/sample/sheet';

const DIRS = [join(__dirname, '../fixtures'), join(__dirname, '../fixtures/families')];
const FILES = DIRS.flatMap((d) => readdirSync(d).filter((f) => /\.(csv|tsv|xlsx)$/u.test(f)).map((f) => join(d, f)));

/** A grid seen only through the RowSource interface, every row a fresh copy (nothing shared). */
function streamed(cells: readonly (readonly Cell[])[]): RowSource {
  const src = {
    *from(start: number) {
      for (let i = start; i < cells.length; i++) yield [...(cells[i] ?? [])];
    },
  };
  return src;
}

/** The read, or the error's message: both paths must agree on either. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function csvLine(row: readonly Cell[]): string {
  return row.map((c) => {
    const s = c instanceof Date ? c.toISOString().slice(0, 19).replace('T', ' ') : c === null || c === undefined ? '' : String(c);
    return /[",\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  }).join(',');
}

describe('streaming rows and the cell grid give one result', () => {
  it('finds the fixtures', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(FILES.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s', async (_name, file) => {
    const { sheets, format } = await openSheets(readFileSync(file), file);
    for (const sheet of sheets) {
      const origin = { sheet: sheet.name };
      if (format === 'csv') {
        const { text } = decodeText(new Uint8Array(readFileSync(file)));
        const delimiter = detectDelimiter(text);
        const grid = outcome(() => readHistory(parseCsv(text, delimiter), origin));
        expect(outcome(() => readHistory(new CsvRows(text, delimiter), origin))).toEqual(grid);
        expect(outcome(() => readHistory(sheet.rows as RowSource, origin))).toEqual(grid);
      } else {
        const grid = outcome(() => readHistory(sheet.cells, origin));
        expect(outcome(() => readHistory(streamed(sheet.cells), origin))).toEqual(grid);
      }
    }
  });

  it('a 罗盘 直播明细-shaped CSV (the benchmark file shape, sessions per day) reads the same both ways', () => {
    const cells = historyToCompassCells(generateMerchant(3, { days: 60 }).history, { seed: 3, maxSessions: 3 });
    const text = `${cells.map(csvLine).join('\r\n')}\r\n`;
    const grid = readHistory(parseCsv(text, ','));
    expect(grid.history.days.length).toBeGreaterThan(30);
    expect(readHistory(new CsvRows(text, ','))).toEqual(grid);
  });

  it('the 罗盘 成交分析 fixture saved as CSV (载体 × 时段 rows, 全部 × 不限, 非投放时段) reads the same both ways', async () => {
    const { sheets } = await openSheets(readFileSync(join(DIRS[1] as string, 'compass-deal.xlsx')), 'compass-deal.xlsx');
    const text = (sheets[0] as { cells: Cell[][] }).cells.map(csvLine).join('\n');
    expect(text).toContain('非投放时段');
    const grid = readHistory(parseCsv(text, ','));
    expect(grid.history.days.some((d) => d.organicGmvObserved != null)).toBe(true);
    expect(readHistory(new CsvRows(text, ','))).toEqual(grid);
  });
});
