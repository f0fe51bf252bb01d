import type { DataIssue } from './types';

/** Issues of one severity; the line standing for unlisted ones (LIMITS.issuesListed) counts as the issues it stands for. */
export function countIssues(issues: readonly DataIssue[], severity: DataIssue['severity']): number {
  let n = 0;
  for (const x of issues) if (x.severity === severity) n += x.more ?? 1;
  return n;
}
