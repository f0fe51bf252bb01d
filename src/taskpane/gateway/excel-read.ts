/**
 * The Excel gateway's reads, bounded by the data. A sheet's used range is only an
 * address: a history in A1:R400 plus one stray cell at ZZ100000 spans 70 million cells, which
 * Office.js would load as one array (minutes, hundreds of MB, or a dead pane). So:
 * 1. the used range's address and the used part of a fixed top block (FAST_BLOCK) come in one
 *    sync; when the two are the same rectangle (nearly every sheet) that block is the answer;
 * 2. a used range of at most LOAD_CELLS cells is loaded as it is;
 * 3. a larger one is read where it holds something: the areas of constants and of formulas
 *    (Range.getSpecialCellsOrNullObject, ExcelApi 1.9), or, on older hosts, the used part of each
 *    block of BLOCK_ROWS rows (and of its column bands when still large); those pieces are loaded in slices of at most LOAD_CELLS cells per
 *    sync and put back into a compact grid (bounded.ts Grid). Nothing is skipped, so a far cell
 *    still reaches the reader with its own address.
 */
import { parseRange, rangeA1, type RangeRef } from './address';
import { BAND_COLUMNS, batches, cellCount, cellOf, checkPieces, columnBands, FAST_BLOCK, Grid, LOAD_CELLS, MAX_AREAS, rowBlocks, rowSlices } from './bounded';
import type { RangeValues } from './types';

export interface LoadedRange {
  address: string;
  values: unknown[][];
  valueTypes?: unknown;
}

/** Whether the host has an API set, e.g. ("ExcelApi", "1.9"); the pane asks Office.context.requirements. */
export type ApiSupport = (set: string, version: string) => boolean;

export const officeSupports: ApiSupport = (set, version) =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(set, version) === true;

/** A loaded range as a block of cells, blanks as null. */
export function toRangeValues(range: LoadedRange): RangeValues | null {
  const ref = parseRange(range.address);
  if (!ref || !Array.isArray(range.values)) return null;
  const types = Array.isArray(range.valueTypes) ? (range.valueTypes as unknown[][]) : null;
  const values = range.values.map((row, i) => row.map((v, j) => cellOf(v, types?.[i]?.[j])));
  return { sheet: ref.sheet ?? '', row: ref.row, column: ref.column, values };
}

/** The used range of a sheet may come back without the sheet prefix. */
export function withSheet(r: RangeValues | null, sheet: string): RangeValues | null {
  return r && !r.sheet ? { ...r, sheet } : r;
}

function sameRect(a: RangeRef | null, b: RangeRef): boolean {
  return a !== null && a.row === b.row && a.column === b.column && a.rows === b.rows && a.columns === b.columns;
}

const isRef = (r: RangeRef | null): r is RangeRef => r !== null;

