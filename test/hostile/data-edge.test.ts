/**
 * Hostile inputs at the file edge (issue 16): every case generated here, small where the bug is
 * in the file's shape. Heavy cases (200 MB CSV, real zip bombs) are in bench/hostile.ts.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { readAssumptions, suggestKey } from '../../src/data/assumptions';
import { excerpt, terminalSafe } from '../../src/data/table';
import { loadWorkbookFile, readRegularFile } from '../../src/data/node';
import { LIMITS } from '../../src/data/formats';
import { openSheets } from '../../src/data/formats';
import { readWorkbookBuffer } from '../../src/data/merchant';
import { sampleWorkbookBytes } from '../../src/sample/workbook';
import { openWorkbook } from '../../src/preview/workbook-io';
import { planFile } from '../../src/portfolio/plan-file';
import { zip } from '../../bench/zip';

async function sampleWith(edit: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = new Workbook();
  await wb.xlsx.load((await sampleWorkbookBytes(1, { days: 60 })) as never);
  edit(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const HISTORY_CSV = '日期,观看次数,成交订单数,成交金额\n2024-05-01,100,1,10\n2024-05-02,120,2,20\n';

describe('readers bound their work by the data, not the sheet extent', () => {
  it('a hidden sheet with one cell at ZZ100000 reads as one short row, and the history is still found', async () => {
    const bytes = await sampleWith((wb) => {
      const ws = wb.addWorksheet('stray', { state: 'hidden' });
      ws.getCell('ZZ100000').value = 1;
    });
    const sheets = (await openSheets(bytes, 'stray.xlsx')).sheets;
    const stray = sheets.find((s) => s.name === 'stray');
    expect(stray?.cells).toHaveLength(100000);
    expect(stray?.cells[5]).toEqual([]);
    expect(stray?.cells[99999]).toHaveLength(702);
    expect(stray?.state).toBe('hidden');
    const read = await readWorkbookBuffer(bytes, 'stray.xlsx');
    expect(read.history.history.days.length).toBe(60);
  });

  it('a stray cell at 投放假设!A200000 does not overflow the stack', async () => {
    const bytes = await sampleWith((wb) => {
      const ws = wb.getWorksheet('投放假设') ?? wb.worksheets[1];
      if (!ws) throw new Error('sample has no assumptions sheet');
      ws.getCell('A200000').value = 'x';
    });
    const read = await readWorkbookBuffer(bytes, 'stray-a.xlsx');
    expect(read.assumptions?.scenarios.length).toBeGreaterThan(0);
    const cells: (string | null)[][] = [['key', 'Base'], ['cogs_rate', '0.4']];
    cells[199_999] = ['x'];
    expect(() => readAssumptions(cells)).not.toThrow(RangeError);
  });

  it('a veryHidden sheet does not win over the visible history, even with more recognised columns', async () => {
    const wb = new Workbook();
    const visible = wb.addWorksheet('now');
    visible.addRow(['日期', '观看次数', '成交订单数', '成交金额']);
    visible.addRow(['2024-05-01', 100, 1, 10]);
    const old = wb.addWorksheet('old', { state: 'veryHidden' });
    old.addRow(['日期', '观看次数', '成交订单数', '成交金额', '商品曝光次数', '商品点击次数', '千川消耗', '退款金额']);
    old.addRow(['2020-01-01', 1, 1, 1, 1, 1, 1, 0]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read = await readWorkbookBuffer(bytes, 'hidden.xlsx');
    expect(read.historySheet).toBe('now');
    expect(read.history.totals.gmv).toBe(10);
  });
});

describe('documented limits refuse before inflating or allocating', () => {
  it('a zip part that would inflate 1000× is refused by its central directory', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(4 * 1024 * 1024) }]);
    await expect(openSheets(bomb, 'bomb.xlsx')).rejects.toThrow(/bomb\.xlsx is refused: its part "xl\/worksheets\/sheet1\.xml" would inflate to 4 MB/u);
  });

  it('a part that inflates past the size its directory declares is refused as it is read, before a byte past its claim is parsed', async () => {
    const xml = (s: string): Uint8Array => new TextEncoder().encode(s);
    const liar = zip([
      { name: 'xl/workbook.xml', data: xml('<workbook xmlns:r="r"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: xml('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(4 * 1024 * 1024), declaredInflated: 1000 },
    ]);
    const { sheets } = await openSheets(liar, 'liar.xlsx');
    expect(() => [...(sheets[0]?.rows?.from(0) ?? [])]).toThrow('liar.xlsx is refused: its part "xl/worksheets/sheet1.xml" inflates past the 1 KB its zip directory declares. The file is damaged or crafted.');
  });

  it('parts whose declared sizes sum past the limit are refused, naming the file', async () => {
    // Under the ratio limit (200×) each, together past the streamed limit (1 GB).
    const part = new Uint8Array(randomBytes(3 * 1024 * 1024 + 512 * 1024));
    const big = zip([
      { name: 'a.xml', data: part, declaredInflated: 600 * 1024 * 1024 },
      { name: 'b.xml', data: part, declaredInflated: 600 * 1024 * 1024 },
    ]);
    await expect(openSheets(big, 'big.xlsx')).rejects.toThrow(/big\.xlsx is too large: its sheets inflate to 1200 MB \(limit 1024 MB\)\. Export a shorter date range/u);
  });

  it('a CSV cell past 32,767 characters is refused naming the cell, without echoing it', async () => {
    const csv = `日期,成交金额\n2024-05-01,"${'x'.repeat(LIMITS.cellChars + 1)}"\n`;
    const err = await openSheets(new TextEncoder().encode(csv), 'long.csv').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^long\.csv, cell B2 \(row 2, column 2\): longer than 32767 characters/u);
    expect((err as Error).message.length).toBeLessThan(300);
  });

  it('a CSV with more rows than Excel allows is refused', async () => {
    const csv = new TextEncoder().encode('a\n'.repeat(LIMITS.rows + 1));
    await expect(openSheets(csv, 'rows.csv')).rejects.toThrow(/rows\.csv has more than 1,048,576 rows/u);
  });

  it('an empty file and an oversized one are refused by size alone', async () => {
    await expect(openSheets(new Uint8Array(0), 'e.csv')).rejects.toThrow('e.csv is empty.');
    const huge = { length: LIMITS.fileBytes + 1 } as unknown as Uint8Array;
    await expect(openSheets(Object.setPrototypeOf(huge, Uint8Array.prototype) as Uint8Array, 'h.csv')).rejects.toThrow(/h\.csv is too large/u);
  });
});

describe('one opener: the same damaged file says the same thing everywhere', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-hostile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a text file renamed .xlsx: CLI reader, preview and portfolio give one message', async () => {
    const path = join(dir, 'renamed.xlsx');
    writeFileSync(path, HISTORY_CSV);
    const expected = 'renamed.xlsx is not a valid .xlsx workbook (not a zip archive): it may be damaged or renamed; export it again from Excel.';
    await expect(loadWorkbookFile(path)).rejects.toThrow(expected);
    await expect(openWorkbook(new TextEncoder().encode(HISTORY_CSV), 'renamed.xlsx')).rejects.toThrow(expected);
    const row = await planFile({ path, display: 'renamed.xlsx', seed: 1, runs: 0 });
    expect(row.status).toBe('error');
    expect(JSON.stringify(row)).toContain(expected);
  });

  it('a FIFO and /dev/zero are refused without being read', async () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    await expect(readRegularFile(fifo, 'pipe.csv')).rejects.toThrow('pipe.csv is a pipe (FIFO), not a file: not read.');
    await expect(readRegularFile('/dev/zero', '/dev/zero')).rejects.toThrow('/dev/zero is a device, not a file: not read.');
  });
});

describe('content quoted back is short and inert', () => {
  it('escapes terminal control codes and cuts long text', () => {
    expect(excerpt('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(excerpt('a'.repeat(100), 10)).toBe('aaaaaaaaaa…');
    expect(excerpt('\u202eevil')).toBe('\\u202eevil');
  });

  it('a header row of escape codes and a huge cell is quoted escaped and short', async () => {
    const csv = `\u001b]0;pwned\u0007x,${'y'.repeat(5000)}\n1,2\n`;
    const err = await readWorkbookBuffer(new TextEncoder().encode(csv), 'esc.csv').catch((e: Error) => e);
    const msg = (err as Error).message;
    expect(msg).toContain('Missing required column');
    expect(msg).not.toContain('\u001b');
    expect(msg).toContain('\\x1b]0;pwned\\x07x');
    expect(msg.length).toBeLessThan(600);
  });

  it('a bad cell quoted in an issue is cut to 80 characters and escaped', async () => {
    const csv = `日期,观看次数,成交订单数,成交金额\n2024-05-01,100,1,\u001b[31m${'9'.repeat(5000)}x\n2024-05-02,100,1,10\n`;
    const read = await readWorkbookBuffer(new TextEncoder().encode(csv), 'bad.csv');
    const issue = read.history.issues.find((i) => i.address === 'D2');
    expect(issue?.value).toBe(`\\x1b[31m${'9'.repeat(75)}…`);
  });

  it('"did you mean" on a 100,000-character key is bounded (no suggestion)', () => {
    expect(suggestKey('cogs_rate'.repeat(11_000))).toBeUndefined();
    expect(suggestKey('cogs_rat')).toBe('cogs_rate');
  });
});

describe('terminal output', () => {
  it('escapes every control code except newline, CR and tab, as valid JSON escapes', () => {
    expect(terminalSafe('a\u001b[2Jb\n\tc\r\u009b\u202e')).toBe('a\\u001b[2Jb\n\tc\r\\u009b\\u202e');
    const json = terminalSafe(JSON.stringify({ name: 'x\u009by\u007f' }));
    expect(JSON.parse(json)).toEqual({ name: 'x\u009by\u007f' });
  });
});
