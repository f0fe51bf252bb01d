/**
 * Which sheets of a workbook are its history, in one place for the CLI's reader (merchant.ts) and
 * the task pane (findData.ts), so both read a workbook's sheets alike. Pure: sheet tops in, sheets
 * out (no file opening here, so the pane's bundle stays free of the file reader).
 */
import { isInputError } from '../../model/core';
import { isAdsExport, recognizeFamily, type FamilyId } from '../families';
import { detectHeader, historyScore, sheetHead, type Cell } from '../table';
import { sideFamilyOf } from '../history';
import type { SheetCells } from '../formats';

/**
 * The sheet that looks most like a history table. Visible sheets come first: a hidden (or
 * veryHidden, invisible even to Excel's Unhide) sheet is used only when no visible sheet
 * has a recognised header, so a stale hidden copy cannot silently win over what the user sees.
 */
export function likeliestHistory(sheets: readonly SheetCells[]): SheetCells {
  // One sheet (a CSV): nothing to score, and its grid is never built.
  if (sheets.length === 1) return sheets[0] as SheetCells;
  const scored = sheets.map((s) => ({ s, score: historyScore(sheetHead(s)), visible: (s.state ?? 'visible') === 'visible' }));
  const anyVisible = scored.some((x) => x.visible && x.score > 0);
  let best = scored[0] as (typeof scored)[number];
  for (const x of scored) {
    if (anyVisible && !x.visible) continue;
    if (x.score > best.score || (anyVisible && !best.visible)) best = x;
  }
  return best.s;
}

/** The header row's family when the sheet is a history table, else null. */
export function familyOfSheet(cells: readonly (readonly Cell[])[]): FamilyId | null {
  // Traffic-source and short-video sheets have no orders: their own family, found before detectHeader.
  const side = sideFamilyOf(cells);
  if (side) return side;
  try {
    const m = detectHeader(cells);
    return recognizeFamily(cells[m.headerIndex] ?? []).id;
  } catch (e) {
    if (!isInputError(e)) throw e;
    // Not a history table (an assumptions or notes sheet): not a source.
    return null;
  }
}

/**
 * The sheets read with the history sheet `main`, in workbook order: the other export-family
 * sheets, and when all of those are 千川 exports (paid-only 标准推广, or 全域 whose 整体成交金额 is
 * 千川's view of the room) the shop's own plain table (a 罗盘 sheet), which the join takes GMV from.
 * The task pane calls this too (with its named or found range as `main`), so both read alike.
 */
export function joinedWith(sheets: readonly SheetCells[], main: SheetCells): SheetCells[] {
  const visible = (s: SheetCells): boolean => (s.state ?? 'visible') === 'visible';
  const family = new Map(sheets.map((s) => [s, familyOfSheet(sheetHead(s))]));
  const joinable = sheets.filter((s) => s !== main && (visible(s) || !visible(main)));
  const more = joinable.filter((s) => (family.get(s) ?? 'generic') !== 'generic');
  if ([main, ...more].every((s) => isAdsExport(family.get(s) ?? familyOfSheet(sheetHead(s)) ?? 'generic'))) {
    // The likeliest plain table without a paid measure (a plan sheet written beside it has one).
    const room = joinable.filter((s) => family.get(s) === 'generic' && !hasPaidGmv(sheetHead(s)));
    if (room.length > 0) more.push(likeliestHistory(room));
  }
  return more.sort((a, b) => sheets.indexOf(a) - sheets.indexOf(b));
}

function hasPaidGmv(cells: readonly (readonly Cell[])[]): boolean {
  const m = detectHeader(cells);
  return m.columns.paid_gmv !== undefined;
}
