/**
 * Worker-thread entry (compiled to dist/node/src/portfolio/worker.js): plans the tasks it is
 * sent, one reply per task with the row only, so the main thread never holds a PlanReport.
 */
import { parentPort } from 'node:worker_threads';
import { planFile } from './plan-file';
import type { PlanTask } from './task';

export interface TaskMessage {
  id: number;
  task: PlanTask;
}

const port = parentPort;
if (port) {
  port.on('message', (msg: TaskMessage) => {
    // planFile never rejects: every failure is already an error row.
    void planFile(msg.task).then((row) => port.postMessage({ id: msg.id, row }));
  });
}
