/**
 * The format edge on its own, below any AdPlan vocabulary: the zip directory, the workbook's
 * parts, the XML tokenizer's strict cases, and the CSV parser against an independent parser.
 */
import { parse as csvParse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { memoryBytes, parseCsv, workbookParts, XmlError, XmlScanner, zipEntries } from '../../src/data/formats';

async function zipOf(files: Record<string, string>, compression: 'STORE' | 'DEFLATE'): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, body] of Object.entries(files)) z.file(name, body, { compression, createFolders: false });
  return z.generateAsync({ type: 'uint8array' });
}

describe('zip directory', () => {
  it.each(['STORE', 'DEFLATE'] as const)('lists every entry with its sizes and method (%s)', async (compression) => {
    const body = 'x'.repeat(5000);
    const bytes = await zipOf({ 'a.txt': 'hello', 'dir/中文.xml': body }, compression);
    const entries = zipEntries(bytes, 'test.zip');
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir/中文.xml']);
    expect(entries.map((e) => e.inflated)).toEqual([5, 5000]);
    expect(entries.every((e) => e.method === (compression === 'STORE' ? 0 : 8))).toBe(true);
    if (compression === 'DEFLATE') expect(entries[1]!.compressed).toBeLessThan(5000);
    // Offsets point at local headers ("PK\x03\x04").
    for (const e of entries) expect(Array.from(bytes.subarray(e.offset, e.offset + 4))).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('reads the same through a ByteSource as from the bytes', async () => {
    const bytes = await zipOf({ 'a.txt': 'hello', 'b.txt': 'world' }, 'DEFLATE');
    expect(zipEntries(memoryBytes(bytes), 'test.zip')).toEqual(zipEntries(bytes, 'test.zip'));
  });

  it('names a file with no zip directory, and one cut in its directory, as damaged', async () => {
    expect(() => zipEntries(new TextEncoder().encode('not a zip at all'), 'plain.xlsx')).toThrow(/plain\.xlsx/u);
    const bytes = await zipOf({ 'a.txt': 'hello', 'b.txt': 'world' }, 'STORE');
    // Overwrite the first central-directory signature: the directory no longer reads.
    const cut = bytes.slice();
    const dir = zipEntries(bytes, 'x').length > 0 ? findSignature(cut, [0x50, 0x4b, 1, 2]) : -1;
    cut[dir] = 0;
    expect(() => zipEntries(cut, 'cut.xlsx')).toThrow(/cut\.xlsx/u);
  });
});

function findSignature(b: Uint8Array, sig: number[]): number {
  for (let i = 0; i + sig.length <= b.length; i++) if (sig.every((v, k) => b[i + k] === v)) return i;
  return -1;
}

describe('workbook parts', () => {
  it('lists worksheets in workbook order with their state, and the date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('历史');
    wb.addWorksheet('Hidden', { state: 'hidden' });
    wb.addWorksheet('假设');
    wb.properties.date1904 = true;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const parts = workbookParts(memoryBytes(bytes), zipEntries(bytes, 'w.xlsx'), 'w.xlsx');
    expect(parts.sheets.map((s) => [s.name, s.state])).toEqual([
      ['历史', 'visible'],
      ['Hidden', 'hidden'],
      ['假设', 'visible'],
    ]);
    expect(parts.date1904).not.toBe('no');
    expect(parts.sheets.every((s) => s.entry.name.startsWith('xl/worksheets/'))).toBe(true);
  });
});

describe('XML tokenizer: strict where XML is', () => {
  const scan = (xml: string): { opens: [string, Record<string, string>][]; texts: string[] } => {
    const opens: [string, Record<string, string>][] = [];
    const texts: string[] = [];
    const s = new XmlScanner({ open: (n, a) => opens.push([n, { ...a }]), text: (t) => texts.push(t), close: () => undefined });
    s.write(xml);
    s.close();
    return { opens, texts };
  };

  it('rejects a repeated attribute (a second value would win silently)', () => {
    expect(() => scan('<c r="A1" r="B2"><v>1</v></c>')).toThrow(XmlError);
  });
  it('rejects a NUL character reference', () => {
    expect(() => scan('<t>a&#0;b</t>')).toThrow(XmlError);
    expect(() => scan('<t>a&#x0;b</t>')).toThrow(XmlError);
  });
  it('decodes the references it accepts', () => {
    expect(scan('<t a="&lt;&#x4E2D;&#25991;">&amp;&#65;</t>')).toEqual({ opens: [['t', { a: '<中文' }]], texts: ['&A'] });
  });
  it('keeps an attribute named like an Object method as a plain value', () => {
    expect(scan('<t constructor="1" __proto__="2"/>').opens[0]![1]).toEqual({ constructor: '1', ['__proto__']: '2' });
  });
});

/** RFC 4180 as Excel writes it: quote a field holding the delimiter, a quote or a line end. */
const toCsv = (rows: string[][]): string =>
  rows.map((r) => r.map((f) => (/[",\r\n]/u.test(f) ? `"${f.replace(/"/gu, '""')}"` : f)).join(',')).join('\r\n');

describe('CSV parser against csv-parse', () => {
  const field = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('', '1,234', '"quoted"', 'a\nb', 'a\r\nb', '成交金额', '¥1.2万', ' padded '),
  );
  // At least two fields a row: a row of one empty field is a blank line, which both skip.
  const rows = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 });

  it('reads what was written, field for field, as csv-parse does', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const text = toCsv(rs);
        const ours = parseCsv(text, ',');
        const theirs = csvParse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
        expect(ours).toEqual(theirs);
        expect(ours).toEqual(rs);
      }),
      { numRuns: 300 },
    );
  });
});
