/**
 * KPI over whole-column ranges (issue 16 item 5): KPI(A:R, A:G) as Excel hands it (1,048,576 rows
 * each), first call, memoised call (same content in a fresh outer array, and the same array), and
 * memory over 100 distinct edits (run with --expose-gc so heap figures are after collection).
 * Prints one JSON object.
 */
import { performance } from 'node:perf_hooks';
import type { Cell } from '../src/data/table';
import { kpi } from '../src/functions/as-called';
import { historyToCompassCells } from '../src/sample/sheet';
import { generateMerchant } from '../src/sample/merchant';
import { sampleAssumptionCells } from '../src/sample/workbook';
import { ensureRuntime } from './functions';

const ROWS = 1_048_576;

/** The table, then blank rows (each its own array, as Excel sends them) down to row 1,048,576. */
function wholeColumns(table: readonly Cell[][], width: number, blanks: readonly Cell[][] | null): Cell[][] {
  const out: Cell[][] = new Array<Cell[]>(ROWS);
  for (let i = 0; i < ROWS; i++) {
    const t = table[i];
    out[i] = t ? Array.from({ length: width }, (_, j) => t[j] ?? null) : (blanks?.[i] ?? new Array<Cell>(width).fill(null));
  }
  return out;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

function main(): void {
  ensureRuntime();
  const history = historyToCompassCells(generateMerchant(1).history, { seed: 1 });
  const assumptions = sampleAssumptionCells();
  const table = kpi(history, assumptions, 'total_profit') as number;
  const h = wholeColumns(history, 18, null);
  const a = wholeColumns(assumptions, 7, null);
  let t = performance.now();
  const first = kpi(h, a, 'total_profit') as number;
  const firstMs = performance.now() - t;
  t = performance.now();
  kpi(h, a, 'total_profit');
  const sameArrayMs = performance.now() - t;
  // Excel's shape: a fresh outer array over the same content.
  const h2 = h.slice();
  const a2 = a.slice();
  t = performance.now();
  kpi(h2, a2, 'total_profit');
  const freshCopyMs = performance.now() - t;
  const heapBefore = heapMb();
  const heaps: number[] = [];
  const gmvCol = 11;
  for (let edit = 1; edit <= 100; edit++) {
    const rows = h.slice();
    const row = (rows[1] as Cell[]).slice();
    row[gmvCol] = (typeof row[gmvCol] === 'number' ? (row[gmvCol] as number) : 1000) + edit / 100;
    rows[1] = row;
    kpi(rows, a.slice(), 'total_profit');
    if (edit % 20 === 0) heaps.push(heapMb());
  }
  process.stdout.write(
    `${JSON.stringify({
      sameAsTable: first === table,
      value: first,
      firstMs: Math.round(firstMs),
      memoisedSameArrayMs: Math.round(sameArrayMs * 1000) / 1000,
      memoisedFreshOuterArrayMs: Math.round(freshCopyMs * 10) / 10,
      heapMbBeforeEdits: heapBefore,
      heapMbEvery20Edits: heaps,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main();
