/**
 * `npm run bench:hostile`: every hostile case of issue 16 generated on the fly and run through the
 * real CLI in its own process, with wall time and peak RSS (GNU time's maximum resident set).
 * Acceptance: each ends within 60 s (the issue 27 cases, bench/hostile-27.ts: 30 s), peak RSS ≤ 1.5 GB, exit 0 or exit 1 with a message naming
 * the file/cell. Also the reader benchmark on a 50 MB 罗盘 直播明细-shaped export (bench/exports.ts; the flat-memory bench is bench/reader-memory.ts) (≤ 10 s).
 * Prints one line per case; `--json` prints { "cases": [...] }. Needs Linux (/usr/bin/time, mkfifo).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compassSessionsCsv } from './exports';
import { issue27Cases } from './hostile-27';
import { zip } from './zip';
import { stream, Workbook } from 'exceljs';
import { sampleWorkbookBytes } from '../src/sample/workbook';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'bin', 'adplan.js');
const LIMIT_MS = 60_000;
const LIMIT_RSS_KB = 1.5 * 1024 * 1024;

interface Case {
  name: string;
  args: string[];
  /** What the message must name (file or cell), when the case should be refused. */
  names?: RegExp;
  /** What the output must say whatever the exit code (the cell named). */
  mentions?: RegExp;
  /** Extra target for this case (the 50 MB reader benchmark: 10 s). */
  targetMs?: number;
}

interface Outcome {
  name: string;
  exit: number | null;
  ms: number;
  /** CPU seconds (user + system) of the process: on a shared machine the wall time also holds the others' load. */
  cpuS: number;
  peakRssMb: number;
  ok: boolean;
  message: string;
}

/** A zip whose one sheet part inflates to `mb` MB of zeros (honest sizes: a real bomb). */
function zipBomb(mb: number): Uint8Array {
  return zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(mb * 1024 * 1024) }]);
}

