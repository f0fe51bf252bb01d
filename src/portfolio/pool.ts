/**
 * Node edge: plan tasks on `jobs` worker threads. Each worker has at most `inFlight` tasks at a
 * time (bounded memory; the second one hides file-read latency). Rows stream back through
 * `onRow` in completion order; callers sort. A worker that dies turns its in-flight tasks into
 * error rows and is replaced, so one pathological file cannot stop the batch.
 */
import { Worker } from 'node:worker_threads';
import { text } from '../i18n/text';
import { AdplanError } from '../model/errors';
import { errorRow } from './row';
import type { PlanTask } from './task';
import type { MerchantRow } from './types';
import type { TaskMessage } from './worker';

export interface PoolOptions {
  jobs: number;
  /** Compiled worker script (worker.js). */
  workerPath: string;
  /** Tasks sent ahead to one worker (default 2). */
  inFlight?: number;
}

interface Slot {
  worker: Worker;
  pending: Map<number, PlanTask>;
}

export function runInWorkers(tasks: readonly PlanTask[], opts: PoolOptions, onRow: (row: MerchantRow) => void): Promise<void> {
  const cap = Math.max(1, opts.inFlight ?? 2);
  const count = Math.max(1, Math.min(opts.jobs, tasks.length));
  let next = 0;
  let done = 0;
  const slots = new Set<Slot>();

  return new Promise<void>((resolveAll) => {
    if (tasks.length === 0) {
      resolveAll();
      return;
    }
    const finish = (): void => {
      if (done < tasks.length) return;
      for (const s of slots) void s.worker.terminate();
      slots.clear();
      resolveAll();
    };
    const feed = (slot: Slot): void => {
      while (slot.pending.size < cap && next < tasks.length) {
        const id = next++;
        const task = tasks[id] as PlanTask;
        slot.pending.set(id, task);
        const msg: TaskMessage = { id, task };
        slot.worker.postMessage(msg);
      }
    };
    const crashed = (slot: Slot, why: string): void => {
      if (!slots.delete(slot)) return;
      void slot.worker.terminate();
      for (const task of slot.pending.values()) {
        done++;
        onRow(
          errorRow(
            task.display,
            new AdplanError('input', text(`${task.display}: planning stopped (${why})`, `${task.display}：计划中断（${why}）`)),
          ),
        );
      }
      slot.pending.clear();
      if (next < tasks.length) start();
      finish();
    };
    const start = (): void => {
      const slot: Slot = { worker: new Worker(opts.workerPath), pending: new Map() };
      slots.add(slot);
      slot.worker.on('message', (msg: { id: number; row: MerchantRow }) => {
        if (!slot.pending.delete(msg.id)) return;
        done++;
        onRow(msg.row);
        feed(slot);
        finish();
      });
      slot.worker.on('error', (e: Error) => crashed(slot, e.message));
      slot.worker.on('exit', (code) => {
        if (slot.pending.size > 0) crashed(slot, `worker exited with code ${code}`);
      });
      feed(slot);
    };
    for (let i = 0; i < count; i++) start();
  });
}
