/**
 * The assumptions table as a block of cells: where each key and scenario sits, and the pure
 * edits the workbench makes to it (create, set a value, add/rename/duplicate/delete a scenario
 * column). The sheet is the single source of truth: every edit becomes cells to write.
 */
import { isDescriptiveHeader, resolveAssumptionKey } from '../../data/assumptions';
import { headerKey } from '../../data/cells';
import type { Cell } from '../../data/table';
import { ASSUMPTIONS, ASSUMPTION_KEYS, type AssumptionKey, type AssumptionSpec, type AssumptionUnit, type Scenario } from '../../model/settings';
import { cellA1, rangeA1 } from '../gateway/address';
import type { RangeValues } from '../gateway/types';

export interface AssumptionsTable {
  sheet: string;
  /** 1-based sheet row/column of the header row's first cell. */
  row: number;
  column: number;
  values: Cell[][];
  /** key → 0-based row in `values`. */
  keyRows: Partial<Record<AssumptionKey, number>>;
  /** Scenario columns in sheet order (0-based column in `values`). */
  scenarios: { name: string; col: number }[];
}

/** Header cells of descriptive columns: never scenarios (the reader's one list). */
export { isDescriptiveHeader };

export function keyOf(c: Cell): AssumptionKey | null {
  return typeof c === 'string' ? (resolveAssumptionKey(c) ?? null) : null;
}

/** Reads the layout; null when the first column holds fewer than 3 known keys. */
export function parseAssumptionsTable(range: RangeValues): AssumptionsTable | null {
  const values = range.values;
  const keyRows: Partial<Record<AssumptionKey, number>> = {};
  let found = 0;
  values.forEach((r, i) => {
    const k = i === 0 ? null : keyOf(r[0] ?? null);
    if (k && keyRows[k] === undefined) {
      keyRows[k] = i;
      found++;
    }
  });
  if (found < 3) return null;
  const header = values[0] ?? [];
  const scenarios: { name: string; col: number }[] = [];
  header.forEach((h, col) => {
    if (col === 0 || h === null || h === undefined || String(h).trim() === '' || isDescriptiveHeader(h)) return;
    scenarios.push({ name: String(h).trim(), col });
  });
  return { sheet: range.sheet, row: range.row, column: range.column, values, keyRows, scenarios };
}

export function tableAddress(t: { row: number; column: number; values: Cell[][] }): string {
  const width = t.values.reduce((w, r) => Math.max(w, r.length), 1);
  return rangeA1(t.row, t.column, t.values.length, width);
}

/** Sheet address of one key × scenario cell; null when the key has no row yet. */
export function valueAddress(t: AssumptionsTable, key: AssumptionKey, scenario: number): string | null {
  const r = t.keyRows[key];
  const s = t.scenarios[scenario];
  if (r === undefined || !s) return null;
  return cellA1(t.row + r, t.column + s.col);
}

export function rawValue(t: AssumptionsTable, key: AssumptionKey, scenario: number): Cell {
  const r = t.keyRows[key];
  const s = t.scenarios[scenario];
  if (r === undefined || !s) return null;
  return t.values[r]?.[s.col] ?? null;
}

const UNIT_LABEL: Record<AssumptionUnit, string> = {
  rate: '比例 / fraction',
  rate_per_day: '比例/天 / per day',
  money: '元 / money',
  days: '天 / days',
  orders: '单/天 / orders/day',
  ratio: '倍 / ×',
  sd: '对数标准差 / log sd',
  seconds: '秒 / s',
  choice: '选项 / choice',
};

export function unitLabel(unit: AssumptionUnit): string {
  return UNIT_LABEL[unit];
}

function note(s: AssumptionSpec): string {
  switch (s.whenMissing) {
    case 'required':
      return s.key === 'paid_roi_initial' || s.key === 'saturation_spend'
        ? '无付费历史时必填 / required without paid history'
        : '必填 / required';
    case 'history':
      return '留空则取自历史数据 / blank: from history';
    case 'unlimited':
      return '留空表示不限 / blank: no limit';
    case 'derived':
      return '留空则按近7天消耗推算 / blank: from the last 7 days of spend';
    case 'estimated':
      return '留空则由历史估计 / blank: estimated from history';
    case 'category':
      return '留空则取类目的从业者经验值 / blank: the category\'s practitioner default';
    default:
      return `默认 / default ${String(s.default)}`;
  }
}

/** Single words, so the reader (and people) recognise them as descriptive columns. */
export const TABLE_HEADER: readonly string[] = ['key', '中文名', 'label', 'unit'];
export const NOTES_HEADER = 'notes';

/** A new table: descriptive columns, one column per preset, blanks where the preset is silent. */
export function newTableCells(presets: readonly Scenario[]): Cell[][] {
  const header: Cell[] = [...TABLE_HEADER, ...presets.map((p) => p.name), NOTES_HEADER];
  const rows = ASSUMPTION_KEYS.map((key): Cell[] => {
    const s = ASSUMPTIONS[key];
    const values = presets.map((p, i): Cell => {
      const v = p.values[key];
      if (v !== undefined) return v;
      // The first column carries the registry default so the table shows what applies.
      return i === 0 && s.whenMissing === 'default' ? s.default : null;
    });
    return [key, s.zh, s.en, unitLabel(s.unit), ...values, note(s)];
  });
  return [header, ...rows];
}

