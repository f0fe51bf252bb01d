/**
 * CSV / TSV text as Chinese Excel saves it: UTF-8 with or without BOM, GB18030/GBK ("CSV"
 * on a Chinese Windows), UTF-16 ("Unicode text", tab-separated). Browser-safe: TextDecoder and
 * iconv-lite only.
 */
import * as iconv from 'iconv-lite';
import { memoryBytes, type ByteSource } from '../bytes';
import { detach } from '../detach';
import type { RowSource } from '../rows';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Bytes read and decoded per step: a pass holds about this much text, whatever the file's size. */
export const CSV_CHUNK_BYTES = 1024 * 1024;

/**
 * The encoding the first bytes decide alone: a BOM, or UTF-16 saved without one. Null means
 * "UTF-8 if every byte of the file is valid UTF-8, else GB18030", which only a whole pass can tell.
 */
function headEncoding(head: Uint8Array): CsvEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return bomlessUtf16(head);
}

/**
 * UTF-16 saved without a BOM (some RPA tools): UTF-8 and GBK text never holds a NUL byte, UTF-16
 * holds one in every ASCII character (tabs, digits) — on odd offsets for LE, even for BE.
 */
function bomlessUtf16(bytes: Uint8Array): CsvEncoding | null {
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, UTF16_SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  // On the evidence of the whole head: UTF-16 puts a NUL in every ASCII character (digits, tabs,
  // line ends), a tenth of the bytes at least, nearly all on one side. One stray NUL is not UTF-16.
  const nuls = even + odd;
  if (nuls < Math.max(2, n / 10) || Math.max(even, odd) < 0.9 * nuls) return null;
  return odd >= even ? 'utf-16le' : 'utf-16be';
}

/** Bytes of the head weighed for UTF-8 against GB18030. */
const EVIDENCE_BYTES = 64 * 1024;

/**
 * Multi-byte UTF-8 sequences that are valid, and bytes that are not, in the head. GBK text read as
 * UTF-8 is nearly all invalid (a lead byte is seldom followed by 0x80–0xBF bytes); UTF-8 text
 * with a stray byte is nearly all valid.
 */
function utf8Evidence(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = Math.min(b.length, EVIDENCE_BYTES);
  let i = 0;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + len > n) break; // cut by the end of the head: no evidence either way
    let k = 1;
    while (k < len && ((b[i + k] as number) & 0xc0) === 0x80) k++;
    if (k === len) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

const UTF16_SNIFF_BYTES = 4096;

/** A strict UTF-8 pass met an invalid byte: the file is GB18030 (what Chinese Excel writes by default). */
class NotUtf8 extends Error {}

/** One pass over a file's text, decoded a chunk at a time. */
interface TextPass {
  /** The text decoded from up to `bytes` more bytes ('' while a character is still incomplete). */
  next(bytes: number): string;
  /** True once the last byte is decoded and the decoder flushed. */
  readonly done: boolean;
}

/** Where a CSV's text comes from: every pass opens it anew (nothing decoded is kept between passes). */
interface TextInput {
  open(): TextPass;
  /** The first pass decodes strict UTF-8: it may throw NotUtf8 at any byte, after rows were read. */
  readonly strict: boolean;
}

/** Text already decoded (parseCsv, tests): one piece. */
function wholeText(text: string): TextInput {
  return {
    strict: false,
    open() {
      let done = false;
      return {
        get done() {
          return done;
        },
        next() {
          if (done) return '';
          done = true;
          return text;
        },
      };
    },
  };
}

/**
 * A pass decoding `src` as `encoding`. A character split between two chunks decodes whole: the
 * UTF-8 and UTF-16 decoders keep the partial character (TextDecoder `stream`, iconv's decoder),
 * GB18030 is cut between characters (gbCut). The decoder drops a BOM where it
 * does (UTF-8, UTF-16); one more leading U+FEFF is dropped here, as the whole-text decoding did.
 */
