/**
 * The streaming .xlsx reader (xlsx-stream.ts) against ExcelJS (readXlsxBytes): on every .xlsx
 * fixture and sample, and on workbooks built here with every cell kind a producer writes, each
 * sheet's rows are the same cells (values, Dates, gaps, row lengths), and readHistory over both
 * gives the same read. The oracle is ExcelJS, a different parser: nothing is copied from the code
 * under test.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { readHistory } from '../../src/data/history';
import { LIMITS } from '../../src/data/formats';
import type { Cell } from '../../src/data/table';
import { readXlsxBytes, type SheetCells } from '../../src/data/formats';
import { readXlsxStream } from '../../src/data/formats';
import { openWorkbook } from '../../src/preview/workbook-io';
import { prepareDownload } from '../../src/preview/workbook-save';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { zip } from '../../bench/zip';

const ROOT = join(__dirname, '..', '..');
const DIRS = [join(ROOT, 'test/fixtures'), join(ROOT, 'test/fixtures/families'), join(ROOT, 'assets/sample')];
const FILES = DIRS.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.xlsx')).map((f) => join(d, f)));

/** The read, or its error message: both readers must agree on either. */
function historyOf(table: Parameters<typeof readHistory>[0], sheet: string): unknown {
  try {
    return readHistory(table, { sheet });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The stream's rows as ExcelJS would give them, where the two differ on purpose (docs/data.md):
 * a cell ExcelJS reads as empty while the stream reads 0 or FALSE (a formula cached as 0/FALSE,
 * which ExcelJS drops), and a Date where ExcelJS gives the serial (an East Asian built-in date
 * format ExcelJS does not know). Counted, so a test can say the difference was met.
 */
const MS_PER_DAY = 86_400_000;
function asExcelJs(rows: readonly (readonly Cell[])[], want: readonly (readonly Cell[])[], seen: { falsy: number; cjkDates: number }): Cell[][] {
  return rows.map((row, i) => {
    const out = row.map((c, j): Cell => {
      const w = want[i]?.[j];
      if ((w === null || w === undefined) && (c === 0 || c === false)) {
        seen.falsy++;
        return w ?? null;
      }
      if (typeof w === 'number' && c instanceof Date && Math.abs(c.getTime() / MS_PER_DAY + 25569 - w) < 1e-6) {
        seen.cjkDates++;
        return w;
      }
      return c;
    });
    // ExcelJS's row ends at its last value: a trailing 0/FALSE it dropped shortens it.
    while (out.length > (want[i]?.length ?? 0) && (out[out.length - 1] ?? null) === null) out.pop();
    return out;
  });
}

async function expectParity(bytes: Uint8Array, name: string, piece?: number): Promise<{ sheets: SheetCells[]; differences: { falsy: number; cjkDates: number } }> {
  const want = await readXlsxBytes(bytes, name);
  const got = readXlsxStream(bytes, name, piece ? { piece } : {});
  const differences = { falsy: 0, cjkDates: 0 };
  expect(got.map((s) => [s.name, s.state])).toEqual(want.map((s) => [s.name, s.state]));
  got.forEach((s, i) => {
    const w = want[i] as SheetCells;
    const rows = [...(s.rows?.from(0) ?? [])];
    expect(asExcelJs(rows, w.cells, differences)).toEqual(w.cells);
    expect(s.cells).toEqual(rows);
    // A pass from a later row is the tail of the grid.
    const k = Math.min(3, w.cells.length);
    expect([...(s.rows?.from(k) ?? [])]).toEqual(rows.slice(k));
    if (differences.falsy === 0) expect(historyOf(s.rows ?? [], s.name)).toEqual(historyOf(w.cells, w.name));
    else expect(historyOf(asExcelJs(rows, w.cells, { falsy: 0, cjkDates: 0 }), s.name)).toEqual(historyOf(w.cells, w.name));
  });
  return { sheets: got, differences };
}

describe('every .xlsx fixture and sample reads the same through the stream as through ExcelJS', () => {
  it('covers the fixtures', () => expect(FILES.length).toBeGreaterThanOrEqual(10));
  it.each(FILES.map((f) => [f.slice(ROOT.length + 1), f]))('%s', async (_label, file) => {
    await expectParity(new Uint8Array(readFileSync(file)), 'fixture.xlsx');
  });
});

it('a workbook whose parts are stored, not deflated (zip method 0)', async () => {
  const zip0 = await JSZip.loadAsync(readFileSync(join(ROOT, 'test/fixtures/families/compass-deal.xlsx')));
  const stored = await zip0.generateAsync({ type: 'uint8array', compression: 'STORE' });
  await expectParity(stored, 'stored.xlsx');
  await expectParity(stored, 'stored.xlsx', 7);
});

async function written(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rewrites parts of a workbook's zip (hand-written XML ExcelJS would not produce). */
async function withParts(bytes: Uint8Array, parts: Record<string, (xml: string) => string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(parts)) {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    zip.file(name, edit(xml));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A history table whose dates carry several number formats. */
function datedWorkbook(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet('历史数据');
  ws.addRow(['日期', '观看次数', '成交订单数', '成交金额', '千川消耗', '时间']);
  const formats = ['yyyy-mm-dd', 'mm-dd-yy', 'yyyy"年"m"月"d"日"', '[$-409]d-mmm-yy;@', 'm/d/yy h:mm', 'dd/mm/yyyy'];
  for (let d = 0; d < 12; d++) {
    const row = ws.addRow([new Date(Date.UTC(2024, 4, d + 1)), 1000 + d, 10 + d, 1234.5 + d, 100.25 * d, new Date(Date.UTC(1899, 11, 30, 20, 30 + d))]);
    row.getCell(1).numFmt = formats[d % formats.length] ?? 'yyyy-mm-dd';
    row.getCell(4).numFmt = '#,##0.00"元"';
    row.getCell(5).numFmt = '[Red]0.00';
    row.getCell(6).numFmt = 'hh:mm';
  }
  ws.getCell('B14').value = 45413;
  ws.getCell('B14').numFmt = '0.00';
  return wb;
}

describe('workbooks with every cell kind', () => {
  it('dates in several number formats, numbers in non-date formats', async () => {
    await expectParity(await written(datedWorkbook()), 'dates.xlsx');
  });

  it.each(['1', 'true'])('a 1904 workbook (date1904="%s")', async (attr) => {
    const wb = datedWorkbook();
    wb.properties.date1904 = true;
    const bytes = await withParts(await written(wb), { 'xl/workbook.xml': (x) => x.replace('date1904="1"', `date1904="${attr}"`) });
    const { sheets } = await expectParity(bytes, 'mac.xlsx');
    expect(sheets[0]?.cells[1]?.[0]).toEqual(new Date(Date.UTC(2024, 4, 1)));
  });

  it('shared strings with rich text, booleans, errors, formulas with and without cached values, merged titles', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('数据');
    ws.getCell('A1').value = { richText: [{ text: '罗盘 ', font: { bold: true } }, { text: '成交分析' }] };
    ws.mergeCells('A1:F1');
    ws.addRow(['导出时间 2024-06-01']);
    ws.mergeCells('A2:C2');
    ws.addRow(['日期', '载体类型', '投放时段', '成交金额', '成交订单数', '备注']);
    ws.addRow([new Date(Date.UTC(2024, 4, 1)), '全部', '不限', 1000, 10, true]);
    ws.addRow([new Date(Date.UTC(2024, 4, 2)), '直播间', '不限', { formula: 'D4*2', result: 2000 }, { formula: 'E4+1' }, false]);
    ws.addRow([new Date(Date.UTC(2024, 4, 3)), '全部', { formula: 'B4&"x"', result: '全部x' }, { error: '#N/A' }, { formula: '1/0', result: { error: '#DIV/0!' } }, 'a & b < c']);
    ws.addRow([new Date(Date.UTC(2024, 4, 4)), '全部', '不限', { formula: 'TRUE', result: true }, 5, { richText: [{ text: 'x' }, { text: '_x000D_y' }] }]);
    for (let r = 4; r <= 7; r++) ws.getCell(r, 1).numFmt = 'yyyy-mm-dd';
    ws.getCell('D5').numFmt = 'yyyy-mm-dd';
    ws.getCell('E5').numFmt = 'yyyy-mm-dd';
    ws.addRow([]);
    ws.addRow([]);
    ws.getCell('ZZ1000').value = 'stray';
    ws.getCell('C20').value = 3;
    const hidden = wb.addWorksheet('hidden copy', { state: 'hidden' });
    hidden.addRow(['日期', '成交金额']);
    hidden.addRow([new Date(Date.UTC(2024, 4, 1)), 1]);
    const very = wb.addWorksheet('veryHidden', { state: 'veryHidden' });
    very.getCell('B2').value = 'only this';
    wb.addWorksheet('empty');
    await expectParity(await written(wb), 'kinds.xlsx');
  });

  it('hand-written XML: inline strings, t="str", shared formulas, cells and rows without r, phonetic runs, <v/>', async () => {
    const wb = new Workbook();
    wb.addWorksheet('s').getCell('A1').value = 'x';
    const sheet = [
      '<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>成交</t></r><r><t xml:space="preserve">金额 </t></r></is></c>',
      '<c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c><c r="F1" t="s"><v>3</v></c></row>',
      '<row r="3"><c r="A3" t="str"><v>a &amp;amp; b</v></c><c r="B3"><f>1+1</f><v>2</v></c><c r="C3"><f t="shared" ref="C3:C4" si="0">B3*2</f><v>4</v></c>',
      '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#REF!</v></c><c r="F3"><v></v></c><c r="G3" s="0"/><c r="H3"><v>1.5E3</v></c></row>',
      '<row r="4"><c r="A4"><v>1</v></c><c><v>2</v></c><c r="D4"/><c><v>3</v></c><c r="E4"><f t="shared" si="0"/><v>8</v></c><c r="F4" t="str"><f>A4&amp;""</f><v></v></c></row>',
      '<row r="6" spans="1:3"></row><row r="7"><c r="B7" t="inlineStr"><is><t>_x0041_</t></is></c></row>',
      '<row r="8"><c r="A8"><v>-0.25</v></c><c r="B8"><f>A8*0</f><v>0</v></c><c r="C8" t="b"><f>FALSE</f><v>0</v></c></row>',
    ].join('');
    const sst = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">',
      '<si><t>成交订单数</t><rPh sb="0" eb="2"><t>せいやく</t></rPh></si>',
      '<si><r><t>千川</t></r><r><rPr><i/></rPr><t>消耗_x000A_</t></r></si>',
      '<si><t/></si>',
      '<si></si>',
      '</sst>',
    ].join('');
    const bytes = await withParts(await written(wb), {
      'xl/worksheets/sheet1.xml': (x) => x.replace(/<sheetData>.*<\/sheetData>|<sheetData\/>/su, `<sheetData>${sheet}</sheetData>`),
      'xl/sharedStrings.xml': () => sst,
    });
    const { sheets, differences } = await expectParity(bytes, 'hand.xlsx');
    const [s] = sheets;
    // Spot checks that the oracle itself read what the XML says.
    expect(s?.cells[0]).toEqual(['日期', '成交金额 ', '成交订单数', '千川消耗\n', '']);
    expect(s?.cells[2]?.slice(0, 5)).toEqual(['a & b', 2, 4, true, '#REF!']);
    // A formula cached as 0 or FALSE is 0 or FALSE (ExcelJS reads both as empty).
    expect(s?.cells[7]).toEqual([-0.25, 0, false]);
    expect(differences.falsy).toBe(2);
  });

  it('East Asian built-in date formats (Chinese Excel\'s 31 = yyyy"年"m"月"d"日", 28 = m"月"d"日") are dates', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('直播数据');
    ws.addRow(['日期', '成交订单数', '成交金额']);
    // 45413 is 2024-05-01 in the 1900 system (days since 1899-12-30, worked by hand).
    for (let d = 0; d < 3; d++) ws.addRow([45413 + d, 10 + d, 1000 * (d + 1)]);
    const base = await written(wb);
    const styles = (await (await JSZip.loadAsync(base)).file('xl/styles.xml')?.async('string')) ?? '';
    const n = Number(/<cellXfs count="(\d+)"/u.exec(styles)?.[1]);
    expect(n).toBeGreaterThan(0);
    // A new cell style n → built-in format 31, as Chinese Excel saves a 日期 column (no <numFmt> of its own).
    const styled = await withParts(base, {
      'xl/styles.xml': (x) => x.replace(/<cellXfs count="\d+">/u, `<cellXfs count="${n + 1}">`).replace('</cellXfs>', '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'),
      'xl/worksheets/sheet1.xml': (x) => x.replace(/<c r="(A[2-4])"( s="\d+")?/gu, `<c r="$1" s="${n}"`),
    });
    const { sheets, differences } = await expectParity(styled, 'zh.xlsx');
    expect(differences.cjkDates).toBe(3);
    expect(sheets[0]?.cells[1]?.[0]).toEqual(new Date(Date.UTC(2024, 4, 1)));
  });

  it('rows and first cells without r (ExcelJS refuses them) are placed by their order', async () => {
    const wb = new Workbook();
    wb.addWorksheet('s').getCell('A1').value = 'x';
    const sheet = '<row><c><v>1</v></c><c t="inlineStr"><is><t>b</t></is></c></row><row/><row><c r="C3"><v>3</v></c><c><v>4</v></c></row><row r="6"><c r="B6"><v>6</v></c></row><row><c><v>7</v></c></row>';
    const bytes = await withParts(await written(wb), { 'xl/worksheets/sheet1.xml': (x) => x.replace(/<sheetData>.*<\/sheetData>|<sheetData\/>/su, `<sheetData>${sheet}</sheetData>`) });
    await expect(readXlsxBytes(bytes, 'nor.xlsx')).rejects.toThrow();
    expect(readXlsxStream(bytes, 'nor.xlsx')[0]?.cells).toEqual([[1, 'b'], [], [null, null, 3, 4], [], [], [null, 6], [7]]);
  });
});

describe('where the readers differ or refuse', () => {
  it('a cell past 32,767 characters: the same error, naming the sheet and cell', async () => {
    const wb = new Workbook();
    wb.addWorksheet('长').getCell('C4').value = 'x'.repeat(LIMITS.cellChars + 1);
    const bytes = await written(wb);
    const want = await readXlsxBytes(bytes, 'long.xlsx').catch((e: Error) => e.message);
    expect(want).toMatch(/^long\.xlsx, sheet "长", cell C4: 32768 characters/u);
    expect(() => readXlsxStream(bytes, 'long.xlsx')[0]?.cells).toThrow(want as string);
  });

  it('a row numbered past Excel\'s last row is refused, naming the sheet (not a million empty rows)', async () => {
    const wb = new Workbook();
    wb.addWorksheet('s').getCell('A1').value = 1;
    const bytes = await withParts(await written(wb), {
      'xl/worksheets/sheet1.xml': (x) => x.replace(/<sheetData>.*<\/sheetData>/su, '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"><c r="A1048577"><v>2</v></c></row></sheetData>'),
    });
    expect(() => readXlsxStream(bytes, 'far.xlsx')[0]?.cells).toThrow('far.xlsx, sheet "s": row 1048577 is past Excel\'s last row (1,048,576).');
  });

  it('a value stored under a merged range (Excel never writes one): ExcelJS drops it, the stream reads it', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('m');
    ws.getCell('A1').value = 'title';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = 1;
    const bytes = await withParts(await written(wb), { 'xl/worksheets/sheet1.xml': (x) => x.replace(/<c r="B1"([^>]*)\/>/u, '<c r="B1"$1><v>7</v></c>') });
    expect((await readXlsxBytes(bytes, 'm.xlsx'))[0]?.cells).toEqual([['title'], [1]]);
    // The merge is declared after the rows (mergeCells follows sheetData): a stream cannot know it in time.
    expect(readXlsxStream(bytes, 'm.xlsx')[0]?.cells).toEqual([['title', 7], [1]]);
  });
});

