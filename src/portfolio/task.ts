import type { FileIdentity } from '../data/node';
import type { SharedAssumptions } from '../data/assumptions';

/** One unit of batch work, as posted to a worker (structured-clone friendly). */
export interface PlanTask {
  path: string;
  /** The path's bytes when it is not valid UTF-8 (a GBK file name copied from Windows). */
  rawPath?: Uint8Array;
  display: string;
  /** The file found (opened by it and read only if it is still that file). */
  identity?: FileIdentity;
  /** Monte Carlo seed for this merchant (see seed.ts). */
  seed: number;
  runs: number;
  scenario?: string;
  horizonDays?: number;
  /** A merchant folder: its files, read together and joined on the date (path is the folder). */
  members?: { path: string; rawPath?: Uint8Array; display: string; identity?: FileIdentity }[];
  /** The table for files without their own (--assumptions FILE). */
  assumptions?: SharedAssumptions;
}
