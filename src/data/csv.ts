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

/** RFC 4180 parsing: quoted fields may hold separators, "" and line breaks. */
export function parseCsv(s: string, delimiter = detectDelimiter(s)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readCsvBytes(bytes: Uint8Array): { cells: string[][]; encoding: CsvEncoding; delimiter: string } {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  return { cells: parseCsv(text, delimiter), encoding, delimiter };
}
