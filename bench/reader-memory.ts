/**
 * The reader on large exports (issue #12: a 50 MB 罗盘 export read in ≤ 10 s with flat memory).
 * Three shapes, each at about 10, 50 and 95 MB (the file limit is 100 MB), read by the real CLI
 * (`adplan check --json`) in its own process, with peak RSS from /usr/bin/time:
 *  - 千川全域 商品 daily, GB18030: 730 days whatever the size. Flat memory means every size reads
 *    under the same small heap cap (48 MB of old space) with peak RSS within 16 MB of the 10 MB
 *    file's, and the totals are exact. (Uncapped, V8 lets garbage grow before collecting, so peak
 *    RSS also grows; it is reported.)
 *  - 罗盘 直播明细, UTF-8: one row per session, so the days grow with the file; memory may grow
 *    only with the days the read returns (reported per day), not with the rows.
 *  - 罗盘 成交分析 .xlsx (日期 × 载体类型 × 投放时段, 12 rows a day, shared strings, as the export
 *    is): streamed from the zip (xlsx-stream.ts). The days grow with the file, so the check's RSS
 *    is reported per day returned; the reader alone (a process that only walks the rows, the
 *    file read piece by piece) must hold no more at 96 MB than at 10 MB (within 32 MB).
 * `--json` prints the measurements. Needs Linux (/usr/bin/time).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compassDealXlsx, compassSessionsCsv, uniProductsCsv, UNI_PRODUCT_DAYS } from './exports';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'adplan.js');
const SIZES = [10, 50, 95];

interface Measured {
  shape: string;
  mb: number;
  ms: number;
  peakRssMb: number;
  days: number;
  rowsRead: number;
  totals: { gmv: number; spend: number; orders: number };
  exit: number | null;
}

/** V8 lets garbage pile up before collecting, so peak RSS overstates what a read needs; a run under this old-space cap shows the live memory. */
const HEAP_CAP_MB = 48;

function check(path: string, shape: string, node: string[] = []): Measured {
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', process.execPath, ...node, CLI, 'check', path, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Date.now() - t0;
  const rss = Number(/PEAK_RSS_KB=(\d+)/u.exec(r.stderr ?? '')?.[1] ?? NaN);
  const out = JSON.parse(r.stdout || '{}') as { days?: number; rowsRead?: number; totals?: Measured['totals'] };
  return {
    shape,
    mb: Math.round(statSync(path).size / 1024 / 1024),
    ms,
    peakRssMb: Math.round(rss / 1024),
    days: out.days ?? 0,
    rowsRead: out.rowsRead ?? 0,
    totals: out.totals ?? { gmv: NaN, spend: NaN, orders: NaN },
    exit: r.status,
  };
}

const OPEN = join(__dirname, '..', 'src', 'data', 'open.js');
const FILE = join(__dirname, '..', 'src', 'data', 'file.js');

/** Peak RSS (MB) of a process that only opens the workbook and walks every row of every sheet: the reader alone. */
function walkOnly(path: string): number {
  const script = `const { openSheets } = require(${JSON.stringify(OPEN)});
    const { openRegularFile } = require(${JSON.stringify(FILE)});
    (async () => {
      const file = await openRegularFile(${JSON.stringify(path)}, 'x.xlsx');
      try {
        const { sheets } = await openSheets(file, 'x.xlsx');
        let n = 0;
        for (const s of sheets) for (const r of s.rows.from(0)) n += r.length;
        process.stdout.write(String(n));
      } finally {
        await file.close();
      }
    })();`;
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', process.execPath, '-e', script], { encoding: 'utf8' });
  return Math.round(Number(/PEAK_RSS_KB=(\d+)/u.exec(r.stderr ?? '')?.[1] ?? NaN) / 1024);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.01, Math.abs(b) * 1e-4);

/** What a correct read finds in a generated file (rows and spend when the generator knows them). */
interface Truth {
  days: number;
  gmv: number;
  orders: number;
  rows?: number;
  spend?: number;
}

/** The check's days and totals equal the generator's; else a verdict line saying what differs. */
function exactly(m: Measured, truth: Truth, verdicts: string[]): boolean {
  const ok =
    m.exit === 0 &&
    m.days === truth.days &&
    (truth.rows === undefined || m.rowsRead === truth.rows) &&
    close(m.totals.gmv, truth.gmv) &&
    (truth.spend === undefined || close(m.totals.spend, truth.spend)) &&
    m.totals.orders === truth.orders;
  if (!ok) verdicts.push(`✗ ${m.mb} MB ${m.shape}: days or totals wrong (${JSON.stringify({ exit: m.exit, days: m.days, rows: m.rowsRead, totals: m.totals, truth })})`);
  return ok;
}

