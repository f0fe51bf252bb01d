/**
 * An Excel built on office-addin-mock's OfficeMockObject: ranges that the gateway loads are mock
 * objects (load/sync semantics, error strings when not loaded); collections and write targets
 * are plain recorders patched in after construction. Counts context.sync() calls.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelHost } from '../../src/taskpane/gateway/excel';

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
}

export interface ExcelMock {
  host: ExcelHost;
  syncs(): number;
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
  widths: { sheet: string; address: string; points: number }[];
}

export interface MockWorkbook {
  sheets: { name: string; used?: MockRange; top?: MockRange }[];
  active?: string;
  selection?: MockRange;
  /** name → range it points at (absent names are null objects). */
  names?: Record<string, MockRange>;
  /** Names that exist but whose range cannot be resolved. */
}

type Loadable = { isNullObject?: unknown };

export function createExcelMock(book: MockWorkbook): ExcelMock {
  const rangeData = (r: MockRange | undefined) =>
    r ? { address: r.address, values: r.values, valueTypes: r.valueTypes, isNullObject: false } : { address: '', values: [], valueTypes: [], isNullObject: true };
  const used: Record<string, unknown> = {};
  const tops: Record<string, unknown> = {};
  book.sheets.forEach((s, i) => {
    used[`used${i}`] = rangeData(s.used);
    tops[`top${i}`] = rangeData(s.top);
  });
  const named: Record<string, unknown> = {};
  Object.entries(book.names ?? {}).forEach(([n, r], i) => (named[`named${i}`] = { ...rangeData(r), _name: n }));
  const data = {
    context: {
      workbook: {
        ranges: { ...used, ...tops, ...named, selection: rangeData(book.selection) },
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
    widths: [],
  };
  let syncCount = 0;
  const originalSync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncCount++;
    await originalSync();
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
  const sheetApi = (name: string) => {
    const i = book.sheets.findIndex((s) => s.name === name);
    return {
      name,
      load: () => undefined,
      getRange: (address: string) => rangeRecorder(name, address),
      getUsedRangeOrNullObject: () => ranges[`used${i}`],
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
            },
            setPosition: (p: string) => {
              call.position = p;
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
  wb.getSelectedRange = () => ranges.selection;
  const nameIndex = Object.keys(book.names ?? {});
  Object.assign(wb.names, {
    getItemOrNullObject: (n: string) => {
      const i = nameIndex.indexOf(n);
      if (i < 0) {
        return {
          isNullObject: true,
          getRangeOrNullObject: () => {
            throw new Error('a method was called on a null object');
          },
        };
      }
      return {
        isNullObject: false,
        getRangeOrNullObject: () => ranges[`named${i}`],
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
