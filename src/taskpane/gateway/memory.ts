/**
 * A workbook as plain data: sheets of cells, names, a selection. Tests drive the workbench
 * through it, and the browser preview fills it from a file and saves it back.
 */
import { HEADER_SCAN_ROWS } from '../../data/table';
import type { Cell } from '../../data/table';
import { parseCell, parseRange, rangeA1 } from './address';
import { LOAD_CELLS } from './bounded';
import { uniqueSheetName } from './sheetName';
import {
  isFormulaCell,
  type ChartSpec,
  type NewSheet,
  type RangeValues,
  type SheetLayout,
  type SheetSummary,
  type WorkbookChange,
  type WorkbookGateway,
  type WriteCell,
} from './types';

export interface MemorySheet {
  name: string;
  /** Row-major from A1; ragged rows allowed; formulas keep their expected result. */
  cells: WriteCell[][];
  charts: ChartSpec[];
  /** How the sheet was asked to look (sheets the add-in writes); saved with the workbook. */
  layout?: SheetLayout;
}

export interface MemoryName {
  sheet: string;
  /** A1 range, e.g. "A1:K91". */
  address: string;
}

export interface MemoryWorkbookInit {
  sheets: { name: string; cells: WriteCell[][] }[];
  active?: string;
  names?: Record<string, MemoryName>;
}

