/**
 * The batch: discover files, plan each on worker threads (in this thread only when the worker
 * script is not built and jobs is 1: tests from source),
 * keep only each merchant's row, rank and total at the end.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { discoverFiles, type FoundFile } from './discover';
import { groupMerchantFolders } from './merchant-folders';
import { planFile } from './plan-file';
import { listSource, runInWorkers } from './pool';
import { rankRows } from './rank';
import { errorRow } from './row';
import { merchantSeed } from './seed';
import { summarise } from './summary';
import type { SharedAssumptions } from '../data/assumptions';
import type { PlanTask } from './task';
import type { MerchantRow, PortfolioSummary } from './types';
import { AdplanError } from '../model/core';
import { text, type Text } from '../i18n/text';

export interface PortfolioOptions {
  inputs: readonly string[];
  cwd: string;
  scenario?: string;
  runs: number;
  seed: number;
  /** Worker threads planning, held to the cores (cappedJobs). */
  jobs: number;
  horizonDays?: number;
  /** The assumptions table for files that have none (--assumptions FILE). */
  assumptions?: SharedAssumptions;
  /** Absolute paths not to plan as merchants (the --assumptions file when it sits in the folder). */
  exclude?: readonly string[];
  /** Compiled worker script; defaults to worker.js next to this file (dist/node). */
  workerPath?: string;
  /** Called after each merchant with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface PortfolioResult {
  rows: MerchantRow[];
  summary: PortfolioSummary;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** `--jobs` held to the machine's cores (each worker is an isolate with its own heap), with a note when cut. */
export function cappedJobs(asked: number): { jobs: number; note?: Text } {
  const cores = defaultJobs();
  if (asked <= cores) return { jobs: asked };
  return {
    jobs: cores,
    note: text(`--jobs ${asked} is more than this machine's ${cores} core(s): using ${cores}.`, `--jobs ${asked} 超过本机的 ${cores} 个 CPU 核：改用 ${cores}。`),
  };
}

export function defaultWorkerPath(): string {
  return join(__dirname, 'worker.js');
}

function taskOf(f: FoundFile, o: PortfolioOptions): PlanTask {
  return {
    path: f.path,
    ...(f.rawPath ? { rawPath: f.rawPath } : {}),
    display: f.display,
    ...(f.identity ? { identity: f.identity } : {}),
    ...(f.members ? { members: f.members.map((m) => ({ path: m.path, display: m.display, ...(m.rawPath ? { rawPath: m.rawPath } : {}), ...(m.identity ? { identity: m.identity } : {}) })) } : {}),
    seed: merchantSeed(o.seed, f.key),
    runs: o.runs,
    ...(o.scenario !== undefined ? { scenario: o.scenario } : {}),
    ...(o.horizonDays !== undefined ? { horizonDays: o.horizonDays } : {}),
    ...(o.assumptions !== undefined ? { assumptions: o.assumptions } : {}),
  };
}

export async function runPortfolio(o: PortfolioOptions): Promise<PortfolioResult> {
  const skip = new Set(o.exclude ?? []);
  const found = await groupMerchantFolders((await discoverFiles(o.inputs, o.cwd)).filter((f) => !skip.has(f.path)));
  const rows: MerchantRow[] = [];
  const total = found.length;
  const take = (row: MerchantRow): void => {
    rows.push(row);
    o.onProgress?.(rows.length, total);
  };
  const tasks: PlanTask[] = [];
  for (const f of found) {
    if (f.error) take(errorRow(f.display, new AdplanError('input', f.error)));
    else tasks.push(taskOf(f, o));
  }
  const pull = listSource(tasks);
  const inThisThread = async (): Promise<void> => {
    for (let t = pull(); t !== undefined; t = pull()) take(await planFile(t));
  };
  // Plans run on worker threads whenever the worker script is there: a file that still exhausts a
  // worker's heap or aborts it costs that merchant's row, never this thread and the batch.
  const workerPath = o.workerPath ?? defaultWorkerPath();
  const jobs = cappedJobs(o.jobs).jobs;
  const workers = Math.min(jobs, tasks.length);
  if (tasks.length === 0 || (jobs === 1 && !existsSync(workerPath))) {
    await inThisThread();
  } else {
    if (!existsSync(workerPath)) {
      throw new AdplanError(
        'input',
        text(
          `Worker script ${workerPath} not found: build the CLI (npm run build:node) or use --jobs 1.`,
          `找不到工作线程脚本 ${workerPath}：请先构建 CLI（npm run build:node）或使用 --jobs 1。`,
        ),
      );
    }
    await runInWorkers(pull, { workers, workerPath }, take);
  }
  // Summed in rank order, not arrival order, so float totals do not depend on --jobs.
  const ranked = rankRows(rows);
  return { rows: ranked, summary: summarise(ranked) };
}
