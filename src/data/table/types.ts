import type { Text } from '../../i18n/text';
import type { History } from '../../model/core';
import type { Scenario } from '../../model/settings';

export type { Cell } from '../formats';
export type { RangeOrigin } from '../formats';

/** The history fields of docs/data.md. */
export type HistoryField =
  | 'date'
  | 'views'
  | 'organic_views'
  | 'paid_views'
  | 'orders'
  | 'gmv'
  | 'refund_amount'
  | 'spend'
  | 'paid_gmv'
  | 'paid_orders'
  | 'buyers'
  | 'impressions'
  | 'clicks'
  | 'net_gmv'
  | 'refund_1h_rate'
  | 'attributed_paid_gmv'
  | 'grant_spend';

/**
 * One finding about the input. `error` means the row (or the value) was not used;
 * `warning` means it was used but deserves a look; `info` reports a default applied.
 */
export interface DataIssue {
  severity: 'error' | 'warning' | 'info';
  /** Sheet name when known (files, task pane); undefined for a bare range. */
  sheet?: string;
  /** 1-based sheet row number as Excel shows it; undefined for table-level issues. */
  row?: number;
  /** Column header as found in the sheet (or the assumption key / scenario name). */
  column?: string;
  /** The raw cell value, as text: at most 80 characters, control characters escaped (docs/data.md "Limits"). */
  value?: string;
  /** A1-style address when the position is known, e.g. "C7". */
  address?: string;
  message: Text;
  /**
   * Set on the one line that stands for the issues of its severity past the listed ones
   * (LIMITS.issuesListed): how many it stands for. Counts of issues add this, not 1.
   */
  more?: number;
}

export interface HistoryTotals {
  gmv: number;
  orders: number;
  spend: number;
  /** null when no source has a paid measure (全域-only data): never 0 for "unknown". */
  paidGmv: number | null;
  refundAmount: number;
  views: number;
}

export interface HistoryReadResult {
  history: History;
  /** field ← header as found in the sheet. */
  fields: Partial<Record<HistoryField, string>>;
  /** Sheet row (1-based) of the header row. */
  headerRow: number;
  issues: DataIssue[];
  /** Rows read, rows skipped (errors), totals over valid days. */
  rowsRead: number;
  rowsSkipped: number;
  totals: HistoryTotals;
  /** The export family recognised from the headers (families.ts); absent for a plain table. */
  family?: FamilyId;
  /** The shop / 抖音号 named in the export (merchant-name.ts); absent when it has no such column. */
  merchantName?: string;
}

export interface AssumptionsReadResult {
  /** One per value column, in sheet order; blanks already inherit from the first column. */
  scenarios: Scenario[];
  issues: DataIssue[];
}

/** The export families the reader recognises (families/families.ts holds their rules). */
export type FamilyId =
  | 'compass_deal'
  | 'compass_live_sessions'
  | 'compass_overview'
  | 'compass_self_service'
  | 'qianchuan_uni_live'
  | 'qianchuan_uni_dimension'
  | 'qianchuan_standard'
  | 'baiying_session'
  | 'compass_traffic_sources'
  | 'compass_short_video'
  | 'generic';