function decodePass(src: ByteSource, encoding: CsvEncoding, strict: boolean): TextPass {
  let decode: (chunk: Uint8Array | null) => string;
  if (encoding === 'utf-8') {
    const d = new TextDecoder('utf-8', { fatal: strict });
    decode = (chunk) => {
      try {
        return chunk ? d.decode(chunk, { stream: true }) : d.decode();
      } catch (e) {
        // A fatal decoder throws only for invalid data (a TypeError, perhaps from another realm).
        if (strict) throw new NotUtf8();
        throw e;
      }
    };
  } else if (encoding === 'gb18030') {
    // Cut between whole characters and decode each piece alone: iconv-lite's decoder loses bytes
    // when a four-byte GB18030 character (an emoji in a title) is split between two writes.
    let carry: Uint8Array = new Uint8Array(0);
    decode = (chunk) => {
      const b = chunk ? concat(carry, chunk) : carry;
      const cut = chunk ? gbCut(b) : b.length;
      carry = b.subarray(cut);
      return iconv.decode(b.subarray(0, cut) as Buffer, encoding);
    };
  } else {
    const d = iconv.getDecoder(encoding);
    decode = (chunk) => (chunk ? d.write(chunk as Buffer) : (d.end() ?? ''));
  }
  let at = 0;
  let done = false;
  let started = false;
  return {
    get done() {
      return done;
    },
    next(bytes) {
      if (done) return '';
      const chunk = src.read(at, Math.min(bytes, src.size - at));
      at += chunk.length;
      let s = decode(chunk);
      // An empty read before the end would loop forever: the end (a file source throws first).
      if (at >= src.size || chunk.length === 0) {
        s += decode(null);
        done = true;
      }
      if (!started && s.length > 0) {
        started = true;
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      }
      return s;
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Where GB18030 bytes (starting at a character) can be cut between two whole characters: after
 * the last byte below 0x30 (a separator, a quote, a line break: never part of a multi-byte
 * character), else — a long run of Chinese — after the last whole character found walking from
 * the start (lead 0x81–0xFE, then a digit for a four-byte character, else two bytes).
 */
function gbCut(b: Uint8Array): number {
  for (let i = b.length - 1; i >= 0; i--) if ((b[i] as number) < 0x30) return i + 1;
  let end = 0;
  while (end < b.length) {
    const lead = b[end] as number;
    const next = b[end + 1] ?? 0;
    const width = lead < 0x81 || lead === 0xff ? 1 : next >= 0x30 && next <= 0x39 ? 4 : 2;
    if (end + width > b.length) break;
    end += width;
  }
  return end;
}

function bytesInput(src: ByteSource, encoding: CsvEncoding, strict: boolean): TextInput {
  let first = strict;
  return {
    strict,
    open() {
      // Later passes read what the first pass validated: no need to be strict again.
      const pass = decodePass(src, encoding, first);
      first = false;
      return pass;
    },
  };
}

/**
 * Runs `read` with the file's encoding: the one its first bytes decide, else strict UTF-8, and
 * GB18030 when a UTF-8 pass meets an invalid byte anywhere (the same rule for a whole text and a
 * stream).
 */
function withEncoding<T>(src: ByteSource, read: (encoding: CsvEncoding, strict: boolean) => T): { result: T; encoding: CsvEncoding } {
  const head = src.read(0, Math.min(src.size, EVIDENCE_BYTES));
  const fixed = headEncoding(head);
  if (fixed) return { result: read(fixed, false), encoding: fixed };
  // Decided by the head's evidence when it has any: UTF-8 when its multi-byte text is (nearly) all
  // valid — a stray byte becomes U+FFFD in its cell instead of turning the file into GB18030
  // mojibake — GB18030 when most of it is not. A head of plain ASCII decides nothing: then the
  // whole file must be valid UTF-8 to be read as such.
  const { valid, invalid } = utf8Evidence(head);
  if (valid > 0 && invalid * 8 <= valid) return { result: read('utf-8', false), encoding: 'utf-8' };
  if (invalid > 0) return { result: read('gb18030', false), encoding: 'gb18030' };
  try {
    return { result: read('utf-8', true), encoding: 'utf-8' };
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    return { result: read('gb18030', false), encoding: 'gb18030' };
  }
}

/** The whole text of CSV bytes and its encoding (tests, small files; the reader streams instead). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const src = memoryBytes(bytes);
  const { result, encoding } = withEncoding(src, (enc, strict) => decodePass(src, enc, strict).next(bytes.length));
  return { text: result, encoding };
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
    readonly limit: 'rows' | 'cellChars' | 'fields' | 'lineChars',
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
  /** Fields of one line and characters of one line (Infinity when absent). */
  maxFields?: number;
  maxLineChars?: number;
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
  const maxFields = limits.maxFields ?? Infinity;
  const maxLine = limits.maxLineChars ?? Infinity;
  let i = start;
  // Checked as the text is walked, before the field or the line is built.
  const grow = (add: number): void => {
    if (field.length + add > limits.maxCellChars) throw new CsvLimitError('cellChars', rowNo, row.length + 1);
    if (i + add - start > maxLine) throw new CsvLimitError('lineChars', rowNo, row.length + 1);
  };
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
      if (row.length + 1 >= maxFields) throw new CsvLimitError('fields', rowNo, row.length + 2);
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
 * The row with its own copy of every long field (detach.ts): a field kept by a caller (a date, an
 * issue's excerpt) would otherwise pin the whole decoded chunk, a megabyte or two, so memory would
 * grow with the file again.
 */
function ownFields(row: string[]): string[] {
  for (let k = 0; k < row.length; k++) row[k] = detach(row[k] as string);
  return row;
}

/** Characters the separator is guessed from (detectDelimiter looks at no more). */
const DELIMITER_SAMPLE = 8192;

/**
 * The rows of one pass, parsed from text decoded a chunk at a time. A row that reaches the end of
 * the text decoded so far (a quoted field with line breaks, a CR whose LF is in the next chunk) is
 * parsed again once more text has come; the read grows with such a row so that a row spanning
 * many chunks costs linear time. The row limit is checked before a row is handed out.
 */
function* walk(pass: TextPass, initial: string, delim: number, limits: CsvLimits, chunk: number): Generator<string[]> {
  let s = initial;
  let pos = 0;
  let index = 0;
  for (;;) {
    const r = pos < s.length || pass.done ? parseRowAt(s, pos, delim, index + 1, limits) : null;
    if (r && (r.next < s.length || pass.done)) {
      if (index >= limits.maxRows) throw new CsvLimitError('rows', index + 1, 1);
      index++;
      pos = r.next;
      yield ownFields(r.row);
      continue;
    }
    if (pass.done) return;
    const pending = s.length - pos;
    // Four bytes a pending character at most: the text at least doubles while the row is open.
    s = s.slice(pos) + pass.next(Math.max(chunk, 4 * pending));
    pos = 0;
  }
}

/**
 * A CSV's rows (rows.ts RowSource), read from its text one pass at a time and never kept: the
 * first pass (here, at construction) finds the separator, checks the limits (rows, cell length)
 * and counts the rows; every later pass (`from`) decodes and parses the text again from its start.
 * Memory is one chunk of text and the row being read, whatever the file's size.
 */
export class CsvRows implements RowSource {
  readonly count: number;
  readonly delimiter: string;
  private readonly input: TextInput;
  private readonly delim: number;

  constructor(
    input: string | TextInput,
    delimiter?: string,
    private readonly limits: CsvLimits = UNLIMITED,
    private readonly chunk: number = CSV_CHUNK_BYTES,
  ) {
    this.input = typeof input === 'string' ? wholeText(input) : input;
    const pass = this.input.open();
    let start = '';
    if (delimiter === undefined) {
      while (start.length < DELIMITER_SAMPLE && !pass.done) start += pass.next(chunk);
    }
    this.delimiter = delimiter ?? detectDelimiter(start);
    this.delim = this.delimiter.charCodeAt(0);
    let count = 0;
    try {
      for (const _row of walk(pass, start, this.delim, limits, chunk)) count++;
    } catch (e) {
      // A limit met before an invalid UTF-8 byte: the file is GB18030 and is read again as such.
      if (e instanceof CsvLimitError && this.input.strict) while (!pass.done) pass.next(chunk);
      throw e;
    }
    this.count = count;
  }

  /** Rows from `start` on, in order: a new pass over the text, each row parsed when reached. */
  *from(start: number): Generator<string[]> {
    let i = 0;
    for (const row of walk(this.input.open(), '', this.delim, this.limits, this.chunk)) {
      if (i++ >= start) yield row;
    }
  }

  /** All rows as a grid (ranges for the preview, assumptions files, tests). */
  grid(): string[][] {
    return [...this.from(0)];
  }
}

/** CSV text → a grid of cells (the whole table in memory; the reader streams CsvRows instead). */
export function parseCsv(s: string, delimiter = detectDelimiter(s), limits: CsvLimits = UNLIMITED): string[][] {
  return new CsvRows(s, delimiter, limits).grid();
}

export interface CsvRead {
  rows: CsvRows;
  encoding: CsvEncoding;
  delimiter: string;
}

/**
 * A CSV file's rows, streamed from its bytes (a file on disk or bytes in memory), with the
 * encoding and separator found. Limits are checked here, in the first pass.
 */
export function readCsvSource(src: ByteSource, limits: CsvLimits = UNLIMITED, chunk: number = CSV_CHUNK_BYTES): CsvRead {
  const { result: rows, encoding } = withEncoding(src, (enc, strict) => new CsvRows(bytesInput(src, enc, strict), undefined, limits, chunk));
  return { rows, encoding, delimiter: rows.delimiter };
}

/** CSV bytes in memory → rows parsed on demand. */
export function readCsvRows(bytes: Uint8Array, limits: CsvLimits = UNLIMITED): CsvRead {
  return readCsvSource(memoryBytes(bytes), limits);
}

export function readCsvBytes(bytes: Uint8Array, limits: CsvLimits = UNLIMITED): { cells: string[][]; encoding: CsvEncoding; delimiter: string } {
  const { rows, encoding, delimiter } = readCsvRows(bytes, limits);
  return { cells: rows.grid(), encoding, delimiter };
}
