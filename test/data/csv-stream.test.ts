/**
 * A CSV read from its bytes a chunk at a time (csv.ts readCsvSource) gives exactly the rows the
 * whole decoded text gives — whatever the encoding and wherever the chunks cut a character, a
 * quoted line break or a CRLF — and meets the limits at the same row and column.
 */
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryBytes, type ByteSource } from '../../src/data/formats';
import { CsvLimitError, decodeText, detectDelimiter, parseCsv, readCsvSource, type CsvEncoding, type CsvLimits } from '../../src/data/formats';
import { loadMerchantFiles, openRegularFile } from '../../src/data/node';
import { AdplanError } from '../../src/model/core';

const UNLIMITED: CsvLimits = { maxRows: Infinity, maxCellChars: Infinity };

/** Characters a cell is made of: separators, quotes and line breaks among Chinese and ASCII text. */
const CHARS = ['a', 'Z', '7', '.', ' ', ',', ';', '\t', '"', '\n', '\r', '日', '期', '成', '交', '金', '额', '合', '计', '😀', '€', 'é'];

const cell = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
const row = fc.array(cell, { minLength: 1, maxLength: 5 });
const eol = fc.constantFrom('\r\n', '\n', '\r');

/** A CSV text as Excel writes it: fields holding the separator, a quote or a line break are quoted. */
function csvText(rows: readonly (readonly string[])[], ends: readonly string[], delim: string, lastEnd: boolean): string {
  const field = (c: string): string => (c.includes(delim) || /["\r\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c);
  return rows.map((r, i) => r.map(field).join(delim) + (i < rows.length - 1 || lastEnd ? (ends[i % ends.length] ?? '\n') : '')).join('');
}

const BOMS: Record<string, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] };

function encode(text: string, encoding: CsvEncoding, bom: boolean): Uint8Array {
  const body = encoding === 'utf-8' ? new TextEncoder().encode(text) : new Uint8Array(iconv.encode(text, encoding));
  return new Uint8Array([...(bom ? (BOMS[encoding] ?? []) : []), ...body]);
}

/** A source that counts its reads (the read size must grow with a long row). */
function counted(bytes: Uint8Array): ByteSource & { reads: number } {
  const inner = memoryBytes(bytes);
  const src = {
    reads: 0,
    size: inner.size,
    read(pos: number, len: number) {
      src.reads++;
      // A fresh copy: the stream must not rely on the bytes staying put.
      return new Uint8Array(inner.read(pos, len));
    },
  };
  return src;
}

/** The rows, or the limit met: the streamed and the whole-text reads must agree on either. */
function outcome(read: () => readonly (readonly string[])[]): unknown {
  try {
    return read();
  } catch (e) {
    if (e instanceof CsvLimitError) return { limit: e.limit, row: e.row, column: e.column };
    throw e;
  }
}

