/**
 * A sheet as Excel holds it, for the Excel mock: only the cells that hold something (so a stray
 * cell at ZZ100000 costs one entry), and ranges over it that behave like Office.js proxies —
 * properties readable only after load() and a sync, isNullObject after a sync, values computed
 * when loaded. Every load of values is recorded, and one over Excel's 5-million-cell read limit
 * throws, so a gateway that loads a sheet's extent fails loudly instead of eating the test's memory.
 */
import { parseRange, quoteSheet, rangeA1, type RangeRef } from '../../src/taskpane/gateway/address';

export interface ModelCell {
  value: unknown;
  /** Office's value type: "Double", "String", "Boolean", "Empty"… */
  type: string;
  formula: boolean;
}

export interface ValueLoad {
  sheet: string;
  address: string;
  props: string;
  cells: number;
}

/** Excel's limit for one range read (docs: Resource limits, Excel add-ins). */
const EXCEL_READ_LIMIT = 5_000_000;
const WHOLE_SHEET: RangeRef = { row: 1, column: 1, rows: 1_048_576, columns: 16_384 };

export function typeOf(v: unknown): string {
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (v === '' || v === null || v === undefined) return 'Empty';
  return 'String';
}

export class SheetModel {
  /** row → column → cell. */
  readonly cells = new Map<number, Map<number, ModelCell>>();

  constructor(readonly name: string) {}

  set(row: number, column: number, cell: ModelCell): void {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    r.set(column, cell);
  }

  /** Places a block of values at `at` (A1); "Empty" cells keep their raw value ("" or a desktop's 0). */
  put(at: string, values: readonly (readonly unknown[])[], types?: readonly (readonly string[])[], formula = false): void {
    const ref = parseRange(at);
    if (!ref) throw new Error(`bad address ${at}`);
    values.forEach((row, i) =>
      row.forEach((v, j) => this.set(ref.row + i, ref.column + j, { value: v, type: types?.[i]?.[j] ?? typeOf(v), formula })),
    );
  }

  /** Cells that hold something (not "Empty"), inside `ref`. */
  *used(ref: RangeRef): Iterable<{ row: number; column: number; cell: ModelCell }> {
    for (const [row, cols] of this.cells) {
      if (row < ref.row || row >= ref.row + ref.rows) continue;
      for (const [column, cell] of cols) {
        if (column < ref.column || column >= ref.column + ref.columns || cell.type === 'Empty') continue;
        yield { row, column, cell };
      }
    }
  }

  /** The bounding box of the used cells inside `ref` (Excel's getUsedRange(true)); null when none. */
  usedBox(ref: RangeRef = WHOLE_SHEET): RangeRef | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    for (const { row, column } of this.used(ref)) {
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, column);
      right = Math.max(right, column);
    }
    return top === Infinity ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Rectangles covering the matching cells: runs of columns per row, merged down while identical. */
  areas(ref: RangeRef, formulas: boolean): RangeRef[] {
    const rows = new Map<number, number[]>();
    for (const { row, column, cell } of this.used(ref)) {
      if (cell.formula !== formulas) continue;
      const list = rows.get(row) ?? [];
      list.push(column);
      rows.set(row, list);
    }
    const done: RangeRef[] = [];
    let open = new Map<string, RangeRef>();
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = (rows.get(row) ?? []).sort((a, b) => a - b);
      const next = new Map<string, RangeRef>();
      for (let k = 0; k < cols.length; ) {
        let end = k;
        while (end + 1 < cols.length && cols[end + 1] === (cols[end] as number) + 1) end++;
        const key = `${cols[k]}:${cols[end]}`;
        const prev = open.get(key);
        if (prev && prev.row + prev.rows === row) {
          prev.rows++;
          next.set(key, prev);
          open.delete(key);
        } else next.set(key, { row, column: cols[k] as number, rows: 1, columns: (cols[end] as number) - (cols[k] as number) + 1 });
        k = end + 1;
      }
      done.push(...open.values());
      open = next;
    }
    done.push(...open.values());
    return done;
  }

  address(ref: RangeRef): string {
    return `${quoteSheet(this.name)}!${rangeA1(ref.row, ref.column, ref.rows, ref.columns)}`;
  }
}

