/**
 * The reader and the portfolio never give a wrong number, lose or leak something without a word
 * (issue 28): each block below failed before its fix.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { readWorkbookBuffer } from '../../src/data/merchant';
import { text } from '../../src/i18n/text';
import { AdplanError } from '../../src/model/core';
import { discoverFiles } from '../../src/portfolio/discover';
import { planFile } from '../../src/portfolio/plan-file';
import { errorRow } from '../../src/portfolio/row';
import * as save from '../../src/portfolio/save-workbook';
import { buildSummaryWorkbook } from '../../src/portfolio/summary-workbook';
import { summarise } from '../../src/portfolio/summary';
import { c, rawXlsx, v } from '../helpers/raw-xlsx';
import fc from 'fast-check';
import { cellValue } from '../../src/data/formats';

const en = (e: unknown): string => (e instanceof AdplanError ? e.text['en-US'] : String(e));

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AdplanError);
    expect((e as AdplanError).kind).toBe('input');
    return en(e);
  }
  throw new Error('expected the file to be refused');
}

const SESSIONS = [
  '直播开始时间,直播间观看次数,直播间成交订单数,直播间成交金额',
  '2026/07/29 07:59:36,1000,10,2000',
  '2026/07/29 20:00:00,1500,12,2600',
  '2026/07/30 08:00:00,900,8,1500',
  '2026/07/31 08:00:00,800,7,1400',
].join('\n');

describe('1. session rows pasted twice', () => {
  it('the pasted-twice 直播明细 export reads exactly as the single copy, with a warning naming the repeated rows', async () => {
    const one = await readWorkbookBuffer(Buffer.from(`${SESSIONS}\n`), 'a.csv');
    const two = await readWorkbookBuffer(Buffer.from(`${SESSIONS}\n${SESSIONS}\n`), 'aa.csv');
    expect(two.history.history).toEqual(one.history.history);
    expect(two.history.totals).toEqual(one.history.totals);
    expect(two.history.totals.gmv).toBe(2000 + 2600 + 1500 + 1400);
    const warnings = two.history.issues.filter((i) => i.severity === 'warning');
    // Row 6 is the header pasted again; rows 7–10 repeat rows 2–5.
    expect(warnings.find((w) => w.row === 6)?.message['en-US']).toMatch(/header row again/u);
    for (const [row, of] of [[7, 2], [8, 3], [9, 4], [10, 5]]) {
      expect(warnings.find((w) => w.row === row)?.message['en-US']).toBe(`repeats row ${of} (same start time and same numbers: the export pasted twice?) — counted once`);
    }
    expect(two.history.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('two sessions of one day with different start times are still two sessions', async () => {
    const read = await readWorkbookBuffer(Buffer.from(`${SESSIONS}\n2026/07/31 20:00:00,800,7,1400\n`), 'b.csv');
    expect(read.history.totals.gmv).toBe(2000 + 2600 + 1500 + 1400 + 1400);
  });
});

const HEAD = `<row r="1">${c('A1', '日期')}${c('B1', '成交订单数')}${c('C1', '成交金额')}</row>`;
/** A day's row; a string number is written into `<v>` as given. */
const num = (ref: string, x: number | string): string => (typeof x === 'number' ? c(ref, x) : v(ref, x));
const day = (r: number, date: string, orders: number | string, gmv: number | string): string => `<row r="${r}">${c(`A${r}`, date)}${num(`B${r}`, orders)}${num(`C${r}`, gmv)}</row>`;

describe('2. a strict number grammar for <v>', () => {
  it('1,234,567.5, 0x1F and a number holding an invalid byte are cell-addressed errors, never their numeric prefix', async () => {
    const rows = Buffer.concat([
      Buffer.from(HEAD + day(2, '2024-05-01', 10, 1000) + day(3, '2024-05-02', 10, '1,234,567.5') + day(4, '2024-05-03', '0x1F', 500)),
      Buffer.from('<row r="5"><c r="A5" t="inlineStr"><is><t>2024-05-04</t></is></c><c r="B5"><v>9</v></c><c r="C5"><v>3'),
      Buffer.from([0xff]),
      Buffer.from('6</v></c></row>'),
      Buffer.from(day(6, '2024-05-05', 10, 700)),
    ]);
    const read = await readWorkbookBuffer(rawXlsx([{ name: '数据', rows: rows }]), 'n.xlsx');
    expect(read.history.totals.gmv).toBe(1000 + 700);
    const errors = read.history.issues.filter((i) => i.severity === 'error').map((i) => i.address);
    expect(errors).toEqual(['C3', 'B4', 'C5']);
  });
});

describe('2b. the <v> grammar, property', () => {
  it('a <v> is its number exactly when it is digits, an optional point and exponent; else NaN (never a prefix)', () => {
    const GRAMMAR = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/u;
    const ctx = { fileName: 'p.xlsx', shared: [], dateStyles: [], date1904: 'no' as const };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '1', '7', '.', 'e', 'E', '+', '-', 'x', 'b', 'o', ',', ' ', 'I', '\uFFFD'), { maxLength: 8 }).map((a) => a.join('')), (v) => {
        const got = cellValue({ t: undefined, style: NaN, value: v, runs: null, formula: false }, ctx);
        if (GRAMMAR.test(v)) expect(got).toBe(Number(v));
        else expect(got).toBeNaN();
      }),
      { numRuns: 3000, seed: 28 },
    );
  });
});

