/**
 * The Excel gateway reads a sheet by its data (issue 16): a history plus cells far away is read
 * where it holds values, never as the rectangle spanning them, on hosts with and without
 * special cells (ExcelApi 1.9).
 */
import { readHistory } from '../../src/data/history';
import type { Cell } from '../../src/data/table';
import { FAST_BLOCK, LOAD_CELLS } from '../../src/taskpane/gateway/bounded';
import { ExcelGateway } from '../../src/taskpane/gateway/excel';
import type { RangeValues } from '../../src/taskpane/gateway/types';
import { createExcelMock, type MockBlock, type MockRange } from './excelMock';
import { typeOf } from './excelSheetModel';
import { sampleHistoryCells } from './fixtures';

const table = sampleHistoryCells();
const rows = table.length;
const width = table[0]?.length ?? 0;
/** The table as Office hands a used range: "" and "Empty" for blanks. */
const used: MockRange = {
  address: `History!A1:R${rows}`,
  values: table.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? '')),
  valueTypes: table.map((r) => Array.from({ length: width }, (_, j) => typeOf(r[j]))),
};
/** A second dense area (formula results to the right) and a stray cell far down and right. */
const far: MockBlock[] = [
  { at: 'T1', values: Array.from({ length: 30 }, (_, i) => [i === 0 ? 'check' : i * 2]), formulas: true },
  { at: 'ZZ100000', values: [['stray note']] },
];
const origin = { sheet: 'History', row: 1, column: 1 };