function width(values: Cell[][]): number {
  return values.reduce((w, r) => Math.max(w, r.length), 1);
}

function rect(values: Cell[][]): Cell[][] {
  const w = width(values);
  return values.map((r) => Array.from({ length: w }, (_, j) => r[j] ?? null));
}

/** Where a new scenario column goes: after the last scenario (before the notes). */
function insertAt(t: AssumptionsTable): number {
  const last = t.scenarios[t.scenarios.length - 1];
  return last ? last.col + 1 : TABLE_HEADER.length;
}

export type NameProblem = 'empty' | 'taken' | 'reserved';

export function checkScenarioName(t: AssumptionsTable, name: string, except?: number): NameProblem | null {
  const n = name.trim();
  if (!n) return 'empty';
  if (isDescriptiveHeader(n) || keyOf(n)) return 'reserved';
  if (t.scenarios.some((s, i) => i !== except && s.name.toLowerCase() === n.toLowerCase())) return 'taken';
  return null;
}

/** A new block with a scenario column inserted; `copyOf` duplicates that scenario's values. */
export function withScenarioAdded(t: AssumptionsTable, name: string, copyOf?: number): Cell[][] {
  const at = insertAt(t);
  const source = copyOf === undefined ? undefined : t.scenarios[copyOf]?.col;
  return rect(t.values).map((r, i) => {
    const cell: Cell = i === 0 ? name.trim() : source === undefined ? null : (r[source] ?? null);
    return [...r.slice(0, at), cell, ...r.slice(at)];
  });
}

/** A new block without the scenario's column; a blank column at the end clears the old last one. */
export function withScenarioDeleted(t: AssumptionsTable, index: number): Cell[][] {
  const col = t.scenarios[index]?.col;
  if (col === undefined) return rect(t.values);
  return rect(t.values).map((r) => [...r.slice(0, col), ...r.slice(col + 1), null]);
}

/** A new block with a row for a key the table lacks (label and unit filled in). */
export function withKeyRow(t: AssumptionsTable, key: AssumptionKey): Cell[][] {
  const s = ASSUMPTIONS[key];
  const w = width(t.values);
  const header = t.values[0] ?? [];
  const row: Cell[] = Array.from({ length: w }, (_, j): Cell => {
    if (j === 0) return key;
    const h = header[j];
    if (typeof h !== 'string') return null;
    const k = headerKey(h);
    if (k === '中文名' || k === '中文' || k === '名称') return s.zh;
    if (k === 'label' || k === '标签' || k === 'english' || k === '英文名') return s.en;
    if (k === '单位' || k === 'unit' || k === 'units') return unitLabel(s.unit);
    if (k === '说明' || k === 'notes' || k === 'note' || k === '备注') return note(s);
    return null;
  });
  return [...rect(t.values), row];
}

/**
 * What an edit does to the sheet, as the fewest gateway operations: only the cells that change
 * are written, and columns move with Excel's own insert/delete, so anything else the user put in
 * the table (formulas, notes, formatting) stays as it was. `block` is the table afterwards.
 */
export type TableOp =
  | { kind: 'write'; at: string; cells: Cell[][] }
  | { kind: 'shift'; address: string; how: 'insert-right' | 'delete-left' };

export interface TableEdit {
  ops: TableOp[];
  block: Cell[][];
}

/** The table's column j (0-based) as an address over all its rows. */
function columnAddress(t: AssumptionsTable, j: number): string {
  return rangeA1(t.row, t.column + j, Math.max(1, t.values.length), 1);
}

export function addScenarioEdit(t: AssumptionsTable, name: string, copyOf?: number): TableEdit {
  const at = insertAt(t);
  const block = withScenarioAdded(t, name, copyOf);
  const ops: TableOp[] = [];
  if (at < width(t.values)) ops.push({ kind: 'shift', address: columnAddress(t, at), how: 'insert-right' });
  ops.push({ kind: 'write', at: cellA1(t.row, t.column + at), cells: block.map((r) => [r[at] ?? null]) });
  return { ops, block };
}

export function deleteScenarioEdit(t: AssumptionsTable, index: number): TableEdit {
  const col = t.scenarios[index]?.col;
  if (col === undefined) return { ops: [], block: rect(t.values) };
  const block = rect(t.values).map((r) => [...r.slice(0, col), ...r.slice(col + 1)]);
  return { ops: [{ kind: 'shift', address: columnAddress(t, col), how: 'delete-left' }], block };
}

export function renameScenarioEdit(t: AssumptionsTable, index: number, name: string): TableEdit {
  const col = t.scenarios[index]?.col;
  if (col === undefined) return { ops: [], block: rect(t.values) };
  const block = rect(t.values).map((r, i) => (i === 0 ? r.map((c, j) => (j === col ? name.trim() : c)) : r));
  return { ops: [{ kind: 'write', at: cellA1(t.row, t.column + col), cells: [[name.trim()]] }], block };
}

/** A key the table lacks: one new row under the table, with the value in the scenario's column. */
export function addKeyRowEdit(t: AssumptionsTable, key: AssumptionKey, scenario: number, value: Cell): TableEdit {
  const block = withKeyRow(t, key);
  const last = block.length - 1;
  const col = t.scenarios[scenario]?.col;
  const row = (block[last] ?? []).map((c, j) => (j === col ? value : c));
  block[last] = row;
  return { ops: [{ kind: 'write', at: cellA1(t.row + last, t.column), cells: [row] }], block };
}
