/**
 * Every reader path bounded whatever the shape (issue 27): the messages a hostile file gets, at a
 * small scale (bench:hostile runs the full-size cases with their time and peak RSS).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookBuffer } from '../../src/data/merchant';
import { openSheets } from '../../src/data/formats';
import { sideTable, SIDE_TABLE_COLUMNS } from '../../src/data/table';
import { XmlScanner, XmlTooLong, type XmlHandler } from '../../src/data/formats';
import { AdplanError } from '../../src/model/core';
import { listSource, runInWorkers } from '../../src/portfolio/pool';
import { cappedJobs } from '../../src/portfolio/run';
import type { MerchantRow } from '../../src/portfolio/types';
import { c, rawXlsx } from '../helpers/raw-xlsx';
import { availableParallelism } from 'node:os';
import JSZip from 'jszip';

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AdplanError);
    expect((e as AdplanError).kind).toBe('input');
    return (e as AdplanError).text['en-US'];
  }
  throw new Error('expected the file to be refused');
}

/** Letters that do not compress past the zip-bomb ratio (a seeded generator). */
function letters(n: number): string {
  let seed = 11;
  let s = '';
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    s += String.fromCharCode(97 + (seed % 26));
  }
  return s;
}

const HEAD = `<row r="1">${c('A1', '日期')}${c('B1', '成交订单数')}${c('C1', '成交金额')}</row>`;
const DAYS = Array.from({ length: 30 }, (_x, d) => `<row r="${d + 2}">${c(`A${d + 2}`, 45292 + d)}${c(`B${d + 2}`, 10 + d)}${c(`C${d + 2}`, 1000 + d)}</row>`).join('');

describe('the XML scanner', () => {
  const collect = (): XmlHandler & { texts: string[] } => {
    const texts: string[] = [];
    return { texts, open: () => undefined, close: () => undefined, text: (t) => void texts.push(t) };
  };

  it('refuses a text node or a tag past its limit as it reads, before building it', () => {
    const s = new XmlScanner(collect(), 100);
    s.write('<a>');
    expect(() => {
      for (let i = 0; i < 20; i++) s.write('x'.repeat(10));
    }).toThrow(new XmlTooLong('text', 100));
    const t = new XmlScanner(collect(), 100);
    t.write('<a b="');
    expect(() => {
      for (let i = 0; i < 20; i++) t.write('y'.repeat(10));
    }).toThrow(new XmlTooLong('tag', 100));
  });

  it('skips a comment spanning many pieces (its closer cut between two) and keeps the text around it', () => {
    const h = collect();
    const s = new XmlScanner(h, 50);
    s.write('<a>be<!--');
    for (let i = 0; i < 100; i++) s.write('comment '.repeat(4));
    s.write('--');
    s.write('>fore</a>');
    s.close();
    expect(h.texts.join('')).toBe('before');
  });
});

describe('an .xlsx past a cell or token limit', () => {
  it('a cell of more than 32,767 characters is refused naming its cell', async () => {
    const bytes = rawXlsx([{ name: '直播数据', rows: HEAD + DAYS + `<row r="40">${c('B40', letters(40_000))}</row>` }]);
    expect(await refusal(readWorkbookBuffer(bytes, 'long.xlsx'))).toBe('long.xlsx, sheet "直播数据", cell B40: more than 32767 characters (limit 32767, Excel\'s own).');
  });

  it('a cell built of many rich-text runs is refused the same way (the runs are not joined first)', async () => {
    const runs = Array.from({ length: 40 }, () => `<r><t>${letters(1000)}</t></r>`).join('');
    const bytes = rawXlsx([{ name: '直播数据', rows: HEAD + DAYS + `<row r="40"><c r="C40" t="inlineStr"><is>${runs}</is></c></row>` }]);
    expect(await refusal(readWorkbookBuffer(bytes, 'runs.xlsx'))).toMatch(/cell C40: more than 32767 characters/u);
  });

  it('an attribute of more than a million characters is refused naming the sheet and the cell near it', async () => {
    const bytes = rawXlsx([{ name: '直播数据', rows: HEAD + DAYS + `<row r="40"><c r="A40" x="${letters(1_100_000)}"><v>1</v></c></row>` }]);
    expect(await refusal(readWorkbookBuffer(bytes, 'attr.xlsx'))).toMatch(/^attr\.xlsx is refused: sheet "直播数据" \(near cell [A-Z]+40\) holds a tag \(with its attributes\) longer than 1,048,576 characters/u);
  });
});

