/** ExcelGateway over office-addin-mock: values as Office.js hands them, writes and sync counts. */
import { ExcelGateway, toFormulas } from '../../src/taskpane/gateway/excel';
import { createExcelMock, type MockRange } from './excelMock';

const history: MockRange = {
  address: 'History!A1:C4',
  values: [
    ['日期', '成交金额', '千川消耗'],
    ['2024-05-01', 1200, ''],
    ['2024-05-02', 0, 0],
    ['2024-05-03', 900, 150],
  ],
  valueTypes: [
    ['String', 'String', 'String'],
    ['String', 'Double', 'Empty'],
    ['String', 'Double', 'Empty'],
    ['String', 'Double', 'Double'],
  ],
};

describe('ExcelGateway reading', () => {
  it('reads the used range with blanks as null whether Office sends "" or 0, keeping real zeros', async () => {
    const m = createExcelMock({ sheets: [{ name: 'History', used: history }] });
    const r = await new ExcelGateway(m.host).readUsedRange('History');
    expect(r).not.toBeNull();
    expect(r?.sheet).toBe('History');
    expect([r?.row, r?.column]).toEqual([1, 1]);
    expect(r?.values[1]).toEqual(['2024-05-01', 1200, null]); // "" blank
    expect(r?.values[2]).toEqual(['2024-05-02', 0, null]); // real 0 kept; desktop's blank-as-0 dropped
    expect(r?.values[3]).toEqual(['2024-05-03', 900, 150]);
    expect(m.syncs()).toBe(1);
  });

  it('places a range by its address, quoted sheet names included', async () => {
    const m = createExcelMock({
      sheets: [{ name: 'My Data', used: { address: "'My Data'!B3:C4", values: [['a', 'b'], [1, 2]], valueTypes: [['String', 'String'], ['Double', 'Double']] } }],
    });
    const r = await new ExcelGateway(m.host).readUsedRange('My Data');
    expect(r).toMatchObject({ sheet: 'My Data', row: 3, column: 2, values: [['a', 'b'], [1, 2]] });
  });

  it('returns null for an empty sheet and for a sheet that does not exist', async () => {
    const m = createExcelMock({ sheets: [{ name: 'Empty' }] });
    const gw = new ExcelGateway(m.host);
    expect(await gw.readUsedRange('Empty')).toBeNull();
    expect(await gw.readUsedRange('Nope')).toBeNull();
  });

  it('reads a named range (find it, then read it), and null when the name is absent', async () => {
    const m = createExcelMock({ sheets: [{ name: 'History', used: history }], names: { ADPLAN_History: history } });
    const gw = new ExcelGateway(m.host);
    const r = await gw.readNamed('ADPLAN_History');
    expect(r?.values[0]).toEqual(['日期', '成交金额', '千川消耗']);
    expect(m.syncs()).toBe(2);
    expect(await gw.readNamed('ADPLAN_Assumptions')).toBeNull();
  });

  it('lists every sheet with the used part of its top rows in two syncs, however many sheets there are', async () => {
    const top = (sheet: string): MockRange => ({ address: `${sheet}!A1:B1`, values: [['x', 'y']], valueTypes: [['String', 'String']] });
    const sheets: { name: string; top?: MockRange }[] = ['S1', 'S2', 'S3', 'S4'].map((name) => ({ name, top: top(name) }));
    const m = createExcelMock({ sheets: [...sheets, { name: 'Blank' }] });
    const list = await new ExcelGateway(m.host).listSheets();
    expect(list.map((s) => s.name)).toEqual(['S1', 'S2', 'S3', 'S4', 'Blank']);
    expect(list[2]?.top?.values).toEqual([['x', 'y']]);
    expect(list[4]?.top).toBeNull();
    expect(m.syncs()).toBe(2);
  });
});

