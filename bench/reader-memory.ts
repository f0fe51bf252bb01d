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
import { stream } from 'exceljs';
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

/** XML bytes per day of the 罗盘 成交分析 sheet, compressed (measured: ~1.25 KB a day of 12 rows, ~6 KB of XML). */
const DEAL_BYTES_PER_DAY = 1275;
const DEAL_CARRIERS = ['全部', '直播', '商品卡', '短视频'];
const DEAL_SLOTS = ['不限', '全域投放时段', '非投放时段'];

/**
 * A 罗盘 成交分析 .xlsx of about `mb` MB, days from 1900-01-01 on (8-digit text dates, as the
 * export writes them). Returns the day count and the 全部 × 不限 totals a correct reader finds.
 */
async function compassDealXlsx(path: string, mb: number): Promise<{ days: number; gmv: number; orders: number }> {
  const wb = new stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('成交分析');
  ws.addRow(['抖音电商罗盘 · 交易 · 成交分析（分日）']).commit();
  ws.addRow(['日期', '载体类型', '投放时段', '用户支付金额', '成交金额', '净成交金额', '成交订单数', '成交人数', '退款金额(支付时间)', '退款金额(退款时间)', '投放消耗(店铺被投)', '投放消耗(店铺绑定)', '投放贡献成交金额', '7日结算金额']).commit();
  let seed = 4242;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const days = Math.round((mb * 1024 * 1024) / DEAL_BYTES_PER_DAY);
  let gmvCents = 0;
  let orders = 0;
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(1900, 0, 1) + d * 86_400_000).toISOString().slice(0, 10).replace(/-/gu, '');
    for (const carrier of DEAL_CARRIERS) {
      for (const slot of DEAL_SLOTS) {
        const gmv = 100_000 + next(5_000_000);
        const n = 1 + next(400);
        if (carrier === '全部' && slot === '不限') {
          gmvCents += gmv;
          orders += n;
        }
        const spend = next(1_000_000) / 100;
        ws.addRow([date, carrier, slot, (gmv * 1.02) / 100, gmv / 100, (gmv * 0.93) / 100, n, Math.ceil(n * 0.9), next(50_000) / 100, next(50_000) / 100, spend, spend, next(900_000) / 100, (gmv * 0.9) / 100]).commit();
      }
    }
  }
  await wb.commit();
  return { days, gmv: gmvCents / 100, orders };
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
    const deal: Measured[] = [];
    const walked: number[] = [];
    for (const mb of SIZES) {
      const path = join(dir, `compass-deal-${mb}mb.xlsx`);
      const truth = await compassDealXlsx(path, mb);
      const m = check(path, '罗盘 成交分析 (.xlsx)');
      const exact = m.exit === 0 && m.days === truth.days && close(m.totals.gmv, truth.gmv) && m.totals.orders === truth.orders;
      if (!exact) {
        ok = false;
        verdicts.push(`✗ ${m.mb} MB 罗盘 成交分析 .xlsx: totals or days wrong (${JSON.stringify({ exit: m.exit, days: m.days, totals: m.totals, truth })})`);
      }
      deal.push(m);
      walked.push(walkOnly(path));
      results.push(m);
      rmSync(path);
    }
    const d0 = deal[0] as Measured;
    const d1 = deal[deal.length - 1] as Measured;
    // The file is read piece by piece from disk; the days read are kept (each a day record).
    const perDealDay = ((d1.peakRssMb - d0.peakRssMb) * 1024 * 1024) / Math.max(1, d1.days - d0.days);
    verdicts.push(`  罗盘 成交分析 .xlsx: peak RSS ${deal.map((m) => `${m.peakRssMb} MB @ ${m.mb} MB (${m.days} days)`).join(', ')}: ${Math.round(perDealDay)} bytes per day returned`);
    // The reader alone (no history, no days): its memory must not grow with the file.
    const walkGrowth = (walked[walked.length - 1] ?? NaN) - (walked[0] ?? NaN);
    const walkFlat = walkGrowth <= 32;
    ok &&= walkFlat;
    verdicts.push(`${walkFlat ? '✓' : '✗'} flat memory, .xlsx reader alone (file read piece by piece): peak RSS ${walked.map((w, k) => `${w} MB @ ${deal[k]?.mb ?? '?'} MB`).join(', ')} (growth ${walkGrowth} MB ≤ 32)`);
    const fifty = [uni[1], sessions[1], deal[1]].filter((m): m is Measured => m !== undefined); // the ~50 MB file of each shape
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