/** What the model's proxies share with the mock: who waits for the next sync, what was loaded. */
export interface ProxyHub {
  pending: Set<{ onSync(): void }>;
  loads: ValueLoad[];
  /** false: ranges lack getSpecialCellsOrNullObject (a host before ExcelApi 1.9). */
  specialCells: boolean;
}

/** Load/sync semantics shared by the range and areas proxies. */
class Proxy {
  private synced = false;
  private readonly requested = new Set<string>();
  private readonly loaded = new Set<string>();

  constructor(protected readonly hub: ProxyHub) {
    hub.pending.add(this);
  }

  load(props: string): this {
    for (const p of props.split(',')) this.requested.add(p.trim());
    this.hub.pending.add(this);
    return this;
  }

  onSync(): void {
    this.synced = true;
    for (const p of this.requested) this.loaded.add(p);
    this.requested.clear();
  }

  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop}`);
  }

  protected get isSynced(): boolean {
    return this.synced;
  }
}

export class ModelRange extends Proxy {
  constructor(
    hub: ProxyHub,
    readonly model: SheetModel,
    readonly ref: RangeRef | null,
  ) {
    super(hub);
  }

  override load(props: string): this {
    if (/values|valueTypes/.test(props)) {
      const cells = this.ref ? this.ref.rows * this.ref.columns : 0;
      if (cells > EXCEL_READ_LIMIT) throw new Error(`mock Excel: a read of ${cells} cells exceeds Excel's limit`);
      this.hub.loads.push({ sheet: this.model.name, address: this.ref ? this.model.address(this.ref) : '', props, cells });
    }
    return super.load(props);
  }

  get isNullObject(): boolean {
    if (!this.isSynced) throw new Error('isNullObject read before sync');
    return this.ref === null;
  }

  get address(): string {
    this.need('address');
    return this.ref ? this.model.address(this.ref) : '';
  }

  private grid<T>(f: (c: ModelCell | undefined) => T): T[][] {
    const r = this.ref;
    if (!r) return [];
    return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.columns }, (_, j) => f(this.model.cells.get(r.row + i)?.get(r.column + j))));
  }

  get values(): unknown[][] {
    this.need('values');
    return this.grid((c) => (c ? c.value : ''));
  }

  get valueTypes(): string[][] {
    this.need('valueTypes');
    return this.grid((c) => (c ? c.type : 'Empty'));
  }

  getUsedRangeOrNullObject(): ModelRange {
    return modelRange(this.hub, this.model, this.ref ? this.model.usedBox(this.ref) : null);
  }

  getSpecialCellsOrNullObject?: (type: string) => ModelAreas = (type) => {
    if (!this.ref) throw new Error('a method was called on a null object');
    return new ModelAreas(this.hub, this.model, this.model.areas(this.ref, type === 'Formulas'));
  };
}

/** Excel.RangeAreas over the model: areaCount, then areas.items[].address. */
export class ModelAreas extends Proxy {
  readonly areas: { load(props: string): void; items: { address: string }[] };

  constructor(
    hub: ProxyHub,
    model: SheetModel,
    private readonly list: RangeRef[],
  ) {
    super(hub);
    let loaded = false;
    this.areas = {
      load() {
        hub.pending.add({ onSync: () => (loaded = true) });
      },
      get items() {
        if (!loaded) throw new Error('PropertyNotLoaded: areas/items');
        if (list.length === 0) throw new Error('a null object has no areas');
        return list.map((r) => ({ address: model.address(r) }));
      },
    };
  }

  get isNullObject(): boolean {
    if (!this.isSynced) throw new Error('isNullObject read before sync');
    return this.list.length === 0;
  }

  get areaCount(): number {
    this.need('areaCount');
    return this.list.length;
  }
}

/** The model's ranges: special cells exist only when the hub says the host has them. */
export function modelRange(hub: ProxyHub, model: SheetModel, ref: RangeRef | null): ModelRange {
  const r = new ModelRange(hub, model, ref);
  if (!hub.specialCells) delete r.getSpecialCellsOrNullObject;
  return r;
}
