/**
 * Finding the inputs in a workbook: the history table (named range, then the active sheet, then
 * any sheet whose headers match) and the assumptions table (named range, then any sheet whose
 * first column holds assumption keys).
 */
import { detectHeader } from '../../data/headers';
import type { RangeValues, WorkbookGateway } from '../gateway/types';
import { ASSUMPTIONS_NAME, HISTORY_NAME } from '../gateway/types';
import { parseAssumptionsTable, type AssumptionsTable } from './assumptionsTable';

export type HistoryOrigin = 'named' | 'active' | 'sheet' | 'selection';

export interface FoundHistory {
  how: HistoryOrigin;
  range: RangeValues;
}

/** True when the block's headers name the required fields (the reader's own detection). */
export function looksLikeHistory(values: RangeValues['values']): boolean {
  try {
    detectHeader(values);
    return true;
  } catch {
    // Not a history table: the caller moves on to the next candidate.
    return false;
  }
}

export async function findHistory(gw: WorkbookGateway, skipSheets: readonly string[] = []): Promise<FoundHistory | null> {
  const named = await gw.readNamed(HISTORY_NAME);
  if (named) return { how: 'named', range: named };
  const skip = new Set(skipSheets.map((s) => s.toLowerCase()));
  const active = await gw.activeSheet();
  if (active && !skip.has(active.toLowerCase())) {
    const used = await gw.readUsedRange(active);
    if (used && looksLikeHistory(used.values)) return { how: 'active', range: used };
  }
  const sheets = await gw.listSheets();
  for (const s of sheets) {
    if (s.name === active || skip.has(s.name.toLowerCase()) || !s.top || !looksLikeHistory(s.top.values)) continue;
    const used = await gw.readUsedRange(s.name);
    if (used) return { how: 'sheet', range: used };
  }
  return null;
}

export async function findAssumptions(gw: WorkbookGateway): Promise<AssumptionsTable | null> {
  const named = await gw.readNamed(ASSUMPTIONS_NAME);
  if (named) return parseAssumptionsTable(named);
  const sheets = await gw.listSheets();
  for (const s of sheets) {
    if (!s.top || !s.top.values.some((r) => typeof r[0] === 'string')) continue;
    const used = await gw.readUsedRange(s.name);
    const table = used ? parseAssumptionsTable(used) : null;
    if (table) return table;
  }
  return null;
}
