/**
 * An Excel built on office-addin-mock's OfficeMockObject: ranges that the gateway loads are mock
 * objects (load/sync semantics, error strings when not loaded); collections and write targets
 * are plain recorders patched in after construction. Counts context.sync() calls.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { parseRange } from '../../src/taskpane/gateway/address';
import type { ExcelHost } from '../../src/taskpane/gateway/excel';
import { modelRange, SheetModel, type ProxyHub, type ValueLoad } from './excelSheetModel';

export interface MockRange {
  address: string;
  values: unknown[][];
  valueTypes: string[][];
}

export interface Written {
  sheet: string;
  address: string;
  formulas: unknown[][];
}

export interface ChartCall {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  categories?: string;
  position?: string;
  /** The bottom-right cell given to setPosition. */
  to?: string;
  /** Series added after the first (ExcelApi 1.8): name, values, categories, type, axis. */
  added?: { name: string; values?: string; categories?: string; chartType?: string; axisGroup?: string }[];
}

export interface PageLayoutCall {
  sheet: string;
  orientation?: string;
  paperSize?: string;
  zoom?: unknown;
  printArea?: string;
  titleRows?: string;
}

export interface ExcelMock {
  host: ExcelHost;
  syncs(): number;
  /** Every load of values from a sheet (its used range, blocks, areas), in order. */
  loads: ValueLoad[];
  added: string[];
  written: Written[];
  charts: ChartCall[];
  namesAdded: { name: string; reference: string }[];
  namesUpdated: { name: string; formula: string }[];
  activated: string[];
  selected: { sheet: string; address: string }[];
  shifted: { sheet: string; address: string; op: string }[];
  numberFormats: { sheet: string; address: string; formats: unknown[][] }[];
  bold: { sheet: string; address: string }[];
  frozenRows: { sheet: string; rows: number }[];
  pageLayouts: PageLayoutCall[];
  widths: { sheet: string; address: string; points: number }[];
}

/** More cells on a sheet, anywhere: a block of values at `at` (A1), constants or formulas' results. */
export interface MockBlock {
  at: string;
  values: unknown[][];
  formulas?: boolean;
}

export interface MockWorkbook {
  /** `used`: the sheet's cells as Office hands its used range (its address places them); `blocks`: more cells. */
  sheets: { name: string; used?: MockRange; top?: MockRange; blocks?: MockBlock[] }[];
  active?: string;
  /** A static range, or just an address over the sheets' cells (e.g. "History!A:R"). */
  selection?: MockRange | { address: string };
  /** false: a host before ExcelApi 1.9 (ranges have no getSpecialCellsOrNullObject). Default true. */
  specialCells?: boolean;
  /** name → range it points at (absent names are null objects): static, or an address over the sheets' cells. */
  names?: Record<string, MockRange | { address: string }>;
  /** Names that exist but whose range cannot be resolved. */
}

type Loadable = { isNullObject?: unknown };