describe('3. a cell or a row given twice', () => {
  it('a cell reference given twice is refused, naming the cell (the second value does not win)', async () => {
    const rows = HEAD + day(2, '2024-05-01', 10, 1000).replace('</row>', `${c('C2', 997000)}</row>`);
    expect(await refusal(readWorkbookBuffer(rawXlsx([{ name: '数据', rows }]), 'c.xlsx'))).toMatch(/sheet "数据": cell C2 is given twice/u);
  });

  it('a row given twice is refused, naming the row (it is not an extra session)', async () => {
    const rows = HEAD + day(2, '2024-05-01', 10, 1000) + day(2, '2024-05-01', 10, 1000);
    expect(await refusal(readWorkbookBuffer(rawXlsx([{ name: '数据', rows }]), 'r.xlsx'))).toMatch(/sheet "数据": row 2 is given twice/u);
  });
});

describe('4. merged dates and formulas without a value', () => {
  it('a date merged down over three sessions is filled down, as Excel shows it', async () => {
    const rows = HEAD + day(2, '2024-05-01', 10, 1000) + `<row r="3">${c('B3', 5)}${c('C3', 400)}</row><row r="4">${c('B4', 6)}${c('C4', 300)}</row>` + day(5, '2024-05-02', 7, 800);
    const read = await readWorkbookBuffer(rawXlsx([{ name: '数据', rows, after: '<mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells>' }]), 'm.xlsx');
    expect(read.history.history.days.map((d) => [d.date, d.gmv, d.orders])).toEqual([
      ['2024-05-01', 1700, 21],
      ['2024-05-02', 800, 7],
    ]);
    expect(read.history.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.history.issues.some((i) => /A2:A4/u.test(i.message['en-US']))).toBe(true);
  });

  it('every formula cell without a saved value is named', async () => {
    const rows = HEAD + day(2, '2024-05-01', 10, 1000) + `<row r="3">${c('A3', '2024-05-02')}${c('B3', 4)}<c r="C3"><f>SUM(C2,1)</f></c></row>` + `<row r="4"><c r="A4"><f>A3+1</f></c>${c('B4', 4)}${c('C4', 9)}</row>`;
    const read = await readWorkbookBuffer(rawXlsx([{ name: '数据', rows }]), 'f.xlsx');
    const w = read.history.issues.find((i) => /formula cell/u.test(i.message['en-US']));
    expect(w?.severity).toBe('warning');
    expect(w?.message['en-US']).toMatch(/^2 formula cell\(s\) have no saved value \(C3, A4\)/u);
  });
});

describe('5. a link re-pointed after discovery; control characters in sheet names', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-repoint-'));
    mkdirSync(join(dir, 'belt'));
    writeFileSync(join(dir, 'outside.csv'), 'root:x:0:0:SECRET-LINE\n');
    writeFileSync(join(dir, 'belt', 'inside.csv'), '日期,观看次数,成交订单数,成交金额\n2024-05-01,100,1,10\n');
    symlinkSync(join(dir, 'belt', 'inside.csv'), join(dir, 'belt', 'alias.csv'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a link re-pointed outside the folder after discovery is not read, and nothing from outside is printed', async () => {
    const found = await discoverFiles(['belt'], dir);
    const alias = found.find((f) => f.display === 'belt/alias.csv');
    expect(alias?.error).toBeUndefined();
    unlinkSync(join(dir, 'belt', 'alias.csv'));
    symlinkSync(join(dir, 'outside.csv'), join(dir, 'belt', 'alias.csv'));
    // The file it pointed to replaced by a link out of the folder, too.
    unlinkSync(join(dir, 'belt', 'inside.csv'));
    symlinkSync(join(dir, 'outside.csv'), join(dir, 'belt', 'inside.csv'));
    for (const f of found) {
      const row = await planFile({ path: f.path, display: f.display, seed: 1, runs: 0, ...(f.identity ? { identity: f.identity } : {}) });
      expect(row.status).toBe('error');
      expect(JSON.stringify(row)).not.toContain('SECRET');
    }
  });

  it('a CR or an escape code in a sheet name is escaped', async () => {
    const rows = HEAD + day(2, '2024-05-01', 10, 1000);
    const read = await readWorkbookBuffer(rawXlsx([{ name: 'a\rb\u001b[2J', rows }]), 's.xlsx');
    expect(read.sheetNames).toEqual(['a\\x0db\\x1b[2J']);
    expect(read.historySheet.includes("\r") || read.historySheet.includes("\u001b")).toBe(false);
  });
});