export class RangeReader {
  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly supports: ApiSupport,
  ) {}

  /** A sheet's used cells; null when the sheet holds no value. One sync for a table inside FAST_BLOCK. */
  async sheet(ws: Excel.Worksheet, sheet: string): Promise<RangeValues | null> {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    // The used part of a fixed block: no method is called on a possibly-null object.
    const fast = ws.getRange(FAST_BLOCK).getUsedRangeOrNullObject(true);
    fast.load('address,values,valueTypes');
    await this.ctx.sync();
    if (used.isNullObject === true) return null;
    const ref = parseRange(used.address);
    if (!ref) return null;
    if (fast.isNullObject !== true && sameRect(parseRange(fast.address), ref)) return withSheet(toRangeValues(fast), sheet);
    return this.used(ws, used, ref, sheet);
  }

  /**
   * A range whose address is loaded: small, its values as they are (empty cells included, as
   * the user selected or named them); large, only its used part, read by its data.
   */
  async range(ws: Excel.Worksheet, range: Excel.Range, ref: RangeRef, sheet: string): Promise<RangeValues | null> {
    if (cellCount(ref) <= LOAD_CELLS) {
      range.load('values,valueTypes');
      await this.ctx.sync();
      return withSheet(toRangeValues({ address: range.address, values: range.values, valueTypes: range.valueTypes }), sheet);
    }
    const used = range.getUsedRangeOrNullObject(true);
    used.load('address');
    await this.ctx.sync();
    if (used.isNullObject === true) return null;
    const usedRef = parseRange(used.address);
    return usedRef ? this.used(ws, used, usedRef, sheet) : null;
  }

  /** A used range (its edges hold values) of known address, read by its data. */
  private async used(ws: Excel.Worksheet, used: Excel.Range, ref: RangeRef, sheet: string): Promise<RangeValues | null> {
    if (cellCount(ref) <= LOAD_CELLS) {
      used.load('values,valueTypes');
      await this.ctx.sync();
      return withSheet(toRangeValues({ address: used.address, values: used.values, valueTypes: used.valueTypes }), sheet);
    }
    const pieces = (await this.areas(used)) ?? (await this.blocks(ws, ref));
    checkPieces(sheet, ref, pieces);
    const grid = new Grid(sheet, ref);
    const slices = pieces.flatMap((p) => rowSlices(p));
    for (const batch of batches(slices)) {
      const loads = batch.map((s) => {
        const r = ws.getRange(rangeA1(s.row, s.column, s.rows, s.columns));
        r.load('values,valueTypes');
        return { s, r };
      });
      await this.ctx.sync();
      for (const { s, r } of loads) grid.add(s, r.values, r.valueTypes);
    }
    return grid.result();
  }

  /** The areas holding constants or formulas (ExcelApi 1.9); null when the host cannot say or they are too many to list. */
  private async areas(used: Excel.Range): Promise<RangeRef[] | null> {
    if (!this.supports('ExcelApi', '1.9') || typeof used.getSpecialCellsOrNullObject !== 'function') return null;
    const sets = (['Constants', 'Formulas'] as const).map((type) => {
      const a = used.getSpecialCellsOrNullObject(type);
      a.load('areaCount');
      return a;
    });
    await this.ctx.sync();
    const found = sets.filter((a) => a.isNullObject !== true);
    let count = 0;
    for (const a of found) count += a.areaCount;
    if (count > MAX_AREAS) return null;
    for (const a of found) a.areas.load('items/address');
    if (found.length > 0) await this.ctx.sync();
    return found.flatMap((a) => a.areas.items.map((r) => parseRange(r.address)).filter(isRef));
  }

  /**
   * Older hosts: the used part of each block of BLOCK_ROWS rows, all asked in one sync; a part
   * still larger than LOAD_CELLS (a value in column A and one in ZZ) is asked again by bands of
   * BAND_COLUMNS columns. Nothing is skipped: every cell that holds a value is in some part.
   */
  private async blocks(ws: Excel.Worksheet, ref: RangeRef): Promise<RangeRef[]> {
    const parts = await this.usedParts(ws, rowBlocks(ref));
    const wide = parts.filter((p) => cellCount(p) > LOAD_CELLS && p.columns > BAND_COLUMNS);
    if (wide.length === 0) return parts;
    const narrow = parts.filter((p) => !wide.includes(p));
    return [...narrow, ...(await this.usedParts(ws, wide.flatMap((p) => columnBands(p))))];
  }

  /** The used part of each range (those holding nothing dropped), in one sync. */
  private async usedParts(ws: Excel.Worksheet, ranges: readonly RangeRef[]): Promise<RangeRef[]> {
    const used = ranges.map((b) => {
      const u = ws.getRange(rangeA1(b.row, b.column, b.rows, b.columns)).getUsedRangeOrNullObject(true);
      u.load('address');
      return u;
    });
    await this.ctx.sync();
    return used.filter((u) => u.isNullObject !== true).map((u) => parseRange(u.address)).filter(isRef);
  }
}
