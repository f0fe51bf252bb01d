/**
 * Node edge: plan tasks on worker threads. Tasks are pulled from a shared source (the main
 * thread may pull from it too), each worker holding at most `inFlight` tasks at a time (bounded
 * memory; the second one hides file-read latency). Rows stream back through `onRow` in
 * completion order; callers sort. A worker that dies is replaced: the task it held alone becomes
 * an error row; tasks it held together are retried one at a time, so only the culprit fails and
 * one pathological file cannot stop the batch.
 */
import { Worker } from 'node:worker_threads';
import { text } from '../i18n/text';
import { AdplanError } from '../model/core';
import { errorRow } from './row';
import type { PlanTask } from './task';
import type { MerchantRow } from './types';
import type { TaskMessage } from './worker';

/** Old-generation heap of one worker; the reader's limits keep a valid file far below it. */
export const WORKER_HEAP_MB = 768;

export interface PoolOptions {
  workers: number;
  /** Compiled worker script (worker.js). */
  workerPath: string;
  /** Tasks sent ahead to one worker (default 2). */
  inFlight?: number;
  /** Old-generation heap of one worker in MB (default WORKER_HEAP_MB; tests use a small one). */
  heapMb?: number;
}

/** Next task to plan, or undefined when there is none left. */
export type TaskSource = () => PlanTask | undefined;

export function listSource(tasks: readonly PlanTask[]): TaskSource {
  let i = 0;
  return () => tasks[i++];
}

interface Slot {
  worker: Worker;
  pending: Map<number, PlanTask>;
}

export function runInWorkers(pull: TaskSource, opts: PoolOptions, onRow: (row: MerchantRow) => void): Promise<void> {
  const cap = Math.max(1, opts.inFlight ?? 2);
  const heapMb = opts.heapMb ?? WORKER_HEAP_MB;
  let ids = 0;
  let exhausted = false;
  /** Tasks whose worker died while they shared it: each is retried alone. */
  const retry: PlanTask[] = [];
  const slots = new Set<Slot>();

  return new Promise<void>((resolveAll) => {
    const finish = (): void => {
      if (!exhausted || retry.length > 0 || [...slots].some((s) => s.pending.size > 0)) return;
      for (const s of slots) void s.worker.terminate();
      slots.clear();
      resolveAll();
    };
    const send = (slot: Slot, task: PlanTask): void => {
      const id = ids++;
      slot.pending.set(id, task);
      const msg: TaskMessage = { id, task };
      slot.worker.postMessage(msg);
    };
    const feed = (slot: Slot): void => {
      if (retry.length > 0) {
        // Retries go alone to an idle worker; new work waits until they are through.
        if (slot.pending.size === 0) send(slot, retry.shift() as PlanTask);
        return;
      }
      while (!exhausted && slot.pending.size < cap) {
        const task = pull();
        if (task === undefined) exhausted = true;
        else send(slot, task);
      }
    };
    const crashed = (slot: Slot, why: string): void => {
      if (!slots.delete(slot)) return;
      void slot.worker.terminate();
      const held = [...slot.pending.values()];
      slot.pending.clear();
      if (held.length > 1) retry.push(...held);
      for (const task of held.length === 1 ? held : []) {
        onRow(
          errorRow(
            task.display,
            new AdplanError('input', text(`${task.display}: planning stopped (${why})`, `${task.display}：计划中断（${why}）`)),
          ),
        );
      }
      if (!exhausted || retry.length > 0) start();
      finish();
    };
    const start = (): void => {
      // A heap cap per worker: a file that still exhausts memory kills its worker (an error row), not the batch.
      const worker = new Worker(opts.workerPath, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
      const slot: Slot = { worker, pending: new Map() };
      slots.add(slot);
      slot.worker.on('message', (msg: { id: number; row: MerchantRow }) => {
        if (!slot.pending.delete(msg.id)) return;
        onRow(msg.row);
        for (const s of slots) feed(s);
        finish();
      });
      slot.worker.on('error', (e: Error) => {
        const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        crashed(slot, oom ? `the file needed more than the ${heapMb} MB of memory one merchant may use; the other merchants are planned` : e.message);
      });
      slot.worker.on('exit', (code) => {
        if (slot.pending.size > 0) crashed(slot, `worker exited with code ${code}`);
      });
      feed(slot);
    };
    for (let i = 0; i < Math.max(1, opts.workers); i++) start();
    // Nothing to do at all: the first feed found the source empty.
    finish();
  });
}