describe('ExcelGateway writing', () => {
  it('writes a plan to a new name when the sheet exists, touching nothing of the old one', async () => {
    const m = createExcelMock({ sheets: [{ name: 'History', used: history }, { name: 'Plan – Base' }] });
    const name = await new ExcelGateway(m.host).addSheet({
      baseName: 'Plan – Base',
      cells: [['title'], [], [{ formula: '=ADPLAN.PLAN(ADPLAN_History,ADPLAN_Assumptions,"Base")' }, 5]],
      charts: [{ type: 'line', title: 'Cash', values: 'H3:H10', categories: 'A3:A10', anchor: 'M2' }],
      activate: true,
    });
    expect(name).toBe('Plan – Base (2)');
    expect(m.added).toEqual(['Plan – Base (2)']);
    expect(m.written.every((w) => w.sheet === 'Plan – Base (2)')).toBe(true);
    expect(m.written).toHaveLength(1);
    expect(m.written[0]?.address).toBe('A1:B3');
    expect(m.written[0]?.formulas).toEqual([
      ['title', ''],
      ['', ''],
      ['=ADPLAN.PLAN(ADPLAN_History,ADPLAN_Assumptions,"Base")', 5],
    ]);
    expect(m.charts).toEqual([
      { sheet: 'Plan – Base (2)', type: 'Line', source: 'H3:H10', seriesBy: 'Columns', title: 'Cash', categories: 'A3:A10', position: 'M2' },
    ]);
    expect(m.activated).toEqual(['Plan – Base (2)']);
    expect(m.syncs()).toBe(2); // read the names, then write everything
  });

  it('on hosts with ExcelApi 1.9: GMV as a line on the right axis, the chart sized, A4 landscape one page wide with title rows', async () => {
    const m = createExcelMock({ sheets: [] });
    await new ExcelGateway(m.host, () => true).addSheet({
      baseName: 'Plan – Base',
      cells: [['x']],
      charts: [{ type: 'column', title: 'Spend and GMV', values: 'B4:B94', secondary: { name: 'gmv', values: 'E4:E94' }, categories: 'A4:A94', anchor: 'P22', to: 'R42' }],
      print: { area: 'A1:Q94', titleRows: 4 },
    });
    expect(m.charts).toEqual([
      {
        sheet: 'Plan – Base', type: 'ColumnClustered', source: 'B4:B94', seriesBy: 'Columns', title: 'Spend and GMV', categories: 'A4:A94', position: 'P22', to: 'R42',
        added: [{ name: 'gmv', values: 'E5:E94', categories: 'A5:A94', chartType: 'Line', axisGroup: 'Secondary' }],
      },
    ]);
    expect(m.pageLayouts).toEqual([
      { sheet: 'Plan – Base', orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printArea: 'A1:Q94', titleRows: '$1:$4' },
    ]);
  });

  it('on hosts below ExcelApi 1.8/1.9: the chart without the second series, no page layout (guarded)', async () => {
    const m = createExcelMock({ sheets: [] });
    await new ExcelGateway(m.host, () => false).addSheet({
      baseName: 'Plan – Base',
      cells: [['x']],
      charts: [{ type: 'column', title: 'Spend and GMV', values: 'B4:B94', secondary: { name: 'gmv', values: 'E4:E94' }, anchor: 'P22' }],
      print: { area: 'A1:Q94', titleRows: 4 },
    });
    expect(m.charts[0]?.added).toBeUndefined();
    expect(m.pageLayouts).toEqual([]);
  });

  it('applies the sheet layout: number formats over whole ranges, bold headers, frozen rows, widths', async () => {
    const m = createExcelMock({ sheets: [] });
    await new ExcelGateway(m.host).addSheet({
      baseName: '投放计划 – 基准',
      cells: [['x']],
      formats: [{ range: 'B5:B7', format: '"¥"#,##0' }],
      bold: ['A4:K4'],
      freezeRows: 4,
      widths: [12, 10],
    });
    expect(m.numberFormats).toEqual([{ sheet: '投放计划 – 基准', address: 'B5:B7', formats: [['"¥"#,##0'], ['"¥"#,##0'], ['"¥"#,##0']] }]);
    expect(m.bold).toEqual([{ sheet: '投放计划 – 基准', address: 'A4:K4' }]);
    expect(m.frozenRows).toEqual([{ sheet: '投放计划 – 基准', rows: 4 }]);
    expect(m.widths.map((w) => w.address)).toEqual(['A:A', 'B:B']);
    expect(m.widths[0]!.points).toBeGreaterThan(m.widths[1]!.points);
  });

  it('creates a missing name and moves an existing one', async () => {
    const m = createExcelMock({ sheets: [{ name: 'History', used: history }], names: { ADPLAN_Assumptions: history } });
    const gw = new ExcelGateway(m.host);
    await gw.setName('ADPLAN_History', 'History', 'A1:C4');
    expect(m.namesAdded).toEqual([{ name: 'ADPLAN_History', reference: '=History!$A$1:$C$4' }]);
    await gw.setName('ADPLAN_Assumptions', 'AdPlan Assumptions', 'A1:H34');
    expect(m.namesUpdated).toEqual([{ name: 'ADPLAN_Assumptions', formula: "='AdPlan Assumptions'!$A$1:$H$34" }]);
    expect(m.syncs()).toBe(4);
  });

  it('writes a block of cells in one sync, whatever its size', async () => {
    const m = createExcelMock({ sheets: [{ name: 'A' }] });
    const block = Array.from({ length: 40 }, (_, i) => [i, null, `=text ${i}`]);
    await new ExcelGateway(m.host).writeCells('A', 'C5', block);
    expect(m.syncs()).toBe(1);
    expect(m.written[0]?.address).toBe('C5:E44');
    expect(m.written[0]?.formulas[3]).toEqual([3, '', "'=text 3"]);
  });

  it('moves table columns with Excel’s own insert/delete (shift cells), one sync each', async () => {
    const m = createExcelMock({ sheets: [{ name: 'A' }] });
    const gw = new ExcelGateway(m.host);
    await gw.shiftCells('A', 'G1:G34', 'insert-right');
    await gw.shiftCells('A', 'E1:E34', 'delete-left');
    expect(m.shifted).toEqual([
      { sheet: 'A', address: 'G1:G34', op: 'insert Right' },
      { sheet: 'A', address: 'E1:E34', op: 'delete Left' },
    ]);
    expect(m.written).toEqual([]);
    expect(m.syncs()).toBe(2);
  });

  it('selects a cell on its sheet', async () => {
    const m = createExcelMock({ sheets: [{ name: 'History', used: history }] });
    await new ExcelGateway(m.host).select('History', 'C7');
    expect(m.selected).toEqual([{ sheet: 'History', address: 'C7' }]);
    expect(m.activated).toEqual(['History']);
    expect(m.syncs()).toBe(1);
  });
});

describe('toFormulas', () => {
  it('pads ragged rows and never writes NaN, Infinity or a Date object (a date is its serial number)', () => {
    expect(toFormulas([[1], [NaN, Infinity, new Date('2024-05-01T00:00:00Z')]])).toEqual([
      [1, '', ''],
      // 2024-05-01 is day 45413 of Excel's 1900 date system (DATE(2024,5,1) in Excel).
      ['', '', 45413],
    ]);
  });
});
