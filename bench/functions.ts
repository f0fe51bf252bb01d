/**
 * Custom-function latencies (issue 5): a KPI cell over fresh copies of ranges already planned
 * (the memo's path: hundreds of dashboard cells), and SIMULATE on a distinct input (read, fit,
 * plan and 1,000 runs: what a user waits for after editing a cell).
 */
import type { Cell } from '../src/data/table';
import { kpi, simulate } from '../src/functions/as-called';
import { historyToCompassCells } from '../src/sample/sheet';
import { generateMerchant } from '../src/sample/merchant';
import { sampleAssumptionCells } from '../src/sample/workbook';

export interface Timed {
  name: string;
  run: () => unknown;
  runs: number;
  warmup: number;
}

/** Excel's runtime object, for functions that throw errors (none should here). */
export function ensureRuntime(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  class CfError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  g.CustomFunctions = { Error: CfError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' }, associate: () => undefined };
}

export function functionBenchmarks(): Timed[] {
  ensureRuntime();
  const history = historyToCompassCells(generateMerchant(1).history, { seed: 1 });
  const assumptions: Cell[][] = sampleAssumptionCells();
  const copies = Array.from({ length: 500 }, () => ({ h: structuredClone(history), a: structuredClone(assumptions) }));
  let i = 0;
  const metrics = ['total_profit', 'peak_capital', 'payback_day', 'sustainable_spend', 'min_cash'];
  // A distinct history each call: nudge one GMV cell (column 12, 直播间成交金额) by a cent.
  const gmvCol = 11;
  let nudge = 0;
  const distinct = (): Cell[][] => {
    const h = history.map((r) => r.slice());
    const row = h[1]!;
    const g = row[gmvCol];
    row[gmvCol] = (typeof g === 'number' ? g : 1000) + ++nudge / 100;
    return h;
  };
  return [
    {
      name: 'kpi_cell_cached',
      runs: 500,
      warmup: 20,
      run: () => {
        const c = copies[i++ % copies.length]!;
        return kpi(c.h, c.a, metrics[i % metrics.length], null, null);
      },
    },
    { name: 'simulate_cell_1000_distinct', runs: 15, warmup: 3, run: () => simulate(distinct(), assumptions, 'total_profit', 0.1, null, null, null) },
  ];
}