describe('shared strings', () => {
  it('a shared string of more than a million characters (in many runs) is refused before it is joined', async () => {
    const base = rawXlsx([{ name: '直播数据', rows: HEAD + DAYS }]);
    const text1100k = letters(1_100_000);
    const runs = Array.from({ length: 1100 }, (_x, k) => `<r><t>${text1100k.slice(k * 1000, k * 1000 + 1000)}</t></r>`).join('');
    const zip = await JSZip.loadAsync(base);
    zip.file('xl/sharedStrings.xml', `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><si>${runs}</si></sst>`);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(await refusal(readWorkbookBuffer(bytes, 'sst.xlsx'))).toBe('sst.xlsx is refused: its shared string 1 holds more than 1,048,576 characters (a cell holds 32767 at most, Excel\'s own limit). The file is damaged or was not written by Excel.');
  });
});

describe('a CSV line past the field or length limit', () => {
  it('more than 16,384 fields on a line is refused naming the line', async () => {
    const bytes = Buffer.from(`日期,成交订单数,成交金额\n${','.repeat(20_000)}\n`);
    expect(await refusal(readWorkbookBuffer(bytes, 'commas.csv'))).toMatch(/^commas\.csv, line 2: more than 16,384 fields/u);
  });

  it('a line longer than 1,048,576 characters is refused naming the line', async () => {
    const field = 'x'.repeat(30_000);
    const bytes = Buffer.from(`日期,成交订单数,成交金额\n${Array.from({ length: 40 }, () => field).join(',')}\n`);
    expect(await refusal(readWorkbookBuffer(bytes, 'wide.csv'))).toMatch(/^wide\.csv, line 2: longer than 1,048,576 characters/u);
  });
});

describe('side sheets read narrow', () => {
  it('an assumptions sheet with a cell at XFD on every row is read over its first columns only, and still read', async () => {
    const side = Array.from({ length: 300 }, (_x, k) => {
      const r = k + 1;
      const key = r === 1 ? c(`A${r}`, 'key') + c(`B${r}`, 'Base') : c(`A${r}`, ['cogs_rate', 'cash_available'][k % 2] as string) + c(`B${r}`, k % 2 ? 500000 : 0.4);
      return `<row r="${r}">${key}${c(`XFD${r}`, r)}</row>`;
    }).join('');
    const bytes = rawXlsx([{ name: '直播数据', rows: HEAD + DAYS }, { name: '投放假设', rows: side }]);
    const { sheets } = await openSheets(bytes, 'side.xlsx');
    const grid = sideTable(sheets[1] as (typeof sheets)[number]);
    expect(Math.max(...grid.map((r) => r.length))).toBeLessThanOrEqual(SIDE_TABLE_COLUMNS);
    const read = await readWorkbookBuffer(bytes, 'side.xlsx');
    expect(read.assumptionsSheet).toBe('投放假设');
    expect(read.assumptions?.scenarios[0]?.values.cogs_rate).toBe(0.4);
  });
});

describe('the portfolio survives any one file', () => {
  it('--jobs past the cores is held to them, with a note', () => {
    const cores = availableParallelism();
    expect(cappedJobs(cores)).toEqual({ jobs: cores });
    expect(cappedJobs(cores + 62).jobs).toBe(cores);
    expect(cappedJobs(cores + 62).note?.['en-US']).toBe(`--jobs ${cores + 62} is more than this machine's ${cores} core(s): using ${cores}.`);
  });

  it('a worker that runs out of memory costs its merchant a row saying so; the others are planned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adplan-oom-'));
    try {
      const script = join(dir, 'worker.js');
      writeFileSync(
        script,
        `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => {
  if (m.task.display === 'huge') { const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random())); }
  parentPort.postMessage({ id: m.id, row: { file: m.task.display, status: 'ok', tier: 'scale', reason: { 'en-US': '', 'zh-CN': '' }, kpis: null, risk: null, annualReturn: null, currentSpend: null, scenario: null } });
});`,
      );
      const rows: MerchantRow[] = [];
      const task = (display: string): { path: string; display: string; seed: number; runs: number } => ({ path: display, display, seed: 1, runs: 0 });
      await runInWorkers(listSource([task('a'), task('huge'), task('b')]), { workers: 1, workerPath: script, inFlight: 1, heapMb: 32 }, (r) => rows.push(r));
      const by = new Map(rows.map((r) => [r.file, r]));
      expect(by.get('a')?.status).toBe('ok');
      expect(by.get('b')?.status).toBe('ok');
      expect(by.get('huge')?.status).toBe('error');
      expect(by.get('huge')?.reason['en-US']).toBe('huge: planning stopped (the file needed more than the 32 MB of memory one merchant may use; the other merchants are planned)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