describe('a workbook too large for ExcelJS', () => {
  it('is read, and the preview download keeps its values and says it did not re-read the original', async () => {
    const small = await JSZip.loadAsync(await written(datedWorkbook()));
    const parts = await Promise.all(
      Object.values(small.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ name: f.name, data: await f.async('uint8array') })),
    );
    // A part declaring 70 MB (ratio 175×, under the 200× limit): past ExcelJS's 64 MB, far under the 1 GB streamed.
    const bytes = zip([...parts, { name: 'xl/media/big.bin', data: new Uint8Array(randomBytes(400 * 1024)), declaredInflated: 70 * 1024 * 1024 }]);
    await expect(readXlsxBytes(bytes, 'big.xlsx')).rejects.toThrow(/inflate to 70 MB \(limit 64 MB\)/u);
    const init = await openWorkbook(bytes, 'big.xlsx');
    expect(init.sheets[0]?.cells).toEqual((await readXlsxBytes(await written(datedWorkbook())))[0]?.cells);
    const { losses } = await prepareDownload(new MemoryGateway(init), { bytes, fileName: 'big.xlsx', init });
    expect(losses.map((l) => l['en-US'])).toEqual([expect.stringMatching(/^the original file's formulas and formatting \(it inflates to 70 MB, more than the 64 MB the preview re-reads/u)]);
  });
});

describe('a file read piece by piece (ByteSource)', () => {
  it('reads the same rows and never asks for more than a piece or the zip directory at once', async () => {
    const wb = datedWorkbook();
    const ws = wb.getWorksheet('历史数据');
    for (let i = 0; i < 6000; i++) ws?.addRow([`r${(i * 7919) % 10007}`, (i * 104729) % 1000003, i / 7]);
    const bytes = await written(wb);
    expect(bytes.length).toBeGreaterThan(2 * (22 + 0xffff));
    let largest = 0;
    const src = {
      size: bytes.length,
      read(pos: number, len: number): Uint8Array {
        largest = Math.max(largest, len);
        return bytes.slice(pos, pos + len);
      },
    };
    const want = (await readXlsxBytes(bytes, 'f.xlsx')).map((s) => s.cells);
    const got = readXlsxStream(src, 'f.xlsx', { piece: 512 }).map((s) => s.cells);
    expect(got).toEqual(want);
    expect(largest).toBeLessThanOrEqual(Math.max(512, 22 + 0xffff));
  });
});

describe('chunking', () => {
  it('any compressed piece size (1–64 bytes) gives the same rows', async () => {
    const wb = datedWorkbook();
    wb.getWorksheet('历史数据')?.addRow(['合计', { richText: [{ text: '多' }, { text: '段' }] }, '全部 不限 非投放时段']);
    const bytes = await written(wb);
    const want = (await readXlsxBytes(bytes, 'c.xlsx')).map((s) => s.cells);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), (piece) => {
        const got = readXlsxStream(bytes, 'c.xlsx', { piece }).map((s): (readonly Cell[])[] => [...(s.rows?.from(0) ?? [])]);
        expect(got).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });
});