/** A row as the compact grid holds it: no trailing blanks (an empty row is []). */
function trimmed(row: readonly (Cell | undefined)[]): Cell[] {
  const out = row.map((c) => c ?? null);
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

function cellsIn(r: RangeValues): number {
  let n = 0;
  for (const row of r.values) n += row.length;
  return n;
}

async function readHuge(opts: { specialCells: boolean; supports: boolean }) {
  const m = createExcelMock({ sheets: [{ name: 'History', used, blocks: far }], specialCells: opts.specialCells });
  const r = await new ExcelGateway(m.host, () => opts.supports).readUsedRange('History');
  return { m, r };
}

describe('ExcelGateway reads a huge used range by its data', () => {
  const hosts = [
    { name: 'special cells (ExcelApi 1.9)', specialCells: true, supports: true },
    { name: 'no getSpecialCells method: row blocks', specialCells: false, supports: true },
    { name: 'requirement set missing: row blocks', specialCells: true, supports: false },
  ];

  it.each(hosts)('$name: never loads the used range A1:ZZ100000, every load ≤ LOAD_CELLS', async (host) => {
    const { m, r } = await readHuge(host);
    expect(r).not.toBeNull();
    expect(m.loads.some((l) => l.address === 'History!A1:ZZ100000')).toBe(false);
    expect(m.loads.every((l) => l.cells <= LOAD_CELLS)).toBe(true);
    // Beyond the first sync's fast block, only the areas that hold values: the table, T1:T30, ZZ100000
    // (blocks: the used part of rows 1–5,000 is A1:T180, two columns wider than the table).
    const [fast, ...rest] = m.loads;
    expect(fast?.address).toBe(`History!A1:T${rows}`); // the used part of FAST_BLOCK
    const loaded = rest.reduce((n, l) => n + l.cells, 0);
    expect(loaded).toBeLessThanOrEqual(rows * (width + 2) + 1);
    expect(rest.map((l) => l.address)).toContain('History!ZZ100000');
  });

  it.each(hosts)('$name: the grid gives readHistory the same days and totals as the table alone; the stray cell keeps its place', async (host) => {
    const { r } = await readHuge(host);
    if (!r) throw new Error('no range');
    expect([r.sheet, r.row, r.column]).toEqual(['History', 1, 1]);
    expect(r.values).toHaveLength(100_000);
    expect(r.values[99_999]?.[701]).toBe('stray note'); // ZZ is column 702
    expect(r.values[5_000]).toEqual([]); // empty rows cost nothing
    expect(cellsIn(r)).toBeLessThan(rows * (width + 2) + 702 + 1);
    expect(r.values.slice(0, rows).map((row) => trimmed(row.slice(0, width)))).toEqual(table.map(trimmed));
    expect(r.values.slice(1, 30).map((row) => row[19])).toEqual(Array.from({ length: 29 }, (_, i) => (i + 1) * 2));

    const alone = readHistory(table, origin);
    const read = readHistory(r.values as Cell[][], { sheet: r.sheet, row: r.row, column: r.column });
    expect(read.history.days).toEqual(alone.history.days);
    expect(read.totals).toEqual(alone.totals);
    const stray = read.issues.filter((i) => i.row === 100_000);
    expect(stray).toHaveLength(1);
    expect(stray[0]).toMatchObject({ sheet: 'History', row: 100_000, address: 'A100000' });
  });

  it('needs few syncs: addresses, areas, then one sync per ≤ LOAD_CELLS of values', async () => {
    const special = await readHuge({ specialCells: true, supports: true });
    // used + fast block; areaCount; area addresses; values (table + T + ZZ fit in one batch).
    expect(special.m.syncs()).toBe(4);
    // The areas, not a block's bounding box: column T is loaded on its own.
    expect(special.m.loads.map((l) => l.address)).toContain('History!T1:T30');
    const blocks = await readHuge({ specialCells: false, supports: true });
    // used + fast block; the 20 blocks' used parts (one sync); values.
    expect(blocks.m.syncs()).toBe(3);
    expect(blocks.m.loads.slice(1).map((l) => l.address)).toEqual([`History!A1:T${rows}`, 'History!ZZ100000']);
  });
});

describe('ExcelGateway on a host without special cells', () => {
  it('asks a block whose used part is still large (A1:ZZ4000) again by column bands: only the values are loaded', async () => {
    const blocks = [...far, { at: 'ZZ4000', values: [['another note']] }];
    const m = createExcelMock({ sheets: [{ name: 'History', used, blocks }], specialCells: false });
    const r = await new ExcelGateway(m.host).readUsedRange('History');
    expect(m.loads.slice(1).map((l) => l.address).sort()).toEqual([`History!A1:T${rows}`, 'History!ZZ100000', 'History!ZZ4000']);
    expect(r?.values[3_999]?.[701]).toBe('another note');
    expect(r?.values[99_999]?.[701]).toBe('stray note');
    // used + fast block; blocks; bands of the wide block; values.
    expect(m.syncs()).toBe(4);
  });
});

describe('ExcelGateway reads small and whole-column ranges as before', () => {
  it('a small table outside the fast block is loaded whole, in a second sync', async () => {
    const m = createExcelMock({ sheets: [{ name: 'S', used: { address: 'S!A2001:B2002', values: [['日期', 'x'], ['2024-05-01', 1]], valueTypes: [['String', 'String'], ['String', 'Double']] } }] });
    const r = await new ExcelGateway(m.host, () => true).readUsedRange('S');
    expect(r).toEqual({ sheet: 'S', row: 2001, column: 1, values: [['日期', 'x'], ['2024-05-01', 1]] });
    expect(m.syncs()).toBe(2);
    expect(FAST_BLOCK).toBe('A1:CV1000');
  });

  it('a selection of whole columns (A:R) is read by its used part, not as 1,048,576 rows', async () => {
    const m = createExcelMock({ sheets: [{ name: 'History', used, blocks: far }], selection: { address: 'History!A:R' } });
    const r = await new ExcelGateway(m.host, () => true).readSelection();
    expect(m.loads.every((l) => l.cells <= LOAD_CELLS)).toBe(true);
    expect(r).toMatchObject({ sheet: 'History', row: 1, column: 1 });
    // Its used part (A1:R180) is small: loaded as a rectangle, as a used range always was.
    expect(r?.values).toEqual(table.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? null)));
  });

  it('a name over whole columns (History!$A:$R) is read by its used part', async () => {
    const m = createExcelMock({ sheets: [{ name: 'History', used, blocks: far }], names: { ADPLAN_History: { address: 'History!$A:$R' } } });
    const r = await new ExcelGateway(m.host, () => true).readNamed('ADPLAN_History');
    expect(m.loads.every((l) => l.cells <= LOAD_CELLS)).toBe(true);
    expect(r).toMatchObject({ sheet: 'History', row: 1, column: 1 });
    expect(r?.values).toHaveLength(rows);
  });

  it('a small selection keeps its blank cells (the user chose its extent)', async () => {
    const m = createExcelMock({ sheets: [{ name: 'S', used: { address: 'S!A1:A1', values: [['x']], valueTypes: [['String']] } }], selection: { address: 'S!A1:B3' } });
    const r = await new ExcelGateway(m.host).readSelection();
    expect(r).toEqual({ sheet: 'S', row: 1, column: 1, values: [['x', null], [null, null], [null, null]] });
  });
});
