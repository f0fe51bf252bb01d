/** The in-memory workbook: the same contract as Excel, for tests and the browser preview. */
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { findHistory } from '../../src/taskpane/state/findData';
import { sampleHistoryCells } from './fixtures';

function book() {
  return new MemoryGateway({
    sheets: [
      { name: 'Data', cells: [[null, null, null], [null, 'date', 'gmv'], [null, '2024-05-01', 100], [null, '', null]] },
      { name: 'Empty', cells: [] },
    ],
  });
}

describe('MemoryGateway', () => {
  it('reads the used range trimmed to its content, blanks as null, with its position', async () => {
    const r = await book().readUsedRange('Data');
    expect(r).toEqual({ sheet: 'Data', row: 2, column: 2, values: [['date', 'gmv'], ['2024-05-01', 100]] });
    expect(await book().readUsedRange('Empty')).toBeNull();
    expect(await book().readUsedRange('Missing')).toBeNull();
  });

  it('a stray cell at ZZ100000 costs its own row, not the 70-million-cell rectangle (issue 16)', async () => {
    const table = sampleHistoryCells();
    const cells: (typeof table)[number][] = table.map((r) => r.slice());
    while (cells.length < 99_999) cells.push([]);
    cells.push([...new Array<null>(701).fill(null), 'stray note']);
    const r = await new MemoryGateway({ sheets: [{ name: 'History', cells }] }).readUsedRange('History');
    expect([r?.row, r?.column, r?.values.length]).toEqual([1, 1, 100_000]);
    expect(r?.values[99_999]?.[701]).toBe('stray note');
    expect(r?.values[5_000]).toEqual([]);
    const kept = (r?.values ?? []).reduce((n, row) => n + row.length, 0);
    expect(kept).toBeLessThanOrEqual(table.length * (table[0]?.length ?? 0) + 702);
  });

  it('adds sheets under a free name and never overwrites; formulas show their expected results', async () => {
    const gw = book();
    const name = await gw.addSheet({ baseName: 'data', cells: [[{ formula: '=1+1', result: 2 }, 'x']] });
    expect(name).toBe('data (2)');
    expect(gw.cell('Data', 'B2')).toBe('date');
    expect(gw.cell(name, 'A1')).toBe(2);
    expect(gw.raw(name, 'A1')).toEqual({ formula: '=1+1', result: 2 });
  });

  it('spills a spilling formula’s expected array around its cell', async () => {
    const gw = book();
    const name = await gw.addSheet({ baseName: 'Plan', at: 'B3', cells: [[{ formula: '=ADPLAN.PLAN(a,b)', spill: [['date', 'spend'], ['2024-06-01', 500]] }]] });
    expect(gw.raw(name, 'B3')).toMatchObject({ formula: '=ADPLAN.PLAN(a,b)' });
    expect([gw.cell(name, 'B3'), gw.cell(name, 'C3'), gw.cell(name, 'B4'), gw.cell(name, 'C4')]).toEqual(['date', 'spend', '2024-06-01', 500]);
  });

  it('names, selection and change notifications', async () => {
    const gw = book();
    const changes: string[] = [];
    const off = gw.onChange((c) => changes.push(`${c.sheet}!${c.address ?? ''}`));
    await gw.setName('ADPLAN_History', 'Data', 'B2:C3');
    expect((await gw.readNamed('ADPLAN_History'))?.values).toEqual([['date', 'gmv'], ['2024-05-01', 100]]);
    expect(await gw.readNamed('ADPLAN_Assumptions')).toBeNull();
    await gw.writeCells('Data', 'C3', [[120]]);
    gw.edit('Data', 'C3', 130);
    off();
    gw.edit('Data', 'C3', 140);
    expect(changes).toEqual(['Data!C3', 'Data!C3']);
    await gw.select('Data', 'C3');
    expect(gw.selection).toEqual({ sheet: 'Data', address: 'C3' });
    expect((await gw.readSelection())?.values).toEqual([[140]]);
    await expect(gw.writeCells('Nope', 'A1', [[1]])).rejects.toThrow('No sheet named "Nope"');
  });
});

describe('finding the history table', () => {
  it('follows a named table that has grown by appended rows, not one the user cut narrower', async () => {
    const cells = sampleHistoryCells();
    const gw = new MemoryGateway({ sheets: [{ name: 'H', cells }], names: { ADPLAN_History: { sheet: 'H', address: 'A1:R40' } } });
    const grown = await findHistory(gw);
    expect(grown?.grown).toBe(true);
    expect(grown?.range.values).toHaveLength(cells.length);
    gw.names.ADPLAN_History = { sheet: 'H', address: 'A1:P40' };
    const narrow = await findHistory(gw);
    expect(narrow?.grown).toBeUndefined();
    expect(narrow?.range.values).toHaveLength(40);
  });

  it('takes the sheet the CLI takes (best headers, the first on a tie), whichever is active, skipping the ones asked', async () => {
    const cells = sampleHistoryCells();
    const gw = new MemoryGateway({ sheets: [{ name: 'Notes', cells: [['hello']] }, { name: 'H2', cells }, { name: 'H1', cells }], active: 'H1' });
    expect(await findHistory(gw)).toMatchObject({ how: 'sheet', range: { sheet: 'H2' } });
    expect(await findHistory(gw, ['H2'])).toMatchObject({ how: 'active', range: { sheet: 'H1' } });
    gw.active = 'Notes';
    expect(await findHistory(gw)).toMatchObject({ how: 'sheet', range: { sheet: 'H2' } });
  });
});

describe('MemoryGateway.shiftCells', () => {
  it('inserts blank cells shifting right and deletes shifting left, inside the range’s rows only', async () => {
    const f = { formula: '=B1*2', result: 4 };
    const gw = new MemoryGateway({ sheets: [{ name: 'S', cells: [['a', 'b', f], ['c', 'd', 'e'], ['below', 'x', 'y']] }] });
    await gw.shiftCells('S', 'B1:B2', 'insert-right');
    expect(gw.sheet('S')?.cells).toEqual([['a', null, 'b', f], ['c', null, 'd', 'e'], ['below', 'x', 'y']]);
    await gw.shiftCells('S', 'A1:A2', 'delete-left');
    expect(gw.sheet('S')?.cells).toEqual([[null, 'b', f], [null, 'd', 'e'], ['below', 'x', 'y']]);
    expect(gw.raw('S', 'C1')).toBe(f);
  });
});