/** A valid .xlsx whose sheet XML inflates to about `mb` MB (just under the inflated-size limit). */
async function bigXlsx(path: string, mb: number): Promise<void> {
  const wb = new stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet('直播数据');
  ws.addRow(['日期', '观看次数', '成交订单数', '成交金额', '千川消耗', '商品曝光次数', '商品点击次数', '退款金额', '直播间', '备注']).commit();
  // ~420 bytes of XML per row.
  for (let i = 0; i * 420 < mb * 1024 * 1024; i++) {
    const d = new Date(Date.UTC(2000, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10);
    ws.addRow([d, 1000 + (i % 97), 10 + (i % 7), 1234.5 + (i % 100), 100 + (i % 13), 5000, 700, 12.5, `直播间 第${i % 9}场`, 'x']).commit();
  }
  await wb.commit();
}

async function sampleWith(edit: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new Workbook();
  await wb.xlsx.load((await sampleWorkbookBytes(1)) as never);
  edit(wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function makeCases(dir: string): Promise<Case[]> {
  const f = (name: string): string => join(dir, name);
  writeFileSync(f('zz100000.xlsx'), await sampleWith((wb) => (wb.addWorksheet('stray', { state: 'hidden' }).getCell('ZZ100000').value = 1)));
  writeFileSync(
    f('a200000.xlsx'),
    await sampleWith((wb) => {
      const ws = wb.getWorksheet('投放假设') ?? wb.worksheets[1];
      if (ws) ws.getCell('A200000').value = 'x';
    }),
  );
  writeFileSync(f('bomb-1mb.xlsx'), zipBomb(1000));
  writeFileSync(f('bomb-5mb.xlsx'), zipBomb(4000));
  await compassSessionsCsv(f('compass-50mb.csv'), 50);
  await bigXlsx(f('big-60mb-xml.xlsx'), 58);
  await compassSessionsCsv(f('huge-200mb.csv'), 200);
  // One 100 MB cell.
  const cell = createWriteStream(f('one-cell-100mb.csv'));
  cell.write('"');
  const chunk = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < 99; i++) cell.write(chunk);
  cell.write('"\n');
  await new Promise<void>((resolve) => cell.end(resolve));
  writeFileSync(
    f('overflow.xlsx'),
    await sampleWith((wb) => {
      const ws = wb.worksheets[0];
      if (!ws) return;
      const header = ws.getRow(1).values as unknown[];
      const gmv = header.findIndex((h) => typeof h === 'string' && h.includes('成交金额'));
      ws.getCell(5, gmv > 0 ? gmv : 4).value = 1e303;
    }),
  );
  // A portfolio: one good merchant, a link out of the folder, a FIFO link, /dev/zero, two bombs.
  const belt = f('belt');
  mkdirSync(belt);
  writeFileSync(join(belt, 'good.xlsx'), await sampleWorkbookBytes(1));
  writeFileSync(f('secret.txt'), 'root:x:0:0:SECRET\n');
  symlinkSync(f('secret.txt'), join(belt, 'x.csv'));
  execFileSync('mkfifo', [f('fifo')]);
  symlinkSync(f('fifo'), join(belt, 'fifo.csv'));
  symlinkSync('/dev/zero', join(belt, 'zero.csv'));
  writeFileSync(join(belt, 'bomb1.xlsx'), zipBomb(1000));
  writeFileSync(join(belt, 'bomb2.xlsx'), zipBomb(4000));
  writeFileSync(join(belt, 'stray.xlsx'), await sampleWith((wb) => (wb.addWorksheet('s', { state: 'veryHidden' }).getCell('ZZ100000').value = 1)));
  return [
    { name: 'check ZZ100000 stray cell (hidden sheet)', args: ['check', f('zz100000.xlsx')] },
    { name: 'plan 投放假设!A200000 stray cell', args: ['plan', f('a200000.xlsx'), '--runs', '0'] },
    { name: 'check zip bomb (1 GB inside ~1 MB)', args: ['check', f('bomb-1mb.xlsx')], names: /bomb-1mb\.xlsx/u },
    { name: 'check zip bomb (4 GB inside ~4 MB)', args: ['check', f('bomb-5mb.xlsx')], names: /bomb-5mb\.xlsx/u },
    { name: 'check 50 MB 罗盘 直播明细 CSV (reader bench)', args: ['check', f('compass-50mb.csv')], targetMs: 10_000 },
    { name: 'check valid .xlsx, ~60 MB of sheet XML (under the limit)', args: ['check', f('big-60mb-xml.xlsx')] },
    { name: 'check 200 MB CSV', args: ['check', f('huge-200mb.csv')], names: /huge-200mb\.csv/u },
    { name: 'check 100 MB single-cell CSV', args: ['check', f('one-cell-100mb.csv')], names: /one-cell-100mb\.csv/u },
    { name: 'check /dev/zero', args: ['check', '/dev/zero'], names: /\/dev\/zero/u },
    { name: 'check FIFO', args: ['check', f('fifo')], names: /fifo/u },
    { name: 'check with a 1e303 GMV cell (row 5)', args: ['check', f('overflow.xlsx')], mentions: /[A-Z]+5\b.*too large|too large.*[A-Z]+5\b/u },
    { name: 'plan with a 1e303 GMV cell (row 5)', args: ['plan', f('overflow.xlsx'), '--runs', '0'] },
    { name: 'portfolio: link out, FIFO, /dev/zero, 2 bombs, stray cell', args: ['portfolio', belt, '--runs', '50', '--json'] },
    ...(await issue27Cases(dir)),
  ];
}

function run(c: Case): Outcome {
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M CPU_S=%U+%S', process.execPath, CLI, ...c.args], { encoding: 'utf8', timeout: LIMIT_MS * 2, maxBuffer: 64 * 1024 * 1024 });
  const ms = Date.now() - t0;
  const rss = Number(/PEAK_RSS_KB=(\d+)/u.exec(r.stderr ?? '')?.[1] ?? NaN);
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/u.exec(r.stderr ?? '');
  const cpuS = Math.round((Number(cpu?.[1] ?? NaN) + Number(cpu?.[2] ?? NaN)) * 10) / 10;
  const stderr = (r.stderr ?? '').replace(/PEAK_RSS_KB=\d+ CPU_S=[\d.+]+\n?/u, '');
  const message = (stderr.trim() || (r.stdout ?? '').trim()).split('\n').slice(0, 2).join(' | ').slice(0, 220);
  const exitOk = r.status === 0 || (r.status === 1 && (!c.names || c.names.test(stderr + r.stdout)));
  const mentioned = !c.mentions || c.mentions.test(`${r.stdout}${stderr}`);
  const secretLeaked = /SECRET/u.test(`${r.stdout}${r.stderr}`);
  const ok = exitOk && mentioned && !secretLeaked && ms <= (c.targetMs ?? LIMIT_MS) && rss <= LIMIT_RSS_KB;
  return { name: c.name, exit: r.status, ms, cpuS, peakRssMb: Math.round(rss / 1024), ok, message };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'adplan-hostile-'));
  try {
    // --only TEXT: the cases whose name holds TEXT (e.g. --only "50 MB" for the reader benchmark;
    // --only "27:" generates only the issue 27 cases).
    const at = process.argv.indexOf('--only');
    const only = at >= 0 ? process.argv[at + 1] : undefined;
    const cases = only?.startsWith('27:') ? await issue27Cases(dir) : await makeCases(dir);
    const results = cases.filter((c) => only === undefined || c.name.includes(only)).map(run);
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ cases: results }, null, 2)}\n`);
    else {
      for (const o of results) {
        process.stdout.write(`${o.ok ? '✓' : '✗'} ${o.name.padEnd(58)} exit ${String(o.exit).padStart(4)} ${String(o.ms).padStart(7)} ms ${String(o.cpuS).padStart(6)} s CPU ${String(o.peakRssMb).padStart(6)} MB  ${o.message}\n`);
      }
    }
    const whole = spawnSync(process.execPath, ['--expose-gc', join(__dirname, 'whole-column.js')], { encoding: 'utf8', timeout: LIMIT_MS * 2 });
    const kpi = JSON.parse(whole.stdout || '{}') as { sameAsTable?: boolean; firstMs?: number; memoisedSameArrayMs?: number; heapMbEvery20Edits?: number[] };
    const heaps = kpi.heapMbEvery20Edits ?? [];
    const flat = heaps.length > 1 && (heaps[heaps.length - 1] ?? 0) - (heaps[0] ?? 0) < 64;
    const kpiOk = kpi.sameAsTable === true && (kpi.firstMs ?? Infinity) <= 2000 && (kpi.memoisedSameArrayMs ?? Infinity) <= 1 && flat;
    process.stdout.write(`${kpiOk ? '✓' : '✗'} KPI over whole columns A:R / A:G: ${whole.stdout.trim() || whole.stderr.trim()}\n`);
    if (results.some((o) => !o.ok) || !kpiOk) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
