/** The pool with stand-in worker scripts: crash recovery and bounded in-flight work. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSource, runInWorkers } from '../../src/portfolio/pool';
import type { PlanTask } from '../../src/portfolio/task';
import type { MerchantRow } from '../../src/portfolio/types';

// Replies with a row naming the task and how many tasks this worker held at once; "crash" kills it.
const WORKER = `
const { parentPort } = require('node:worker_threads');
let held = 0;
parentPort.on('message', (m) => {
  held++;
  if (m.task.display === 'crash') throw new Error('boom');
  const max = held;
  setTimeout(() => {
    held--;
    parentPort.postMessage({ id: m.id, row: { file: m.task.display, status: 'ok', tier: 'scale', reason: { 'en-US': String(max), 'zh-CN': String(max) },
      kpis: null, risk: null, annualReturn: null, currentSpend: null, scenario: null } });
  }, 5);
});
`;

const task = (display: string): PlanTask => ({ path: display, display, seed: 1, runs: 0 });

describe('worker pool', () => {
  let dir: string;
  let script: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-pool-'));
    script = join(dir, 'worker.js');
    writeFileSync(script, WORKER);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns one row per task and never holds more than inFlight tasks per worker', async () => {
    const rows: MerchantRow[] = [];
    const tasks = Array.from({ length: 12 }, (_, i) => task(`m${i}`));
    await runInWorkers(listSource(tasks), { workers: 2, workerPath: script, inFlight: 2 }, (r) => rows.push(r));
    expect(rows.map((r) => r.file).sort()).toEqual(tasks.map((t) => t.display).sort());
    expect(Math.max(...rows.map((r) => Number(r.reason['en-US'])))).toBeLessThanOrEqual(2);
  });

  it('turns a crashed worker into an error row for its task, replaces it and finishes the batch', async () => {
    const rows: MerchantRow[] = [];
    await runInWorkers(listSource([task('a'), task('crash'), task('b'), task('c')]), { workers: 1, workerPath: script, inFlight: 1 }, (r) => rows.push(r));
    expect(rows.map((r) => [r.file, r.status])).toEqual([
      ['a', 'ok'],
      ['crash', 'error'],
      ['b', 'ok'],
      ['c', 'ok'],
    ]);
    expect(rows[1]?.reason['en-US']).toBe('crash: planning stopped (boom)');
    expect(rows[1]?.tier).toBe('data-fix');
  });

  it('retries tasks that shared a dying worker one at a time, so only the culprit fails', async () => {
    const rows: MerchantRow[] = [];
    // inFlight 2: "a" and "crash" are in the worker together when it dies.
    await runInWorkers(listSource([task('a'), task('crash'), task('b'), task('c')]), { workers: 1, workerPath: script, inFlight: 2 }, (r) => rows.push(r));
    expect(rows.map((r) => [r.file, r.status])).toEqual([
      ['a', 'ok'],
      ['crash', 'error'],
      ['b', 'ok'],
      ['c', 'ok'],
    ]);
  });

  it('keeps going with two workers when one dies', async () => {
    const rows: MerchantRow[] = [];
    const tasks = ['m0', 'm1', 'crash', 'm3', 'm4', 'm5', 'm6'].map(task);
    await runInWorkers(listSource(tasks), { workers: 2, workerPath: script, inFlight: 2 }, (r) => rows.push(r));
    expect(rows.filter((r) => r.status === 'error').map((r) => r.file)).toEqual(['crash']);
    expect(rows.map((r) => r.file).sort()).toEqual(tasks.map((t) => t.display).sort());
  });

  it('resolves at once for no tasks', async () => {
    const rows: MerchantRow[] = [];
    await runInWorkers(listSource([]), { workers: 2, workerPath: script }, (r) => rows.push(r));
    expect(rows).toEqual([]);
  });
});
