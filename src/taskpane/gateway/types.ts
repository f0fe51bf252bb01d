/**
 * The only door between the workbench and a workbook. Excel (Office.js) and an in-memory
 * workbook (tests, the browser preview) implement it, so nothing above it knows which one runs.
 */
import type { Cell } from '../../data/table';

/** A block of values and where it sits: enough for the reader to name real cells. */
export interface RangeValues {
  sheet: string;
  /** 1-based sheet row and column of the top-left cell. */
  row: number;
  column: number;
  /** Blank cells are null (never "" and never a desktop build's 0). */
  values: Cell[][];
}

export interface SheetSummary {
  name: string;
  /** The used part of the sheet's top rows (those the reader scans for a header); null when empty. */
  top: RangeValues | null;
}

/**
 * A formula to write. `result` is what the formula is expected to show: Excel ignores it, an
 * in-memory workbook keeps it so a file saved without the add-in still shows numbers.
 */
export interface FormulaCell {
  formula: string;
  result?: Cell;
  /**
   * For a formula that spills (ADPLAN.PLAN): the expected array, anchor first. Excel ignores
   * it; an in-memory workbook shows it in the cells the spill would cover.
   */
  spill?: Cell[][];
}

export type WriteCell = Cell | FormulaCell;

export function isFormulaCell(c: unknown): c is FormulaCell {
  return typeof c === 'object' && c !== null && !(c instanceof Date) && 'formula' in c;
}

export interface ChartSpec {
  type: 'line' | 'column';
  title: string;
  /** A1 range on the same sheet: one column per series, header cell first. */
  values: string;
  /** A1 range of the category labels (dates), same number of rows as `values`, header first. */
  categories?: string;
  /** Top-left cell of the chart. */
  anchor: string;
  /** The cell just past its bottom-right corner (its size); the host's default size when absent. */
  to?: string;
  /**
   * A second series drawn as a line against a value axis on the right (GMV beside spend, about
   * ten times larger): its name and its A1 range, header first like `values`.
   */
  secondary?: { name: string; values: string };
}

/**
 * How a written sheet prints: always A4 landscape, one page wide (as many pages down as it takes),
 * the rows above the table repeated on every page.
 */
export interface PrintSetup {
  /** A1 range printed (the table and what sits beside it). */
  area: string;
  /** Rows 1…titleRows repeat at the top of every page. */
  titleRows: number;
}

/** An Excel number format code over an A1 range of the new sheet (e.g. `"¥"#,##0` on B5:B94). */
export interface RangeFormat {
  range: string;
  format: string;
}

/** How a written sheet looks: formats, bold headers, frozen rows, column widths. */
export interface SheetLayout {
  formats?: RangeFormat[];
  /** A1 ranges shown bold (titles, headers). */
  bold?: string[];
  /** Rows kept in view when scrolling (the header row and what is above it). */
  freezeRows?: number;
  /** Column widths from column A, in Excel's character units. */
  widths?: number[];
  print?: PrintSetup;
}

export interface NewSheet extends SheetLayout {
  /** Wanted name; a free variant ("Name (2)") is used when taken. Never overwrites. */
  baseName: string;
  cells: WriteCell[][];
  /** Top-left cell of `cells`, default A1. */
  at?: string;
  charts?: ChartSpec[];
  activate?: boolean;
}

export interface WorkbookChange {
  sheet: string;
  /** A1 range of what changed, when known. */
  address?: string;
}

export interface WorkbookGateway {
  readonly kind: 'excel' | 'memory';
  /** Name of the active sheet, null when the workbook has none. */
  activeSheet(): Promise<string | null>;
  listSheets(): Promise<SheetSummary[]>;
  readUsedRange(sheet: string): Promise<RangeValues | null>;
  readSelection(): Promise<RangeValues | null>;
  /** A workbook-level name (e.g. ADPLAN_History); null when absent or not a range. */
  readNamed(name: string): Promise<RangeValues | null>;
  /** Creates a sheet and returns the name actually used. */
  addSheet(sheet: NewSheet): Promise<string>;
  /** Writes a block at `at` (A1 of the top-left cell) on an existing sheet. */
  writeCells(sheet: string, at: string, cells: WriteCell[][]): Promise<void>;
  /**
   * Inserts blank cells at `address`, shifting what is there to the right, or deletes the cells
   * at `address`, shifting what is right of them to the left (Excel's Insert/Delete › Shift
   * cells). Cells that move keep their formulas (Excel adjusts references); nothing is rewritten.
   */
  shiftCells(sheet: string, address: string, how: 'insert-right' | 'delete-left'): Promise<void>;
  /** Creates or moves a workbook-level name to sheet!address. */
  setName(name: string, sheet: string, address: string): Promise<void>;
  /** Activates the sheet and selects the cell/range (issue links). */
  select(sheet: string, address: string): Promise<void>;
  /** Calls back after the user (or anyone) changes cells; returns the unsubscribe function. */
  onChange(listener: (change: WorkbookChange) => void): () => void;
}

/** Gateway names for the add-in's pointers into the workbook. */
export const HISTORY_NAME = 'ADPLAN_History';
export const ASSUMPTIONS_NAME = 'ADPLAN_Assumptions';