/** The three sizes of one shape: each file written, checked (and measured again by `extra`), removed. */
async function sizes(dir: string, file: { name: string; ext: '.csv' | '.xlsx' }, write: (path: string, mb: number) => Promise<Truth | null>, shape: string, verdicts: string[], extra?: (path: string) => void): Promise<{ runs: Measured[]; exact: boolean }> {
  const runs: Measured[] = [];
  let exact = true;
  for (const mb of SIZES) {
    const path = join(dir, `${file.name}-${mb}mb${file.ext}`);
    const truth = await write(path, mb);
    const m = check(path, shape);
    exact = (truth ? exactly(m, truth, verdicts) : m.exit === 0) && exact;
    runs.push(m);
    extra?.(path);
    rmSync(path);
  }
  return { runs, exact };
}

const rssList = (ms: readonly Measured[]): string => ms.map((m) => `${m.peakRssMb} MB @ ${m.mb} MB${m.days ? ` (${m.days} days)` : ''}`).join(', ');
const perDay = (ms: readonly Measured[]): number => {
  const a = ms[0] as Measured;
  const b = ms[ms.length - 1] as Measured;
  return Math.round(((b.peakRssMb - a.peakRssMb) * 1024 * 1024) / Math.max(1, b.days - a.days));
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'adplan-reader-'));
  const results: Measured[] = [];
  const verdicts: string[] = [];
  let ok = true;
  try {
    const capped: Measured[] = [];
    const uni = await sizes(
      dir,
      { name: 'uni-products', ext: '.csv' },
      async (path, mb) => ({ days: UNI_PRODUCT_DAYS, ...(await uniProductsCsv(path, mb)) }),
      '千川全域 商品 daily (GB18030)',
      verdicts,
      (path) => capped.push(check(path, `same, old space ≤ ${HEAP_CAP_MB} MB`, [`--max-old-space-size=${HEAP_CAP_MB}`])),
    );
    uni.runs.forEach((m, k) => results.push(m, capped[k] as Measured));
    const growth = (capped[capped.length - 1]?.peakRssMb ?? NaN) - (capped[0]?.peakRssMb ?? NaN);
    const flat = capped.every((c) => c.exit === 0) && growth <= 16;
    ok &&= uni.exact && flat;
    verdicts.push(
      `${flat ? '✓' : '✗'} flat memory, 全域 商品 daily: every size reads under a ${HEAP_CAP_MB} MB heap, peak RSS ${rssList(capped)} (growth ${growth} MB ≤ 16); uncapped ${uni.runs.map((m) => `${m.peakRssMb}`).join(' / ')} MB (V8 collects later when it may)`,
    );

    const sessions = await sizes(dir, { name: 'compass-sessions', ext: '.csv' }, async (path, mb) => (await compassSessionsCsv(path, mb), null), '罗盘 直播明细 (UTF-8)', verdicts);
    results.push(...sessions.runs);
    ok &&= sessions.exact;
    verdicts.push(`  罗盘 直播明细: peak RSS ${rssList(sessions.runs)}: ${perDay(sessions.runs)} bytes per day returned`);

    const walked: number[] = [];
    const deal = await sizes(dir, { name: 'compass-deal', ext: '.xlsx' }, compassDealXlsx, '罗盘 成交分析 (.xlsx)', verdicts, (path) => walked.push(walkOnly(path)));
    results.push(...deal.runs);
    ok &&= deal.exact;
    // The file is read piece by piece from disk; the days read are kept (each a day record).
    verdicts.push(`  罗盘 成交分析 .xlsx: peak RSS ${rssList(deal.runs)}: ${perDay(deal.runs)} bytes per day returned`);
    // The reader alone (no history, no days): its memory must not grow with the file.
    const walkGrowth = (walked[walked.length - 1] ?? NaN) - (walked[0] ?? NaN);
    const walkFlat = walkGrowth <= 32;
    ok &&= walkFlat;
    verdicts.push(`${walkFlat ? '✓' : '✗'} flat memory, .xlsx reader alone (file read piece by piece): peak RSS ${walked.map((w, k) => `${w} MB @ ${deal.runs[k]?.mb ?? '?'} MB`).join(', ')} (growth ${walkGrowth} MB ≤ 32)`);

    const fifty = [uni.runs[1], sessions.runs[1], deal.runs[1]].filter((m): m is Measured => m !== undefined); // the ~50 MB file of each shape
    const fast = fifty.every((m) => m.ms <= 10_000);
    ok &&= fast;
    verdicts.push(`${fast ? '✓' : '✗'} 50 MB read: ${fifty.map((m) => `${m.shape} ${m.ms} ms`).join(', ')} (≤ 10 s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ results, verdicts }, null, 2)}\n`);
  else {
    for (const m of results) process.stdout.write(`${m.shape.padEnd(28)} ${String(m.mb).padStart(3)} MB  ${String(m.ms).padStart(6)} ms  ${String(m.peakRssMb).padStart(5)} MB RSS  ${m.days} days, ${m.rowsRead} rows\n`);
    for (const v of verdicts) process.stdout.write(`${v}\n`);
  }
  if (!ok) process.exitCode = 1;
}

void main();
