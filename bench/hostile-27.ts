/**
 * The hostile cases of issue 27 (the second round: streaming readers and the portfolio), generated
 * for bench/hostile.ts. Each ends with exit 0 or 1 and a clear message within 30 s and 1.5 GB.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zip, type RawEntry } from './zip';
import { sampleWorkbookBytes } from '../src/sample/workbook';

export interface HostileCase {
  name: string;
  args: string[];
  /** What the output must say (the clear message), whatever the exit code. */
  mentions?: RegExp;
  /** 30 s for these cases. */
  targetMs?: number;
}

const WB = (names: readonly string[]): string =>
  `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
    .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
const RELS = (n: number): string =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Array.from({ length: n }, (_x, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`;
const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** A workbook from sheets given as XML pieces (their <sheetData> content). */
function workbook(sheets: readonly { name: string; data: readonly Buffer[]; after?: string }[]): Uint8Array {
  const entries: RawEntry[] = [
    { name: 'xl/workbook.xml', data: Buffer.from(WB(sheets.map((s) => s.name))) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS(sheets.length)) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.concat([Buffer.from(SHEET_HEAD), ...s.data, Buffer.from(`</sheetData>${s.after ?? ''}</worksheet>`)]) })),
  ];
  return zip(entries);
}

/**
 * `mb` MiB of letters that deflate about 30× (a random letter every 100): under the 200× ratio
 * limit, so the reader really reads them (a run of one letter would be refused as a bomb).
 */
function filler(mb: number): Buffer {
  let seed = 7;
  const block = Buffer.alloc(1024 * 1024, 'x');
  for (let i = 0; i < block.length; i += 100) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    block[i] = 97 + (seed % 26);
  }
  return Buffer.concat(Array.from({ length: mb }, () => block));
}

/** A plain 120-day history table as sheet XML rows. */
function historyRows(days = 120): Buffer {
  const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>观看次数</t></is></c><c r="C1" t="inlineStr"><is><t>成交订单数</t></is></c><c r="D1" t="inlineStr"><is><t>成交金额</t></is></c></row>'];
  for (let d = 0; d < days; d++) {
    const r = d + 2;
    rows.push(`<row r="${r}"><c r="A${r}"><v>${45292 + d}</v></c><c r="B${r}"><v>${1000 + (d % 37)}</v></c><c r="C${r}"><v>${20 + (d % 5)}</v></c><c r="D${r}"><v>${4000 + 13 * (d % 11)}</v></c></row>`);
  }
  return Buffer.from(rows.join(''));
}

