/**
 * The exports without orders that the history reader hands to their own readers (traffic
 * sources, short videos), found by the header row among the first rows.
 */
import type { RowSource } from '../formats';
import type { Cell, RangeOrigin } from '../table';
import type { SideReadResult } from './side-table';
import { isShortVideo, readShortVideo } from './short-video';
import { isTrafficSources, readTrafficSources } from './traffic-sources';

export type SideFamily = 'compass_traffic_sources' | 'compass_short_video';

export function sideFamilyOf(head: readonly (readonly Cell[])[]): SideFamily | null {
  for (const row of head) {
    if (isTrafficSources(row)) return 'compass_traffic_sources';
    if (isShortVideo(row)) return 'compass_short_video';
  }
  return null;
}

/** The side family's read, or null when the table is not one. */
export function readSideFamily(rows: RowSource, head: readonly (readonly Cell[])[], origin: RangeOrigin = {}): SideReadResult | null {
  const f = sideFamilyOf(head);
  if (f === 'compass_traffic_sources') return readTrafficSources(rows, head, origin);
  if (f === 'compass_short_video') return readShortVideo(rows, head, origin);
  return null;
}
