/**
 * Node edge: plan tasks on `jobs` worker threads. Each worker has at most `inFlight` tasks at a
 * time (bounded memory; the second one hides file-read latency). Rows stream back through
 * `onRow` in completion order; callers sort. A worker that dies is replaced: the task it held
 * alone becomes an error row; tasks it held together are retried one at a time, so only the
 * culprit fails and one pathological file cannot stop the batch.
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
  /** Ids of tasks whose worker died while they shared it: each is retried alone. */
  const retry: number[] = [];
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
    const send = (slot: Slot, id: number): void => {
      const task = tasks[id] as PlanTask;
      slot.pending.set(id, task);
      const msg: TaskMessage = { id, task };
      slot.worker.postMessage(msg);
    };
    const feed = (slot: Slot): void => {
      if (retry.length > 0) {
        // Retries go alone to an idle worker; new work waits until they are through.
        if (slot.pending.size === 0) send(slot, retry.shift() as number);
        return;
      }
      while (slot.pending.size < cap && next < tasks.length) send(slot, next++);
    };
    const crashed = (slot: Slot, why: string): void => {
      if (!slots.delete(slot)) return;
      void slot.worker.terminate();
      const held = [...slot.pending.entries()];
      slot.pending.clear();
      if (held.length > 1) {
        retry.push(...held.map(([id]) => id));
      } else {
        for (const [, task] of held) {
          done++;
          onRow(
            errorRow(
              task.display,
              new AdplanError('input', text(`${task.display}: planning stopped (${why})`, `${task.display}：计划中断（${why}）`)),
            ),
          );
        }
      }
      if (next < tasks.length || retry.length > 0) start();
      finish();
    };
    const start = (): void => {
      const slot: Slot = { worker: new Worker(opts.workerPath), pending: new Map() };
      slots.add(slot);
      slot.worker.on('message', (msg: { id: number; row: MerchantRow }) => {
        if (!slot.pending.delete(msg.id)) return;
        done++;
        onRow(msg.row);
        for (const s of slots) feed(s);
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