function isBlank(c: WriteCell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

/** What a cell shows: a formula's expected result, blanks as null. */
function shown(c: WriteCell | undefined): Cell {
  const v = isFormulaCell(c) ? c.result : c;
  return isBlank(v as WriteCell) ? null : (v as Cell);
}

export class MemoryGateway implements WorkbookGateway {
  readonly kind = 'memory' as const;
  readonly sheets: MemorySheet[];
  readonly names: Record<string, MemoryName>;
  active: string | null;
  selection: { sheet: string; address: string } | null = null;
  private readonly listeners = new Set<(c: WorkbookChange) => void>();

  constructor(init: MemoryWorkbookInit) {
    this.sheets = init.sheets.map((s) => ({ name: s.name, cells: s.cells.map((r) => [...r]), charts: [] }));
    this.names = { ...(init.names ?? {}) };
    this.active = init.active ?? this.sheets[0]?.name ?? null;
  }

  sheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The value a cell shows (formula results included), null when blank or absent. */
  cell(sheet: string, a1: string): Cell {
    const pos = parseCell(a1);
    const s = this.sheet(sheet);
    if (!pos || !s) return null;
    return shown(s.cells[pos.row - 1]?.[pos.column - 1]);
  }

  /** What is stored in a cell: a value or a formula. */
  raw(sheet: string, a1: string): WriteCell {
    const pos = parseCell(a1);
    const s = this.sheet(sheet);
    if (!pos || !s) return null;
    return s.cells[pos.row - 1]?.[pos.column - 1] ?? null;
  }

  /** A user's edit (tests, the preview's grid): writes and notifies like Excel would. */
  edit(sheet: string, a1: string, value: WriteCell): void {
    const s = this.requireSheet(sheet);
    const pos = parseCell(a1);
    if (!pos) throw new Error(`Not a cell address: ${a1}`);
    this.put(s, pos.row, pos.column, value);
    this.emit({ sheet: s.name, address: a1 });
  }

  async activeSheet(): Promise<string | null> {
    return this.active;
  }

  async listSheets(): Promise<SheetSummary[]> {
    return this.sheets.map((s) => {
      const used = this.used(s);
      if (!used || used.row > HEADER_SCAN_ROWS) return { name: s.name, top: null };
      return { name: s.name, top: { ...used, values: used.values.slice(0, HEADER_SCAN_ROWS - used.row + 1) } };
    });
  }

  async readUsedRange(sheet: string): Promise<RangeValues | null> {
    const s = this.sheet(sheet);
    return s ? this.used(s) : null;
  }

  async readSelection(): Promise<RangeValues | null> {
    if (!this.selection) return null;
    return this.block(this.selection.sheet, this.selection.address);
  }

  async readNamed(name: string): Promise<RangeValues | null> {
    const ref = this.names[name];
    return ref ? this.block(ref.sheet, ref.address) : null;
  }

  async addSheet(req: NewSheet): Promise<string> {
    const name = uniqueSheetName(req.baseName, this.sheets.map((s) => s.name));
    const sheet: MemorySheet = {
      name,
      cells: [],
      charts: [...(req.charts ?? [])],
      layout: { formats: req.formats, bold: req.bold, freezeRows: req.freezeRows, widths: req.widths, ...(req.print ? { print: req.print } : {}) },
    };
    this.sheets.push(sheet);
    const at = parseCell(req.at ?? 'A1') ?? { row: 1, column: 1 };
    // Spills last: a blank the request holds inside a spill's area (the KPI block's rows pad the
    // plan's columns with nulls) must not blank what the spill shows there, as in Excel.
    const spills: [number, number, WriteCell][] = [];
    req.cells.forEach((r, i) =>
      r.forEach((c, j) => {
        if (isFormulaCell(c) && c.spill) spills.push([at.row + i, at.column + j, c]);
        else this.put(sheet, at.row + i, at.column + j, c);
      }),
    );
    for (const [row, column, c] of spills) this.putWithSpill(sheet, row, column, c);
    if (req.activate) this.active = name;
    this.emit({ sheet: name });
    return name;
  }

  async writeCells(sheet: string, at: string, cells: WriteCell[][]): Promise<void> {
    const s = this.requireSheet(sheet);
    const pos = parseCell(at);
    if (!pos) throw new Error(`Not a cell address: ${at}`);
    cells.forEach((r, i) => r.forEach((c, j) => this.put(s, pos.row + i, pos.column + j, c)));
    const cols = cells.reduce((w, r) => Math.max(w, r.length), 1);
    this.emit({ sheet: s.name, address: rangeA1(pos.row, pos.column, cells.length, cols) });
  }

  async shiftCells(sheet: string, address: string, how: 'insert-right' | 'delete-left'): Promise<void> {
    const s = this.requireSheet(sheet);
    const ref = parseRange(address);
    if (!ref) throw new Error(`Not a range address: ${address}`);
    for (let i = 0; i < ref.rows; i++) {
      const r = s.cells[ref.row - 1 + i];
      if (!r) continue;
      while (r.length < ref.column - 1) r.push(null);
      if (how === 'insert-right') r.splice(ref.column - 1, 0, ...Array.from({ length: ref.columns }, () => null));
      else r.splice(ref.column - 1, ref.columns);
    }
    this.emit({ sheet: s.name, address });
  }

  async setName(name: string, sheet: string, address: string): Promise<void> {
    this.requireSheet(sheet);
    this.names[name] = { sheet, address };
  }

  async select(sheet: string, address: string): Promise<void> {
    const s = this.requireSheet(sheet);
    this.active = s.name;
    this.selection = { sheet: s.name, address };
  }

  onChange(listener: (change: WorkbookChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: WorkbookChange): void {
    this.listeners.forEach((l) => l(change));
  }

  private requireSheet(name: string): MemorySheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  }

  /** A spilling formula's expected array lands around it, as Excel would show it. */
  private putWithSpill(s: MemorySheet, row: number, column: number, value: WriteCell): void {
    if (isFormulaCell(value) && value.spill) {
      value.spill.forEach((r, i) =>
        r.forEach((c, j) => {
          if (i > 0 || j > 0) this.put(s, row + i, column + j, c);
        }),
      );
      this.put(s, row, column, { ...value, result: value.spill[0]?.[0] ?? value.result ?? null });
      return;
    }
    this.put(s, row, column, value);
  }

  private put(s: MemorySheet, row: number, column: number, value: WriteCell): void {
    while (s.cells.length < row) s.cells.push([]);
    const r = s.cells[row - 1];
    if (!r) throw new RangeError(`Row ${row} is not a sheet row`);
    while (r.length < column) r.push(null);
    r[column - 1] = value ?? null;
  }

  private used(s: MemorySheet): RangeValues | null {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    s.cells.forEach((r, i) =>
      r.forEach((c, j) => {
        if (!isFormulaCell(c) && isBlank(c)) return;
        top = Math.min(top, i + 1);
        bottom = Math.max(bottom, i + 1);
        left = Math.min(left, j + 1);
        right = Math.max(right, j + 1);
      }),
    );
    if (bottom === 0) return null;
    const rows = bottom - top + 1;
    const columns = right - left + 1;
    if (rows * columns <= LOAD_CELLS) return this.block(s.name, rangeA1(top, left, rows, columns));
    // A stray cell far away (ZZ100000): rows only as long as their own cells, as the Excel gateway
    // reads it, never the rectangle between.
    const values: Cell[][] = [];
    for (let i = top - 1; i < bottom; i++) {
      const src = s.cells[i] ?? [];
      const row: Cell[] = [];
      for (let j = left - 1; j < src.length; j++) row.push(shown(src[j]));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      values.push(row);
    }
    return { sheet: s.name, row: top, column: left, values };
  }

  private block(sheet: string, address: string): RangeValues | null {
    const s = this.sheet(sheet);
    const ref = parseRange(address);
    if (!s || !ref) return null;
    const values: Cell[][] = [];
    for (let i = 0; i < ref.rows; i++) {
      const row: Cell[] = [];
      for (let j = 0; j < ref.columns; j++) row.push(shown(s.cells[ref.row - 1 + i]?.[ref.column - 1 + j]));
      values.push(row);
    }
    return { sheet: s.name, row: ref.row, column: ref.column, values };
  }
}
