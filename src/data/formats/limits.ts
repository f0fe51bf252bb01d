/**
 * The documented input limits (docs/data.md "Limits"). Every one is checked before the bytes it
 * guards are inflated, decoded or allocated, and a file past one is refused with a message naming
 * the file (and the cell, for a cell limit) instead of exhausting memory.
 */
export const LIMITS = {
  /** Bytes of one file on disk (an .xlsx or a .csv). */
  fileBytes: 100 * 1024 * 1024,
  /**
   * Bytes of an .xlsx's parts once inflated (sum of the zip central directory's sizes). Sheets are
   * streamed (xlsx-stream.ts: the compressed bytes, the shared strings and one piece are held), so
   * this bounds the time a read takes (~1 s per 50 MB of XML), not its memory. A 100 MB file of
   * ordinary exports inflates to well under it.
   */
  xlsxStreamedBytes: 1024 * 1024 * 1024,
  /**
   * Inflated bytes of an .xlsx the preview's download re-reads whole with ExcelJS (to keep its
   * formulas and formatting): ExcelJS holds ~15× the XML (50 MB of XML: 0.8 GB), too much for a
   * browser tab. A larger workbook downloads with its values only, said before the download.
   */
  xlsxRoundTripBytes: 64 * 1024 * 1024,
  /** Inflated ÷ compressed size of one zip part; real sheets compress 5–20×, bombs 1000×. */
  xlsxRatio: 200,
  /** Rows of one sheet (Excel's own maximum). */
  rows: 1_048_576,
  /** Characters of one cell (Excel's own maximum). */
  cellChars: 32_767,
  /** Fields of one CSV line (Excel's own column count), counted as the line is scanned. */
  csvFields: 16_384,
  /**
   * Characters of one CSV line, counted as it is scanned: a real export's line is a few hundred;
   * past this the file is refused before the line is built (a 100 MB line would cost gigabytes).
   */
  csvLineChars: 1024 * 1024,
  /**
   * Issues listed per severity for one table; the rest are counted in one line. A file with an
   * error on each of a million rows would otherwise hold a million messages (~250 MB).
   */
  issuesListed: 1_000,
} as const;

/** A size for messages: whole megabytes, or kilobytes below one megabyte. */
export function mb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`;
}
