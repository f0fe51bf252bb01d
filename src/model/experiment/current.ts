/** Where the room stands before a test: recent spend and GMV, the target and its basis. */
import type { History } from '../core';
import type { TargetBasis } from './schedule';

/** Days the current level is averaged over. */
export const CURRENT_DAYS = 14;

export interface CurrentLevel {
  spend: number;
  gmv: number;
  /** The ROI target in force: the target log's last, else the room's ROI on the basis. */
  target: number;
  basis: TargetBasis;
  targetSource: 'log' | 'observed';
}

export function currentLevel(history: History): CurrentLevel | null {
  const tail = history.days.slice(-CURRENT_DAYS).filter((d) => d.spend > 0 && d.gmv > 0);
  if (tail.length === 0) return null;
  const spend = tail.reduce((s, d) => s + d.spend, 0) / tail.length;
  const gmv = tail.reduce((s, d) => s + d.gmv, 0) / tail.length;
  const log = history.targetLog;
  const lastSet = log && log.length > 0 ? log[log.length - 1]! : null;
  if (lastSet) return { spend, gmv, target: lastSet.target, basis: lastSet.basis, targetSource: 'log' };
  // 净成交ROI is the platform's default basis where 净成交 is exported.
  const net = tail.every((d) => d.netGmv !== undefined && d.netGmv !== null);
  const num = tail.reduce((s, d) => s + (net ? (d.netGmv ?? 0) : d.gmv), 0) / tail.length;
  return { spend, gmv, target: num / spend, basis: net ? 'net' : 'pay', targetSource: 'observed' };
}