/** An assumptions-like side sheet: keys in A, values in B, and a cell at XFD (the last column) on every row. */
function xfdSideRows(rows: number): Buffer[] {
  const out: Buffer[] = [];
  for (let start = 1; start <= rows; start += 10_000) {
    const part: string[] = [];
    for (let r = start; r < Math.min(rows + 1, start + 10_000); r++) {
      part.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${r === 1 ? 'key' : 'cogs_rate'}</t></is></c><c r="B${r}"><v>0.4</v></c><c r="XFD${r}"><v>${r}</v></c></row>`);
    }
    out.push(Buffer.from(part.join('')));
  }
  return out;
}

/** `rows` rows of `cols` numeric columns (a 日期 serial first), as a 直播数据 sheet. */
function denseRows(rows: number, cols: number): Buffer[] {
  const names = ['日期', '观看次数', '成交订单数', '成交金额', '千川消耗', '商品曝光次数', '商品点击次数', '退款金额', '直播间', '备注', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const col = (j: number): string => (j < 26 ? String.fromCharCode(65 + j) : `A${String.fromCharCode(65 + j - 26)}`);
  const out = [Buffer.from(`<row r="1">${names.slice(0, cols).map((n, j) => `<c r="${col(j)}1" t="inlineStr"><is><t>${n}</t></is></c>`).join('')}</row>`)];
  for (let start = 2; start <= rows; start += 20_000) {
    const part: string[] = [];
    for (let r = start; r < Math.min(rows + 1, start + 20_000); r++) {
      const vals = [36526 + Math.floor((r - 2) / 287), 1000 + (r % 97), 10 + (r % 7), 1234.5 + (r % 100), 100 + (r % 13), 5000, 700, 12.5, r % 9, 1, 1, 2, 3, 4, 5, 6, 7, 8].slice(0, cols);
      part.push(`<row r="${r}">${vals.map((v, j) => `<c r="${col(j)}${r}"><v>${v}</v></c>`).join('')}</row>`);
    }
    out.push(Buffer.from(part.join('')));
  }
  return out;
}

/** Sheet rows of about `mb` MiB (the 120-day table, then filler rows of 10 numbers), for the size cases. */
function rowsOfSize(mb: number, firstRow: number): Buffer[] {
  const out: Buffer[] = [];
  let bytes = 0;
  let r = firstRow;
  while (bytes < mb * 1024 * 1024) {
    const part: string[] = [];
    // Values repeating every 50 rows: the part deflates ~40× (a 1 GiB workbook in a 27 MB file).
    // 40 cells without `r` a row, so 255 MB stay under Excel's last row.
    for (let k = 0; k < 10_000; k++, r++) part.push(`<row r="${r}">${Array.from({ length: 40 }, (_x, j) => `<c><v>${((r % 50) * 7 + j) % 1009}</v></c>`).join('')}</row>`);
    const b = Buffer.from(part.join(''));
    bytes += b.length;
    out.push(b);
  }
  return out;
}

async function writeStream(path: string, write: (w: (s: string) => void) => void): Promise<void> {
  const s = createWriteStream(path);
  write((t) => void s.write(t));
  await new Promise<void>((resolve) => s.end(resolve));
}

export async function issue27Cases(dir: string): Promise<HostileCase[]> {
  const f = (name: string): string => join(dir, name);
  const history = historyRows();
  writeFileSync(f('xfd-20000.xlsx'), workbook([{ name: '直播数据', data: [history] }, { name: '投放假设', data: xfdSideRows(20_000) }]));
  writeFileSync(f('xfd-60000.xlsx'), workbook([{ name: '直播数据', data: [history] }, { name: '投放假设', data: xfdSideRows(60_000) }]));
  writeFileSync(f('xfd-5000.xlsx'), workbook([{ name: '直播数据', data: [history] }, { name: '投放假设', data: xfdSideRows(5_000) }]));
  writeFileSync(f('cell-600mb.xlsx'), workbook([{ name: '直播数据', data: [history, Buffer.from('<row r="200"><c r="A200" t="inlineStr"><is><t>'), filler(600), Buffer.from('</t></is></c></row>')] }]));
  writeFileSync(f('attr-40mb.xlsx'), workbook([{ name: '直播数据', data: [history, Buffer.from('<row r="200"><c r="A200" x="'), filler(40), Buffer.from('"><v>1</v></c></row>')] }]));
  writeFileSync(f('comment-40mb.xlsx'), workbook([{ name: '直播数据', data: [history, Buffer.from('<!--'), filler(40), Buffer.from('-->')] }]));
  writeFileSync(f('rows-1m-1col.xlsx'), workbook([{ name: '直播数据', data: denseRows(1_048_576, 1) }]));
  writeFileSync(f('rows-1m-18col.xlsx'), workbook([{ name: '直播数据', data: denseRows(1_048_576, 18) }]));
  // Four sheets summing to the 1 GiB inflated limit (less the small parts), the first one a history table.
  const quarter = 255;
  writeFileSync(
    f('parts-1gib.xlsx'),
    workbook([
      { name: '直播数据', data: [history, ...rowsOfSize(quarter, 200)] },
      ...[2, 3, 4].map((k) => ({ name: `明细${k}`, data: rowsOfSize(quarter, 1) })),
    ]),
  );
  writeFileSync(
    f('part-40mb-of-10.xlsx'),
    workbook([{ name: '直播数据', data: [history] }, { name: '订单明细', data: rowsOfSize(40, 1) }, ...Array.from({ length: 8 }, (_x, k) => ({ name: `表${k + 3}`, data: [historyRows(30)] }))]),
  );
  await writeStream(f('line-fields-100mb.csv'), (w) => {
    w('日期,成交订单数,成交金额\n');
    const piece = 'a,'.repeat(512 * 1024);
    for (let i = 0; i < 99; i++) w(piece);
    w('\n');
  });
  await writeStream(f('line-commas-100mb.csv'), (w) => {
    w('日期,成交订单数,成交金额\n');
    const piece = ','.repeat(1024 * 1024);
    for (let i = 0; i < 99; i++) w(piece);
    w('\n');
  });
  // A portfolio folder holding the worst of them beside a good merchant.
  const belt = f('belt27');
  mkdirSync(belt);
  writeFileSync(join(belt, 'good.xlsx'), await sampleWorkbookBytes(1));
  for (const name of ['xfd-60000.xlsx', 'cell-600mb.xlsx', 'attr-40mb.xlsx', 'line-commas-100mb.csv']) execFileSync('cp', [f(name), join(belt, name)]);
  execFileSync('mkfifo', [f('out-fifo.xlsx')]);
  const T = 30_000;
  const clear = /Missing required column: .*Headers found: 日期|Usable/u;
  return [
    { name: '27: check side sheet XFD wide × 20,000 rows', args: ['check', f('xfd-20000.xlsx')], targetMs: T },
    { name: '27: check side sheet XFD wide × 60,000 rows', args: ['check', f('xfd-60000.xlsx')], targetMs: T },
    { name: '27: plan side sheet XFD wide × 20,000 rows', args: ['plan', f('xfd-20000.xlsx'), '--runs', '0'], targetMs: T },
    { name: '27: check side sheet XFD wide × 5,000 rows', args: ['check', f('xfd-5000.xlsx')], targetMs: T },
    { name: '27: check one 600 MB text cell', args: ['check', f('cell-600mb.xlsx')], mentions: /cell A200: more than 32767 characters/u, targetMs: T },
    { name: '27: check a 40 MB attribute', args: ['check', f('attr-40mb.xlsx')], mentions: /longer than 1,048,576 characters/u, targetMs: T },
    { name: '27: check a 40 MB comment', args: ['check', f('comment-40mb.xlsx')], targetMs: T },
    { name: '27: check 1,048,576 rows × 1 column', args: ['check', f('rows-1m-1col.xlsx')], mentions: clear, targetMs: T },
    { name: '27: check 1,048,576 rows × 18 columns', args: ['check', f('rows-1m-18col.xlsx')], targetMs: T },
    { name: '27: check parts summing to the 1 GiB limit', args: ['check', f('parts-1gib.xlsx')], targetMs: T },
    { name: '27: check one 40 MB part among 10 sheets', args: ['check', f('part-40mb-of-10.xlsx')], targetMs: T },
    { name: '27: check a CSV line of 99 MiB of fields', args: ['check', f('line-fields-100mb.csv')], mentions: /line 2: more than 16,384 fields/u, targetMs: T },
    { name: '27: check a CSV line of 99 MiB of commas', args: ['check', f('line-commas-100mb.csv')], mentions: /line 2: more than 16,384 fields/u, targetMs: T },
    { name: '27: portfolio with the worst files beside a good one', args: ['portfolio', belt, '--runs', '50', '--json'], mentions: /good\.xlsx"[^}]*"status": "(ok|not_ready)"/su, targetMs: T },
    { name: '27: portfolio --jobs 64', args: ['portfolio', belt, '--runs', '0', '--jobs', '64'], mentions: /--jobs 64 is more than this machine's \d+ core/u, targetMs: T },
    { name: '27: portfolio --out FIFO --force', args: ['portfolio', belt, '--runs', '0', '--out', f('out-fifo.xlsx'), '--force'], mentions: /it is a pipe \(FIFO\), not a file\. Nothing was planned yet\./u, targetMs: T },
  ];
}
