/**
 * The workbook gateway over Office.js: the only module that touches Excel. Each method is one
 * Excel.run with its loads batched, and one context.sync() per logical step (read names, then
 * write), never one per cell.
 */
import { HEADER_SCAN_ROWS } from '../../data/table';
import { msToSerial } from '../../data/formats';
import { cellCount, LOAD_CELLS } from './bounded';
import { absoluteA1, columnLetters, parseCell, parseRange, quoteSheet, rangeA1 } from './address';
import { officeSupports, RangeReader, toRangeValues, withSheet, type ApiSupport } from './excel-read';
import { uniqueSheetName } from './sheetName';
import {
  isFormulaCell,
  type NewSheet,
  type PrintSetup,
  type RangeValues,
  type SheetLayout,
  type SheetSummary,
  type WorkbookChange,
  type WorkbookGateway,
  type WriteCell,
} from './types';

/** The part of the `Excel` global this gateway uses; tests pass office-addin-mock's object. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Where `listSheets` looks for headers: the rows the reader scans, 100 columns wide. */
const TOP_BLOCK = `A1:CV${HEADER_SCAN_ROWS}`;

/** Office.js wants rectangular arrays of primitives; text that starts with "=" stays text. */
export function toFormulas(cells: WriteCell[][]): (string | number | boolean)[][] {
  const width = cells.reduce((w, r) => Math.max(w, r.length), 1);
  return cells.map((r) => {
    const out: (string | number | boolean)[] = [];
    for (let j = 0; j < width; j++) {
      const c = r[j];
      if (isFormulaCell(c)) out.push(c.formula);
      else if (c === null || c === undefined) out.push('');
      // A real date: Excel's serial number (the sheet's date format shows it as a date).
      else if (c instanceof Date) out.push(Number.isFinite(c.getTime()) ? msToSerial(c.getTime()) : '');
      else if (typeof c === 'string' && c.startsWith('=')) out.push(`'${c}`);
      else out.push(typeof c === 'number' && !Number.isFinite(c) ? '' : c);
    }
    return out;
  });
}

function isItemNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ItemNotFound';
}

export class ExcelGateway implements WorkbookGateway {
  readonly kind = 'excel' as const;
  private readonly listeners = new Set<(c: WorkbookChange) => void>();
  private subscribed: Promise<void> | null = null;

  /** `supports` answers requirement-set questions (ExcelApi 1.9 for special cells); tests pass their own. */
  constructor(
    private readonly excel: ExcelHost,
    private readonly supports: ApiSupport = officeSupports,
  ) {}