describe('a CSV streamed in chunks reads like its whole text', () => {
  const encodings: { encoding: CsvEncoding; bom: boolean }[] = [
    { encoding: 'utf-8', bom: false },
    { encoding: 'utf-8', bom: true },
    { encoding: 'gb18030', bom: false },
    { encoding: 'utf-16le', bom: true },
    { encoding: 'utf-16be', bom: true },
  ];

  it.each(encodings.map((e) => [`${e.encoding}${e.bom ? ' with BOM' : ''}`, e]))('%s, chunks of 1–7 bytes and more', (_name, { encoding, bom }) => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 0, maxLength: 12 }),
        fc.array(eol, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(',', '\t', ';'),
        fc.boolean(),
        fc.oneof(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 8, max: 400 })),
        (rows, ends, delim, lastEnd, chunk) => {
          // GB18030 is told from UTF-8 by its invalid bytes: 日期 (C8 D5 C6 DA) is never valid UTF-8.
          const all = encoding === 'gb18030' ? [...rows, ['日期']] : rows;
          const text = csvText(all, ends, delim, lastEnd);
          const bytes = encode(text, encoding, bom);
          const whole = decodeText(bytes);
          // The generator's own check: the bytes decode back to the text, in the expected encoding.
          expect(whole).toEqual({ text, encoding: text === '' && !bom ? 'utf-8' : encoding });
          const expected = parseCsv(text);
          const src = counted(bytes);
          const csv = readCsvSource(src, UNLIMITED, chunk);
          expect(csv.encoding).toBe(whole.encoding);
          expect(csv.delimiter).toBe(detectDelimiter(text));
          expect(csv.rows.count).toBe(expected.length);
          expect(csv.rows.grid()).toEqual(expected);
          // Each row from a pass started at it (the pass stops after one row).
          const rowAt = (i: number): string[] | undefined => {
            for (const r of csv.rows.from(i)) return r;
            return undefined;
          };
          expect(expected.map((_r, i) => rowAt(i))).toEqual(expected);
          const start = Math.floor(expected.length / 2);
          expect([...csv.rows.from(start)]).toEqual(expected.slice(start));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('BOM-less UTF-16 (found by its NUL bytes) streams the same', () => {
    const text = '日期\t成交金额\r\n2024-05-01\t"1,234"\r\n2024-05-02\t"a\r\nb"\r\n';
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      for (const chunk of [1, 3, 5, 64]) {
        const csv = readCsvSource(memoryBytes(encode(text, encoding, false)), UNLIMITED, chunk);
        expect(csv.encoding).toBe(encoding);
        expect(csv.rows.grid()).toEqual([['日期', '成交金额'], ['2024-05-01', '1,234'], ['2024-05-02', 'a\r\nb']]);
      }
    }
  });

  it('an invalid UTF-8 byte only after many chunks switches the whole file to GB18030', () => {
    const ascii = Array.from({ length: 2000 }, (_, i) => `2024-01-01,${i}`).join('\n');
    const bytes = new Uint8Array([...Buffer.from(`${ascii}\n`), ...iconv.encode('合计,直播间成交金额\n', 'gbk')]);
    const csv = readCsvSource(counted(bytes), UNLIMITED, 1000);
    expect(csv.encoding).toBe('gb18030');
    expect(csv.rows.count).toBe(2001);
    expect([...csv.rows.from(1999)]).toEqual([['2024-01-01', '1999'], ['合计', '直播间成交金额']]);
  });

  it('a BOM is dropped once, and a second U+FEFF as the whole-text decoding did', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...Buffer.from('a,b\n')]);
    const expected = parseCsv(decodeText(bytes).text);
    expect(expected).toEqual([['\uFEFFa', 'b']]);
    for (const chunk of [1, 2, 4, 7]) expect(readCsvSource(memoryBytes(bytes), UNLIMITED, chunk).rows.grid()).toEqual(expected);
  });

  it('a row spanning many chunks is read with a growing read size, not one read per chunk', () => {
    const long = Array.from({ length: 4000 }, (_, i) => `第${i}行\r\n`).join('');
    const text = `日期,备注\r\n2024-05-01,"${long}"\r\n2024-05-02,x\r\n`;
    const src = counted(new TextEncoder().encode(text));
    const csv = readCsvSource(src, UNLIMITED, 1);
    src.reads = 0;
    expect(csv.rows.grid()).toEqual([['日期', '备注'], ['2024-05-01', long], ['2024-05-02', 'x']]);
    // One pass over ~44 KB: a fixed 1-byte read would take 44,000 reads.
    expect(src.reads).toBeLessThan(200);
  });
});