export function createExcelMock(book: MockWorkbook): ExcelMock {
  const rangeData = (r: MockRange | undefined) =>
    r ? { address: r.address, values: r.values, valueTypes: r.valueTypes, isNullObject: false } : { address: '', values: [], valueTypes: [], isNullObject: true };
  const tops: Record<string, unknown> = {};
  const models = new Map<string, SheetModel>();
  book.sheets.forEach((s, i) => {
    tops[`top${i}`] = rangeData(s.top);
    const model = new SheetModel(s.name);
    if (s.used) model.put(s.used.address.slice(s.used.address.lastIndexOf('!') + 1), s.used.values, s.used.valueTypes);
    for (const b of s.blocks ?? []) model.put(b.at, b.values, undefined, b.formulas === true);
    models.set(s.name, model);
  });
  const staticSelection = book.selection && 'values' in book.selection ? book.selection : undefined;
  const named: Record<string, unknown> = {};
  const isStatic = (r: MockRange | { address: string } | undefined): r is MockRange => r !== undefined && 'values' in r;
  Object.entries(book.names ?? {}).forEach(([n, r], i) => (named[`named${i}`] = { ...rangeData(isStatic(r) ? r : undefined), _name: n }));
  const data = {
    context: {
      workbook: {
        ranges: { ...tops, ...named, selection: rangeData(staticSelection) },
        worksheets: {},
        names: {},
      },
    },
    run: async function (this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    context: {
      sync(): Promise<void>;
      workbook: {
        ranges: Record<string, Loadable>;
        worksheets: Record<string, unknown>;
        names: Record<string, unknown>;
        getSelectedRange?: () => unknown;
      };
    };
    run: ExcelHost['run'];
  };
  const rec: ExcelMock = {
    host: mock as unknown as ExcelHost,
    syncs: () => syncCount,
    loads: [],
    added: [],
    written: [],
    charts: [],
    namesAdded: [],
    namesUpdated: [],
    activated: [],
    selected: [],
    shifted: [],
    numberFormats: [],
    bold: [],
    frozenRows: [],
    pageLayouts: [],
    widths: [],
  };
  let syncCount = 0;
  const originalSync = mock.context.sync.bind(mock.context);
  const hub: ProxyHub = { pending: new Set(), loads: rec.loads, specialCells: book.specialCells !== false };
  mock.context.sync = async () => {
    syncCount++;
    await originalSync();
    const waiting = [...hub.pending];
    hub.pending.clear();
    for (const p of waiting) p.onSync();
  };
  const wb = mock.context.workbook;
  const ranges = wb.ranges;
  const sheetNames = () => [...book.sheets.map((s) => s.name), ...rec.added];
  /** A range the gateway writes to (or hands to a chart): records what it receives. */
  const rangeRecorder = (sheet: string, address: string) => ({
    __address: address,
    set formulas(f: unknown[][]) {
      rec.written.push({ sheet, address, formulas: f });
    },
    set numberFormat(f: unknown[][]) {
      rec.numberFormats.push({ sheet, address, formats: f });
    },
    format: {
      font: {
        set bold(b: boolean) {
          if (b) rec.bold.push({ sheet, address });
        },
      },
      set columnWidth(points: number) {
        rec.widths.push({ sheet, address, points });
      },
    },
    select() {
      rec.selected.push({ sheet, address });
    },
    insert(shift: string) {
      rec.shifted.push({ sheet, address, op: `insert ${shift}` });
    },
    delete(shift: string) {
      rec.shifted.push({ sheet, address, op: `delete ${shift}` });
    },
  });
  const modelOf = (name: string) => {
    let m = models.get(name);
    if (!m) models.set(name, (m = new SheetModel(name)));
    return m;
  };
  /** A range over the sheet's cells that also records what the gateway writes to it. */
  const sheetRange = (name: string, address: string) => {
    const r = modelRange(hub, modelOf(name), parseRange(address, { wholeLines: true }));
    return Object.defineProperties(r, Object.getOwnPropertyDescriptors(rangeRecorder(name, address)));
  };
  const sheetApi = (name: string) => {
    return {
      name,
      load: () => undefined,
      getRange: (address: string) => sheetRange(name, address),
      getUsedRangeOrNullObject: () => modelRange(hub, modelOf(name), modelOf(name).usedBox()),
      charts: {
        add(type: string, source: { __address: string }, seriesBy: string) {
          const call: ChartCall = { sheet: name, type, source: source.__address, seriesBy };
          rec.charts.push(call);
          return {
            title: {
              set text(t: string) {
                call.title = t;
              },
            },
            series: {
              getItemAt: () => ({
                setXAxisValues: (r: { __address: string }) => {
                  call.categories = r.__address;
                },
              }),
              add: (seriesName: string) => {
                const s: NonNullable<ChartCall['added']>[number] = { name: seriesName };
                (call.added ??= []).push(s);
                return {
                  setValues: (r: { __address: string }) => (s.values = r.__address),
                  setXAxisValues: (r: { __address: string }) => (s.categories = r.__address),
                  set chartType(t: string) {
                    s.chartType = t;
                  },
                  set axisGroup(g: string) {
                    s.axisGroup = g;
                  },
                };
              },
            },
            setPosition: (p: string, end?: string) => {
              call.position = p;
              if (end) call.to = end;
            },
          };
        },
      },
      activate() {
        rec.activated.push(name);
      },
      freezePanes: {
        freezeRows(rows: number) {
          rec.frozenRows.push({ sheet: name, rows });
        },
      },
      get pageLayout() {
        const call: PageLayoutCall = { sheet: name };
        rec.pageLayouts.push(call);
        return {
          set orientation(o: string) {
            call.orientation = o;
          },
          set paperSize(p: string) {
            call.paperSize = p;
          },
          set zoom(z: unknown) {
            call.zoom = z;
          },
          setPrintArea: (a: string) => (call.printArea = a),
          setPrintTitleRows: (r: string) => (call.titleRows = r),
        };
      },
    };
  };
  const items = () =>
    book.sheets.map((s, i) => ({
      name: s.name,
      getRange: (address: string) => ({ getUsedRangeOrNullObject: () => (address === 'A1:CV10' ? ranges[`top${i}`] : undefined) }),
    }));
  Object.assign(wb.worksheets, {
    load: () => undefined,
    get items() {
      return items();
    },
    getItem: (name: string) => {
      if (!sheetNames().includes(name)) throw Object.assign(new Error(`ItemNotFound: ${name}`), { code: 'ItemNotFound' });
      return sheetApi(name);
    },
    getActiveWorksheet: () => ({ name: book.active ?? book.sheets[0]?.name, load: () => undefined }),
    add: (name: string) => {
      rec.added.push(name);
      return sheetApi(name);
    },
  });
  wb.getSelectedRange = () => {
    if (!book.selection || staticSelection) return ranges.selection;
    const ref = parseRange(book.selection.address, { wholeLines: true });
    return modelRange(hub, modelOf(ref?.sheet ?? ''), ref);
  };
  const nameIndex = Object.keys(book.names ?? {});
  Object.assign(wb.names, {
    getItemOrNullObject: (n: string) => {
      const i = nameIndex.indexOf(n);
      if (i < 0) {
        return {
          isNullObject: true,
          load: () => undefined,
          getRangeOrNullObject: () => {
            throw new Error('a method was called on a null object');
          },
        };
      }
      const target = book.names?.[n];
      return {
        isNullObject: false,
        load: () => undefined,
        type: 'Range',
        // A range name's value is its address, as Excel gives it.
        value: target?.address,
        getRangeOrNullObject: () => {
          if (isStatic(target)) return ranges[`named${i}`];
          const ref = parseRange(target?.address ?? '', { wholeLines: true });
          return modelRange(hub, modelOf(ref?.sheet ?? ''), ref);
        },
        set formula(f: string) {
          rec.namesUpdated.push({ name: n, formula: f });
        },
      };
    },
    add: (name: string, reference: string) => {
      rec.namesAdded.push({ name, reference });
    },
  });
  return rec;
}