  activeSheet(): Promise<string | null> {
    return this.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await ctx.sync();
      return typeof ws.name === 'string' ? ws.name : null;
    });
  }

  listSheets(): Promise<SheetSummary[]> {
    return this.excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      // The used part of a fixed top block: no method is called on a possibly-null object.
      const tops = sheets.items.map((ws) => {
        const top = ws.getRange(TOP_BLOCK).getUsedRangeOrNullObject(true);
        top.load('address,values,valueTypes');
        return { name: ws.name, top };
      });
      await ctx.sync();
      return tops.map(({ name, top }) => ({
        name,
        top: top.isNullObject === true ? null : withSheet(toRangeValues(top), name),
      }));
    });
  }

  /** Read by its data, not its extent: see excel-read.ts. */
  async readUsedRange(sheet: string): Promise<RangeValues | null> {
    try {
      return await this.excel.run((ctx) => new RangeReader(ctx, this.supports).sheet(ctx.workbook.worksheets.getItem(sheet), sheet));
    } catch (e) {
      if (isItemNotFound(e)) return null;
      throw e;
    }
  }

  /** A selection of whole columns (A:R) is read by its used part, not as a million rows. */
  readSelection(): Promise<RangeValues | null> {
    return this.excel.run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load('address');
      await ctx.sync();
      const ref = parseRange(range.address, { wholeLines: true });
      if (!ref?.sheet) return null;
      return new RangeReader(ctx, this.supports).range(ctx.workbook.worksheets.getItem(ref.sheet), range, ref, ref.sheet);
    });
  }

  /**
   * Does the name exist (a missing one is a null object) and what does it point at, then read
   * its range: two syncs for a range of at most LOAD_CELLS cells, as before; a larger one (a
   * name over A:R) is read by its used part.
   */
  readNamed(name: string): Promise<RangeValues | null> {
    return this.excel.run(async (ctx) => {
      const item = ctx.workbook.names.getItemOrNullObject(name);
      item.load('type,value');
      await ctx.sync();
      if (item.isNullObject === true) return null;
      const range = item.getRangeOrNullObject();
      // A range name's value is its address; anything else (a formula, several areas) is looked up.
      const points = item.type === 'Range' && typeof item.value === 'string' && !item.value.includes(',') ? parseRange(item.value, { wholeLines: true }) : null;
      if (points && cellCount(points) <= LOAD_CELLS) {
        range.load('address,values,valueTypes');
        await ctx.sync();
        return range.isNullObject === true ? null : toRangeValues(range);
      }
      range.load('address');
      await ctx.sync();
      const ref = range.isNullObject === true ? null : parseRange(range.address, { wholeLines: true });
      if (!ref?.sheet) return null;
      return new RangeReader(ctx, this.supports).range(ctx.workbook.worksheets.getItem(ref.sheet), range, ref, ref.sheet);
    });
  }

  addSheet(req: NewSheet): Promise<string> {
    return this.excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const name = uniqueSheetName(req.baseName, sheets.items.map((s) => s.name));
      const ws = sheets.add(name);
      const at = parseCell(req.at ?? 'A1') ?? { row: 1, column: 1 };
      if (req.cells.length > 0) {
        const formulas = toFormulas(req.cells);
        ws.getRange(rangeA1(at.row, at.column, formulas.length, formulas[0]?.length ?? 0)).formulas = formulas;
      }
      applyLayout(ws, req);
      if (req.print && this.supports('ExcelApi', '1.9')) applyPrint(ws, req.print);
      for (const spec of req.charts ?? []) {
        const type = spec.type === 'line' ? 'Line' : 'ColumnClustered';
        const chart = ws.charts.add(type, ws.getRange(spec.values), 'Columns');
        chart.title.text = spec.title;
        if (spec.categories) chart.series.getItemAt(0).setXAxisValues(ws.getRange(spec.categories));
        if (spec.secondary && this.supports('ExcelApi', '1.8')) addSecondary(ws, chart, spec.secondary, spec.categories);
        if (spec.to) chart.setPosition(spec.anchor, spec.to);
        else chart.setPosition(spec.anchor);
      }
      if (req.activate) ws.activate();
      await ctx.sync();
      return name;
    });
  }

  writeCells(sheet: string, at: string, cells: WriteCell[][]): Promise<void> {
    return this.excel.run(async (ctx) => {
      const pos = parseCell(at);
      if (!pos) throw new Error(`Not a cell address: ${at}`);
      const formulas = toFormulas(cells);
      const width = formulas[0]?.length;
      if (width === undefined) return; // nothing to write
      const range = ctx.workbook.worksheets.getItem(sheet).getRange(rangeA1(pos.row, pos.column, formulas.length, width));
      range.formulas = formulas;
      await ctx.sync();
    });
  }

  shiftCells(sheet: string, address: string, how: 'insert-right' | 'delete-left'): Promise<void> {
    return this.excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(sheet).getRange(address);
      // String values of Excel.InsertShiftDirection / DeleteShiftDirection (ExcelApi 1.1).
      if (how === 'insert-right') range.insert('Right');
      else range.delete('Left');
      await ctx.sync();
    });
  }

  setName(name: string, sheet: string, address: string): Promise<void> {
    return this.excel.run(async (ctx) => {
      const ref = parseRange(address);
      if (!ref) throw new Error(`Not a range address: ${address}`);
      const item = ctx.workbook.names.getItemOrNullObject(name);
      await ctx.sync();
      const target = `=${quoteSheet(sheet)}!${absoluteA1(ref.row, ref.column, ref.rows, ref.columns)}`;
      if (item.isNullObject === true) ctx.workbook.names.add(name, target);
      else item.formula = target;
      await ctx.sync();
    });
  }

  select(sheet: string, address: string): Promise<void> {
    return this.excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }

  onChange(listener: (change: WorkbookChange) => void): () => void {
    this.listeners.add(listener);
    this.subscribed ??= this.subscribe().catch((e: unknown) => {
      // Worksheet events are ExcelApi 1.9, which the manifest requires; should a host still
      // refuse them, the pane works without live refresh (its Refresh button covers it).
      console.warn('AdPlan: change events unavailable', e);
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  private subscribe(): Promise<void> {
    return this.excel.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => {
        const change = await this.excel.run(async (c) => {
          const ws = c.workbook.worksheets.getItem(e.worksheetId);
          ws.load('name');
          await c.sync();
          return { sheet: ws.name, address: e.address };
        });
        this.listeners.forEach((l) => l(change));
      });
      await ctx.sync();
    });
  }
}

/** The range without its header row (the first). */
function body(a1: string): string {
  const ref = parseRange(a1);
  return ref ? rangeA1(ref.row + 1, ref.column, ref.rows - 1, ref.columns) : a1;
}

/** A line series on the right-hand axis (ExcelApi 1.8: series.add, setValues, axisGroup). */
function addSecondary(ws: Excel.Worksheet, chart: Excel.Chart, s: { name: string; values: string }, categories?: string): void {
  const series = chart.series.add(s.name);
  series.setValues(ws.getRange(body(s.values)));
  if (categories) series.setXAxisValues(ws.getRange(body(categories)));
  series.chartType = 'Line';
  series.axisGroup = 'Secondary';
}

/** A4 landscape, one page wide, title rows repeated (ExcelApi 1.9 pageLayout). */
function applyPrint(ws: Excel.Worksheet, p: PrintSetup): void {
  const page = ws.pageLayout;
  page.orientation = 'Landscape';
  page.paperSize = 'A4';
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.setPrintArea(p.area);
  page.setPrintTitleRows(`$1:$${p.titleRows}`);
}

/** Excel's column width is in points; one character of the default font is about 7 px. */
const POINTS_PER_CHAR = 5.6;

/** Number formats (as full 2-D arrays: every host accepts those), bold headers, frozen rows, widths. */
function applyLayout(ws: Excel.Worksheet, layout: SheetLayout): void {
  for (const f of layout.formats ?? []) {
    const ref = parseRange(f.range);
    if (!ref) continue;
    ws.getRange(f.range).numberFormat = Array.from({ length: ref.rows }, () => Array.from({ length: ref.columns }, () => f.format));
  }
  for (const r of layout.bold ?? []) ws.getRange(r).format.font.bold = true;
  if (layout.freezeRows) ws.freezePanes.freezeRows(layout.freezeRows);
  (layout.widths ?? []).forEach((w, j) => {
    ws.getRange(`${columnLetters(j + 1)}:${columnLetters(j + 1)}`).format.columnWidth = Math.round(w * POINTS_PER_CHAR);
  });
}