describe('the limits, streamed', () => {
  it('are met at the same row and column as in the whole text, whatever the chunks', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.array(eol, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom<CsvEncoding>('utf-8', 'gb18030', 'utf-16le'),
        (rows, ends, maxRows, maxCellChars, chunk, encoding) => {
          const text = csvText(encoding === 'gb18030' ? [['日期'], ...rows] : rows, ends, ',', true);
          const limits = { maxRows, maxCellChars };
          const bytes = encode(text, encoding, encoding === 'utf-16le');
          const whole = decodeText(bytes).text;
          const expected = outcome(() => parseCsv(whole, detectDelimiter(whole), limits));
          expect(outcome(() => readCsvSource(memoryBytes(bytes), limits, chunk).rows.grid())).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a limit met before an invalid UTF-8 byte is still the GB18030 file’s limit', () => {
    // Row 1 is 4 characters read as UTF-8 and 6 read as GB18030 (what the file is, by its last
    // bytes); row 2 is 6 either way. Limit 5: the UTF-8 pass meets it at row 2, the file at row 1.
    const bytes = new Uint8Array([...Buffer.from('中文测试\nxxxxxx\n'), ...iconv.encode('日期\n', 'gbk')]);
    const limits = { maxRows: 10, maxCellChars: 5 };
    expect(decodeText(bytes).encoding).toBe('gb18030');
    expect(outcome(() => parseCsv(decodeText(bytes).text, ',', limits))).toEqual({ limit: 'cellChars', row: 1, column: 1 });
    expect(outcome(() => readCsvSource(memoryBytes(bytes), limits, 2).rows.grid())).toEqual({ limit: 'cellChars', row: 1, column: 1 });
  });
});

describe('a CSV file read from disk', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-stream-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const csvFile = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('is refused with a message naming it when it grows between two passes', async () => {
    const path = csvFile('export.csv', '日期,成交金额\n2024-05-01,100\n');
    const f = await openRegularFile(path, 'export.csv');
    try {
      const csv = readCsvSource(f, UNLIMITED, 4);
      expect(csv.rows.count).toBe(2);
      appendFileSync(path, '2024-05-02,200\n');
      expect(() => csv.rows.grid()).toThrow('export.csv changed while it was being read (its size went from 35 to 50 bytes): read it again once it is completely saved or copied.');
      const err = (() => {
        try {
          return csv.rows.grid();
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(AdplanError);
      expect((err as AdplanError).text['zh-CN']).toBe('export.csv 在读取过程中发生了变化（大小从 35 字节变为 50 字节）：请在文件完整保存或复制后重新读取。');
    } finally {
      await f.close();
    }
  });

  it('is refused when it is rewritten in place (same size, new modification time)', async () => {
    const path = csvFile('same.csv', 'a,b\n1,2\n');
    const f = await openRegularFile(path, 'same.csv');
    try {
      const csv = readCsvSource(f);
      writeFileSync(path, 'a,b\n3,4\n');
      utimesSync(path, new Date(), new Date(Date.now() + 60_000));
      expect(() => [...csv.rows.from(0)]).toThrow('same.csv changed while it was being read (it was rewritten)');
    } finally {
      await f.close();
    }
  });

  it('reading after the loader closed the file is a bug, said as such', async () => {
    const f = await openRegularFile(csvFile('x.csv', 'a\n'), 'x.csv');
    await f.close();
    expect(() => f.read(0, 1)).toThrow('x.csv was read after it was closed');
  });

  it.each([
    ['a read', '日期,成交订单数,成交金额\n2024-05-01,3,300\n2024-05-02,4,400\n'],
    ['a refused file', '日期,备注\n2024-05-01,x\n'],
  ])('the loader closes every file it opened after %s', async (_name, second) => {
    // Counted where the system shows a process's open files (Linux).
    if (!existsSync('/proc/self/fd')) return;
    const a = csvFile('a.csv', '日期,成交订单数,成交金额\n2024-05-01,1,100\n');
    const b = csvFile('b.csv', second);
    const before = readdirSync('/proc/self/fd').length;
    await loadMerchantFiles([a, b]).catch((e: unknown) => e);
    expect(readdirSync('/proc/self/fd').length).toBe(before);
  });
});
