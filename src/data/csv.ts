/**
 * CSV / TSV text as Chinese Excel saves it: UTF-8 with or without BOM, GB18030/GBK ("CSV"
 * on a Chinese Windows), UTF-16 ("Unicode text", tab-separated). Browser-safe: TextDecoder and
 * iconv-lite only.
 */
import * as iconv from 'iconv-lite';
import type { RowSource } from './rows';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Detect the encoding: BOMs first, then strict UTF-8, else GB18030 (a superset of GBK). */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  return sniff(bytes).encoding;
}

/**
 * The encoding and, when strict UTF-8 decoding was the test, its text: a 50 MB file is then
 * decoded once, not twice (a second full-size string would sit in memory until the next GC).
 */
function sniff(bytes: Uint8Array): { encoding: CsvEncoding; text?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be' };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { encoding: utf16 };
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not valid UTF-8: what Chinese Excel writes by default.
    return { encoding: 'gb18030' };
  }
}

/**
 * UTF-16 saved without a BOM (some RPA tools): UTF-8 and GBK text never holds a NUL byte, UTF-16
 * holds one in every ASCII character (tabs, digits) — on odd offsets for LE, even for BE.
 */
function bomlessUtf16(bytes: Uint8Array): CsvEncoding | null {
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even + odd === 0) return null;
  return odd >= even ? 'utf-16le' : 'utf-16be';
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const { encoding, text: decoded } = sniff(bytes);
  let s: string;
  if (decoded !== undefined) s = decoded;
  else if (encoding === 'utf-8') s = new TextDecoder('utf-8').decode(bytes);
  else s = iconv.decode(bytes as Buffer, encoding);
  // slice, not replace: no copy of a large text.
  return { text: s.charCodeAt(0) === 0xfeff ? s.slice(1) : s, encoding };
}

/** The separator used most outside quotes in the first lines: tab, comma or semicolon. */
export function detectDelimiter(s: string): string {
  const sample = s.slice(0, 8192);
  const counts: Record<string, number> = { '\t': 0, ',': 0, ';': 0 };
  let quoted = false;
  let lines = 0;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
    else if (!quoted && ch === '\n' && ++lines >= 20) break;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/** A CSV past a documented limit (docs/data.md "Limits"): where, and what was counted. */
export class CsvLimitError extends Error {
  constructor(
    readonly limit: 'rows' | 'cellChars',
    /** 1-based row and column of the offending cell (the row for the row limit). */
    readonly row: number,
    readonly column: number,
  ) {
    super(`CSV ${limit} limit at row ${row}, column ${column}`);
    this.name = 'CsvLimitError';
  }
}

export interface CsvLimits {
  maxRows: number;
  maxCellChars: number;
}

const UNLIMITED: CsvLimits = { maxRows: Infinity, maxCellChars: Infinity };

/**
 * One RFC 4180 row from offset `start`: quoted fields may hold separators, "" and line breaks.
 * Runs of ordinary characters are sliced, not appended one by one (linear on a 100 MB file), and
 * the cell limit is checked as the text is walked, before a too-long cell is built. Null at the
 * end of the text (a last line with nothing in it is no row).
 */
function parseRowAt(s: string, start: number, delim: number, rowNo: number, limits: CsvLimits): { row: string[]; next: number } | null {
  const row: string[] = [];
  let field = '';
  let quoted = false;
  const n = s.length;
  const grow = (add: number): void => {
    if (field.length + add > limits.maxCellChars) throw new CsvLimitError('cellChars', rowNo, row.length + 1);
  };
  let i = start;
  while (i < n) {
    if (quoted) {
      const q = s.indexOf('"', i);
      const stop = q < 0 ? n : q;
      grow(stop - i);
      field += s.slice(i, stop);
      if (q < 0) i = n;
      else if (s.charCodeAt(q + 1) === 34) {
        grow(1);
        field += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    const c = s.charCodeAt(i);
    if (c === 34 && field === '') {
      quoted = true;
      i++;
    } else if (c === delim) {
      row.push(field);
      field = '';
      i++;
    } else if (c === 10 || c === 13) {
      row.push(field);
      return { row, next: i + (c === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1) };
    } else {
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 34 || d === 10 || d === 13 || d === delim) break;
        j++;
      }
      grow(j - i);
      field += s.slice(i, j);
      i = j;
    }
  }
  if (field === '' && row.length === 0) return null;
  row.push(field);
  return { row, next: n };
}

/**
 * A CSV text as rows parsed on demand (rows.ts RowSource): one pass at construction checks the
 * limits (rows, cell length) and notes where each row starts; reading the rows parses them again
 * one at a time, so memory is the text plus one offset per row, never the cell grid.
 */
export class CsvRows implements RowSource {
  private readonly starts: number[] = [];
  private readonly delim: number;

  constructor(
    private readonly text: string,
    delimiter: string,
    private readonly limits: CsvLimits = UNLIMITED,
  ) {
    this.delim = delimiter.charCodeAt(0);
    let pos = 0;
    for (;;) {
      const r = parseRowAt(text, pos, this.delim, this.starts.length + 1, limits);
      if (!r) break;
      if (this.starts.length >= limits.maxRows) throw new CsvLimitError('rows', this.starts.length + 1, 1);
      this.starts.push(pos);
      pos = r.next;
    }
  }

  get count(): number {
    return this.starts.length;
  }

  at(i: number): string[] | undefined {
    const pos = this.starts[i];
    return pos === undefined ? undefined : parseRowAt(this.text, pos, this.delim, i + 1, this.limits)?.row;
  }

  *from(start: number): Generator<string[]> {
    let pos = this.starts[start];
    for (let i = start; i < this.starts.length && pos !== undefined; i++) {
      const r = parseRowAt(this.text, pos, this.delim, i + 1, this.limits);
      if (!r) return;
      yield r.row;
      pos = r.next;
    }
  }

  /** All rows as a grid (ranges for the preview, assumptions files, tests). */
  grid(): string[][] {
    return [...this.from(0)];
  }
}

/** CSV text → a grid of cells (the whole table in memory; the reader uses CsvRows instead). */
export function parseCsv(s: string, delimiter = detectDelimiter(s), limits: CsvLimits = UNLIMITED): string[][] {
  return new CsvRows(s, delimiter, limits).grid();
}

/** CSV bytes → rows parsed on demand, with the encoding and separator found. Limits are checked here. */
export function readCsvRows(bytes: Uint8Array, limits: CsvLimits = UNLIMITED): { rows: CsvRows; encoding: CsvEncoding; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  return { rows: new CsvRows(text, delimiter, limits), encoding, delimiter };
}

export function readCsvBytes(bytes: Uint8Array, limits: CsvLimits = UNLIMITED): { cells: string[][]; encoding: CsvEncoding; delimiter: string } {
  const { rows, encoding, delimiter } = readCsvRows(bytes, limits);
  return { cells: rows.grid(), encoding, delimiter };
}
