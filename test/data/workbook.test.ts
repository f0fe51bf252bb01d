import * as iconv from 'iconv-lite';
import { Workbook } from 'exceljs';
import { SIDE_TABLE_ROWS } from '../../src/data/table';
import type { Cell } from '../../src/data/table';
import { assumptionsSheetOf, readWorkbookBuffer } from '../../src/data/merchant';
import { plainCell, readXlsxBytes, type SheetCells } from '../../src/data/formats';

describe('plainCell (ExcelJS values → plain cells)', () => {
  it.each([
    [null, null],
    [12.5, 12.5],
    ['x', 'x'],
    [{ formula: 'A1*2', result: 7200 }, 7200],
    [{ sharedFormula: 'B2', result: '1.2万' }, '1.2万'],
    [{ formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    [{ formula: 'A1' }, null],
    [{ richText: [{ text: '成交' }, { text: '金额' }] }, '成交金额'],
    [{ text: '直播间', hyperlink: 'https://example.invalid' }, '直播间'],
    [{ error: '#N/A' }, '#N/A'],
  ])('%j → %j', (v, expected) => {
    expect(plainCell(v as never)).toEqual(expected);
  });
});

describe('readWorkbookBuffer', () => {
  it('merged title cells hold their value only in the top-left cell (rows end at their last value)', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['标题', null, null]);
    ws.mergeCells('A1:C1');
    ws.addRow(['日期', '观看次数', '成交订单数']);
    const sheets = await readXlsxBytes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(sheets[0]?.cells[0]).toEqual(['标题']);
  });

  it('UTF-16 "Unicode text" (tab-separated) is read', async () => {
    const text = '日期\t观看次数\t成交订单数\t成交金额\r\n2024-05-01\t100\t1\t10\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    const r = await readWorkbookBuffer(bytes, 'export.txt');
    expect(r.encoding).toBe('utf-16le');
    expect(r.history.totals.gmv).toBe(10);
    expect(r.historySheet).toBe('export');
  });

  it('an old .xls (OLE) file is refused with what to do', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readWorkbookBuffer(ole, 'old.xls')).rejects.toThrow('old.xls is an old .xls workbook: save it as .xlsx or .csv in Excel first');
  });

  it('a corrupt .xlsx is an input error, not a crash', async () => {
    const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(readWorkbookBuffer(zipHeader, 'broken.xlsx')).rejects.toThrow(/broken\.xlsx is not a valid \.xlsx workbook \(no zip directory\)/u);
  });

  it('accepts an ArrayBuffer (the browser path)', async () => {
    const bytes = new TextEncoder().encode('日期,观看次数,成交订单数,成交金额\n2024-05-01,100,1,10\n');
    const r = await readWorkbookBuffer(bytes.buffer as ArrayBuffer, 'a.csv');
    expect(r.history.history.days).toHaveLength(1);
  });
});

describe('side sheets are read over their top rows, never as a whole grid', () => {
  /** A streamed sheet of `n` rows whose grid must not be built (its getter throws). */
  function streamedSheet(name: string, top: Cell[][], n: number): SheetCells & { handedOut: number } {
    const s = {
      name,
      handedOut: 0,
      rows: {
        *from(start: number): Generator<Cell[]> {
          for (let i = start; i < n; i++) {
            s.handedOut++;
            yield top[i] ?? [`订单 ${i}`, i, i * 2];
          }
        },
      },
      get cells(): Cell[][] {
        throw new Error(`the grid of "${name}" was built`);
      },
    };
    return s;
  }

  it('the assumptions sheet is found among a 300,000-row order sheet and a history sheet, reading at most SIDE_TABLE_ROWS of each', () => {
    const history = streamedSheet('直播数据', [['日期', '成交订单数', '成交金额']], 3);
    const orders = streamedSheet('订单明细', [['订单号', '数量', '金额']], 300_000);
    const assumptions = streamedSheet('投放假设', [['key', 'Base'], ['cogs_rate', 0.35], ['cash_available', 200000], ['aov', 120]], 4);
    expect(assumptionsSheetOf([history, orders, assumptions], [history])).toBe(assumptions);
    expect(orders.handedOut).toBeLessThanOrEqual(SIDE_TABLE_ROWS);
  });
});
