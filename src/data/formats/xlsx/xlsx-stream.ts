/**
 * .xlsx workbooks read as streams: each sheet's rows are inflated and parsed as they are walked
 * (xlsx-sheet.ts), never held, so a 500 MB sheet costs its compressed bytes, the shared strings
 * and one piece. The cells are exactly readXlsxBytes' (ExcelJS) — test/data/xlsx-stream.test.ts
 * holds the two to each other. Synchronous and browser-safe.
 */
import type { Cell } from '../cell';
import type { RowSource } from '../rows';
import type { SheetCells } from './xlsx';
import { dateStyles, sharedStrings, workbookParts } from './xlsx-parts';
import { sheetRows } from './xlsx-sheet';
import { SheetFacts } from './sheet-facts';
import { memoryBytes, type ByteSource } from '../bytes';
import { zipEntries, type ZipEntry } from '../zip/zip-guard';

export interface StreamOptions {
  /** Compressed bytes read per step (tests use tiny ones). */
  piece?: number;
}

/**
 * The sheets of a workbook whose zip directory `entries` is known (and checked against the
 * limits by the caller). `rows` streams; `cells` builds the grid on first use, for the callers
 * that need one (preview, assumptions, sheet scoring of small sheets).
 */
export function streamSheets(src: ByteSource, entries: readonly ZipEntry[], fileName: string, options: StreamOptions = {}): SheetCells[] {
  const { piece } = options;
  const { sheets, date1904 } = workbookParts(src, entries, fileName, piece);
  const shared = sharedStrings(src, entries, fileName, piece);
  const styles = dateStyles(src, entries, fileName, piece);
  return sheets.map((s) => {
    const ctx = { fileName, sheet: s.name, shared, dateStyles: styles, date1904 };
    const facts = new SheetFacts();
    const pass = (start: number): Generator<Cell[]> => sheetRows(src, s.entry, ctx, start, piece, facts);
    const rows: RowSource = { from: pass };
    let grid: Cell[][] | null = null;
    return {
      name: s.name,
      state: s.state,
      ...(date1904 !== 'no' ? { date1904: true } : {}),
      rows,
      side: (limits) => ({ from: (start: number) => sheetRows(src, s.entry, ctx, start, piece, facts, limits) }),
      facts: () => facts.whole,
      get cells(): Cell[][] {
        return (grid ??= Array.from(pass(0)));
      },
    };
  });
}

/** The same from bytes in memory or a file read piece by piece (its directory read here, unchecked). */
export function readXlsxStream(bytes: Uint8Array | ByteSource, fileName = 'workbook.xlsx', options: StreamOptions = {}): SheetCells[] {
  const src = bytes instanceof Uint8Array ? memoryBytes(bytes) : bytes;
  return streamSheets(src, zipEntries(src, fileName), fileName, options);
}
