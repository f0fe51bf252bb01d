/**
 * CSV / TSV text as Chinese Excel saves it: UTF-8 with or without BOM, GB18030/GBK ("CSV"
 * on a Chinese Windows), UTF-16 ("Unicode text", tab-separated). Browser-safe: TextDecoder and
 * iconv-lite only.
 */
import * as iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Detect the encoding: BOMs first, then strict UTF-8, else GB18030 (a superset of GBK). */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not valid UTF-8: what Chinese Excel writes by default.
    return 'gb18030';
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
  const encoding = detectEncoding(bytes);
  let s: string;
  if (encoding === 'utf-8') s = new TextDecoder('utf-8').decode(bytes);
  else s = iconv.decode(bytes as Buffer, encoding);
  return { text: s.replace(/^\uFEFF/u, ''), encoding };
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
 * RFC 4180 parsing: quoted fields may hold separators, "" and line breaks. Runs of ordinary
 * characters are sliced, not appended one by one (linear on a 100 MB file), and the limits are
 * checked as the text is walked, before a too-long cell or the row past the limit is built.
 */
export function parseCsv(s: string, delimiter = detectDelimiter(s), limits: CsvLimits = UNLIMITED): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const n = s.length;
  const delim = delimiter.charCodeAt(0);
  const grow = (add: number): void => {
    if (field.length + add > limits.maxCellChars) throw new CsvLimitError('cellChars', rows.length + 1, row.length + 1);
  };
  const endRow = (): void => {
    row.push(field);
    if (rows.length >= limits.maxRows) throw new CsvLimitError('rows', rows.length + 1, 1);
    rows.push(row);
    row = [];
    field = '';
  };
  let i = 0;
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
      i += c === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
      endRow();
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
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

export function readCsvBytes(bytes: Uint8Array, limits: CsvLimits = UNLIMITED): { cells: string[][]; encoding: CsvEncoding; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  return { cells: parseCsv(text, delimiter, limits), encoding, delimiter };
}
