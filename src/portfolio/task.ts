import type { SharedAssumptions } from '../data/scenarios-for';

/** One unit of batch work, as posted to a worker (structured-clone friendly). */
export interface PlanTask {
  path: string;
  display: string;
  /** Monte Carlo seed for this merchant (see seed.ts). */
  seed: number;
  runs: number;
  scenario?: string;
  horizonDays?: number;
  /** The table for files without their own (--assumptions FILE). */
  assumptions?: SharedAssumptions;
}
