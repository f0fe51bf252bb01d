/**
 * The reader on large exports (issue #12: a 50 MB 罗盘 export read in ≤ 10 s with flat memory).
 * Two shapes, each at about 10, 50 and 95 MB (the file limit is 100 MB), read by the real CLI
 * (`adplan check --json`) in its own process, with peak RSS from /usr/bin/time:
 *  - 千川全域 商品 daily, GB18030: 730 days whatever the size. Flat memory means every size reads
 *    under the same small heap cap (48 MB of old space) with peak RSS within 16 MB of the 10 MB
 *    file's, and the totals are exact. (Uncapped, V8 lets garbage grow before collecting, so peak
 *    RSS also grows; it is reported.)
 *  - 罗盘 直播明细, UTF-8: one row per session, so the days grow with the file; memory may grow
 *    only with the days the read returns (reported per day), not with the rows.
 * `--json` prints the measurements. Needs Linux (/usr/bin/time).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compassSessionsCsv, uniProductsCsv, UNI_PRODUCT_DAYS } from './exports';

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

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.01, Math.abs(b) * 1e-4);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'adplan-reader-'));
  const results: Measured[] = [];
  const verdicts: string[] = [];
  let ok = true;
  try {
    const uni: Measured[] = [];
    const capped: Measured[] = [];
    for (const mb of SIZES) {
      const path = join(dir, `uni-products-${mb}mb.csv`);
      const truth = await uniProductsCsv(path, mb);
      const m = check(path, '千川全域 商品 daily (GB18030)');
      const exact = m.exit === 0 && m.days === UNI_PRODUCT_DAYS && m.rowsRead === truth.rows && close(m.totals.gmv, truth.gmv) && close(m.totals.spend, truth.spend) && m.totals.orders === truth.orders;
      if (!exact) {
        ok = false;
        verdicts.push(`✗ ${m.mb} MB 全域 商品: totals or days wrong (${JSON.stringify({ days: m.days, rows: m.rowsRead, totals: m.totals, truth })})`);
      }
      uni.push(m);
      results.push(m);
      const c = check(path, `same, old space ≤ ${HEAP_CAP_MB} MB`, [`--max-old-space-size=${HEAP_CAP_MB}`]);
      capped.push(c);
      results.push(c);
      rmSync(path);
    }
    const growth = (capped[capped.length - 1]?.peakRssMb ?? NaN) - (capped[0]?.peakRssMb ?? NaN);
    const flat = capped.every((c) => c.exit === 0) && growth <= 16;
    ok &&= flat;
    verdicts.push(
      `${flat ? '✓' : '✗'} flat memory, 全域 商品 daily: every size reads under a ${HEAP_CAP_MB} MB heap, peak RSS ${capped.map((m) => `${m.peakRssMb} MB @ ${m.mb} MB`).join(', ')} (growth ${growth} MB ≤ 16); uncapped ${uni.map((m) => `${m.peakRssMb}`).join(' / ')} MB (V8 collects later when it may)`,
    );

    const sessions: Measured[] = [];
    for (const mb of SIZES) {
      const path = join(dir, `compass-sessions-${mb}mb.csv`);
      await compassSessionsCsv(path, mb);
      const m = check(path, '罗盘 直播明细 (UTF-8)');
      if (m.exit !== 0) ok = false;
      sessions.push(m);
      results.push(m);
      rmSync(path);
    }
    const first = sessions[0] as Measured;
    const last = sessions[sessions.length - 1] as Measured;
    const perDay = ((last.peakRssMb - first.peakRssMb) * 1024 * 1024) / Math.max(1, last.days - first.days);
    const perRow = ((last.peakRssMb - first.peakRssMb) * 1024 * 1024) / Math.max(1, last.rowsRead - first.rowsRead);
    verdicts.push(`  罗盘 直播明细: peak RSS ${sessions.map((m) => `${m.peakRssMb} MB @ ${m.mb} MB (${m.days} days)`).join(', ')}: ${Math.round(perDay)} bytes per day returned (${Math.round(perRow)} per row)`);
    const fifty = [uni[1], sessions[1]].filter((m): m is Measured => m !== undefined); // the ~50 MB file of each shape
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