describe('6. --out checked fully before planning; the table printed when the write fails', () => {
  let dir: string;
  const run = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '';
    let stderr = '';
    const code = await main(['portfolio', join(dir, 'belt'), '--runs', '0', '--jobs', '1', ...args], { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), env: {} });
    return { code, stdout, stderr };
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-out-'));
    mkdirSync(join(dir, 'belt'));
    writeFileSync(join(dir, 'belt', 'a.csv'), '日期,观看次数,成交订单数,成交金额\n2024-05-01,100,1,10\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a dangling symlink is refused before anything is planned', async () => {
    symlinkSync(join(dir, 'nowhere.xlsx'), join(dir, 'dangling.xlsx'));
    const r = await run(['--out', join(dir, 'dangling.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dangling\.xlsx: it is a symbolic link; name the file itself for --out\. Nothing was planned yet\./u);
    expect(r.stdout).toBe('');
  });

  it('a folder or a FIFO is refused even with --force', async () => {
    mkdirSync(join(dir, 'folder.xlsx'));
    execFileSync('mkfifo', [join(dir, 'fifo.xlsx')]);
    for (const [name, kind] of [['folder.xlsx', 'a folder'], ['fifo.xlsx', 'a pipe \\(FIFO\\)']]) {
      const r = await run(['--out', join(dir, name as string), '--force']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`${(name as string).replace('.', '\\.')}: it is ${kind}, not a file\\. Nothing was planned yet\\.`, 'u'));
      expect(r.stdout).toBe('');
    }
  });

  it('when the write still fails, the table has been printed', async () => {
    const spy = jest.spyOn(save, 'saveWorkbook').mockRejectedValueOnce(new AdplanError('input', text('Cannot write x.xlsx (ENOSPC)', '无法写入 x.xlsx（ENOSPC）'), 'out'));
    const r = await run(['--out', join(dir, 'x.xlsx')]);
    spy.mockRestore();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('belt/a.csv');
    expect(r.stderr).toContain('ENOSPC');
  });
});

describe('7. encodings decided on the evidence; zip64 and encrypted parts named', () => {
  const csv = '日期,观看次数,成交订单数,成交金额\n2024-05-01,100,1,10\n2024-05-02,200,2,20\n';

  it('one stray byte does not turn a UTF-8 file into GB18030', async () => {
    const bytes = Buffer.concat([Buffer.from(csv), Buffer.from('2024-05-03,300,3,30,备注'), Buffer.from([0xff]), Buffer.from('\n')]);
    const read = await readWorkbookBuffer(bytes, 'stray.csv');
    expect(read.encoding).toBe('utf-8');
    expect(read.history.totals.gmv).toBe(60);
  });

  it('one NUL in the head does not make it UTF-16', async () => {
    const bytes = Buffer.concat([Buffer.from(csv), Buffer.from('2024-05-03,300,3,30,x'), Buffer.from([0]), Buffer.from('\n')]);
    const read = await readWorkbookBuffer(bytes, 'nul.csv');
    expect(read.encoding).toBe('utf-8');
    expect(read.history.totals.gmv).toBe(60);
  });

  it('a GBK export is still GB18030, and BOM-less UTF-16 still UTF-16', async () => {
    expect((await readWorkbookBuffer(iconv.encode(csv, 'gbk'), 'gbk.csv')).encoding).toBe('gb18030');
    const tsv = csv.split(',').join('\t');
    expect((await readWorkbookBuffer(iconv.encode(tsv, 'utf-16le'), 'u16.csv')).encoding).toBe('utf-16le');
  });

  it('the encoding is named when the headers are not found', async () => {
    const msg = await refusal(readWorkbookBuffer(iconv.encode('名称,数量\n甲,1\n', 'gbk'), 'x.csv'));
    expect(msg).toMatch(/The file was read as GB18030 \(GBK\)/u);
  });

  it('a small zip64 sheet is read (not "over 4 GB"); an encrypted entry is named as encrypted', async () => {
    const rows = HEAD + day(2, '2024-05-01', 10, 1000);
    const read = await readWorkbookBuffer(rawXlsx([{ name: '数据', rows }], { zip64: true }), 'z64.xlsx');
    expect(read.history.totals.gmv).toBe(1000);
    expect(await refusal(readWorkbookBuffer(rawXlsx([{ name: '数据', rows }], { encrypted: true }), 'enc.xlsx'))).toMatch(/is encrypted \(password-protected\)/u);
  });
});

describe('8. text starting with =, +, -, @ stays plain text in output workbooks', () => {
  it('a merchant file named like a formula is written as text, never as a formula', async () => {
    // File names (no "/": a name can't hold one, and the summary keeps the name without its folders).
    const names = ['=HYPERLINK("x","y")', '+1+1', '-2+3', '@SUM(A1)'];
    const rows = names.map((n) => errorRow(n, new AdplanError('input', text(`${n} is broken`, `${n} 已损坏`))));
    const wb = buildSummaryWorkbook(rows, summarise(rows), 'en-US');
    const bytes = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/u.test(f));
    for (const s of sheets) expect(await zip.file(s)?.async('string')).not.toMatch(/<f>/u);
    const back = new Workbook();
    await back.xlsx.load(bytes);
    const cells: unknown[] = [];
    back.worksheets[0]?.eachRow((r) => r.eachCell((cell) => void cells.push(cell.value)));
    for (const n of names) expect(cells).toContain(n);
  });
});
