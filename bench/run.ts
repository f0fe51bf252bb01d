/**
 * `npm run bench`: engine and reader timings on this machine. Warm up, repeat, report medians.
 * `npm run bench -- --json` prints exactly { "results": [ { "name", "medianMs", "runs" } ] }.
 */
import { performance } from 'node:perf_hooks';
import { readHistory } from '../src/data';
import { fitCurve } from '../src/model/fit';
import { analyse, planScenario, simulationContext } from '../src/model/engine';
import { simulate } from '../src/model/simulate';
import { fitRoom } from '../src/model/fit';
import { targetsFor } from '../src/model/plan';
import { generateMerchant } from '../src/sample/merchant';
import { generateRoomMerchant } from '../src/sample/room-merchant';
import { generateHardRoom } from '../src/sample/hard-room';
import { makeDailyCells } from '../src/sample/sheet';
import { functionBenchmarks } from './functions';
import { referenceKernel } from './reference-kernel';
import { reviewBenchmarks, REVIEW_TARGET_MS } from './review';

interface Result {
  name: string;
  medianMs: number;
  runs: number;
}

/** Targets from issue 4 (ms); the simulation's target is a ratio to the reference kernel. */
const TARGETS: Record<string, number> = { plan_365: 2, fit_hill_365: 10, fit_room_365: 20, fit_room_365_events: 20, read_365: 5, kpi_cell_cached: 1, simulate_cell_1000_distinct: 50, targets_365: 50 };

let sink = 0;

function measure(name: string, runs: number, warmup: number, f: () => unknown): Result {
  for (let i = 0; i < warmup; i++) sink += f() ? 1 : 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink += f() ? 1 : 0;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const medianMs = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { name, medianMs: Math.round(medianMs * 1000) / 1000, runs };
}

const BASE = { name: 'Base', values: { cogs_rate: 0.4, cash_available: 200000, shipping_per_order: 6, return_shipping: 6 } };

function run(): Result[] {
  const sample = analyse(generateMerchant(1).history);
  const long = generateMerchant(2, { days: 365, spend: { pattern: 'sweep', startDay: 0, lowMultiple: 0.25, highMultiple: 4, stepSd: 0.15, pauseProbability: 0 } });
  const paid = long.history.days.filter((d) => d.spend > 0);
  const spend = paid.map((d) => d.spend);
  const gmv = paid.map((d) => d.paidGmv ?? 0);
  const ctx = simulationContext(planScenario(sample, BASE, 90));
  const cells = makeDailyCells(365);
  const room = generateRoomMerchant(3, { days: 365, preAdDays: 14, lowMultiple: 0.3, highMultiple: 2.4 }).history;
  // The target table of a 365-day 全域 history over a 365-day plan (the plan itself is not timed).
  const roomAnalysis = analyse(room);
  const roomPlan = planScenario(roomAnalysis, { name: 'Base', values: { ...BASE.values, refund_rate: 0.25 } }, 365);
  // 365 days holding 618 and 双11 (all phases), the 春节 pause, stock-outs and a target log.
  const eventRoom = generateHardRoom(3, { days: 365, startDate: '2025-01-01', coupling: 0.5 }).history;

  return [
    measure('plan_365', 200, 50, () => planScenario(sample, BASE, 365)),
    measure('fit_hill_365', 100, 20, () => fitCurve(spend, gmv, 'hill')),
    measure('fit_room_365', 50, 10, () => fitRoom(room)),
    measure('targets_365', 50, 10, () => targetsFor(roomPlan, roomAnalysis)),
    measure('fit_room_365_events', 50, 10, () => fitRoom(eventRoom)),
    measure('simulate_10k_x_90', 9, 2, () => simulate(ctx, 10_000, 1)),
    measure('reference_kernel_10k_x_90', 9, 2, () => referenceKernel(ctx, 10_000, 1)),
    measure('read_365', 100, 20, () => readHistory(cells)),
    ...functionBenchmarks().map((b) => measure(b.name, b.runs, b.warmup, b.run)),
    ...reviewBenchmarks().map((b) => measure(b.name, b.runs, b.warmup, b.run)),
  ];
}

function human(results: Result[]): string {
  const rows = results.map((r) => {
    const target = TARGETS[r.name];
    const verdict = target === undefined ? '' : r.medianMs <= target ? `≤ ${target} ms ✓` : `> ${target} ms ✗`;
    return `${r.name.padEnd(28)}${r.medianMs.toFixed(3).padStart(10)} ms  ${String(r.runs).padStart(5)} runs  ${verdict}`;
  });
  const sim = results.find((r) => r.name === 'simulate_10k_x_90');
  const ref = results.find((r) => r.name === 'reference_kernel_10k_x_90');
  if (sim && ref && ref.medianMs > 0) {
    const ratio = sim.medianMs / ref.medianMs;
    rows.push('', `simulate / reference kernel: ${ratio.toFixed(2)}× (target ≤ 3×) ${ratio <= 3 ? '✓' : '✗'}`);
  }
  const bt = results.find((r) => r.name === 'backtest_90');
  const rv = results.find((r) => r.name === 'review_90');
  if (bt && rv) {
    const both = bt.medianMs + rv.medianMs;
    rows.push(`backtest_90 + review_90: ${both.toFixed(1)} ms (target ≤ ${REVIEW_TARGET_MS} ms) ${both <= REVIEW_TARGET_MS ? '✓' : '✗'}`);
  }
  return `${'benchmark'.padEnd(28)}${'median'.padStart(13)}  ${'runs'.padStart(10)}\n${rows.join('\n')}\n`;
}

const results = run();
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ results })}\n`);
} else {
  process.stdout.write(human(results));
}
if (!Number.isFinite(sink)) process.exitCode = 1;
