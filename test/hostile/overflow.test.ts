/** Numbers that would overflow to ±Infinity are input errors naming their cell or argument (issue 16 item 8). */
import { thrownBy } from '../functions/fake-runtime';
import { Workbook } from 'exceljs';
import { parseNumber } from '../../src/data/cells';
import { readWorkbookBuffer } from '../../src/data/merchant';
import { breakevenroi, unitmargin } from '../../src/functions/as-called';

describe('overflow', () => {
  it('UNITMARGIN with a denormal AOV is an input error naming aov, not -Infinity', () => {
    const e = thrownBy(() => unitmargin(0.35, 0.2, 0.05, 0, 6, 5e-324, 6, 0.8));
    expect(e?.message).toBe('aov 5e-324 is too small for per-order costs of 7.2: enter the average order value in yuan.');
    expect(thrownBy(() => breakevenroi(0.35, 0.2, 0.05, 0, 6, 5e-324, 6, 0.8))?.message).toMatch(/^aov 5e-324 is too small/u);
  });

  it('a function argument beyond ±1e15 names the argument', () => {
    const e = thrownBy(() => unitmargin(0.35, 0.2, 0.05, 0, 1e303, 100, 6, 0.8));
    expect(e?.message).toBe('shipping_per_order is too large: beyond ±1e15 (the documented input limit), got 1e+303.');
  });

  it('cells beyond ±1e15 (and ±Infinity) are refused by the parser; 1e15 itself is kept', () => {
    expect(parseNumber(1e303, 'money')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseNumber(-1e16, 'money')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseNumber('9999999999999999万', 'money')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseNumber(Infinity, 'money')).toEqual({ ok: false, reason: 'not_finite' });
    expect(parseNumber(1e15, 'money')).toEqual({ ok: true, value: 1e15 });
  });

  it('a 1e303 GMV cell in an .xlsx is reported at its address, not summed into Infinity', async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('h');
    ws.addRow(['日期', '观看次数', '成交订单数', '成交金额']);
    ws.addRow(['2024-05-01', 100, 1, 1e303]);
    ws.addRow(['2024-05-02', 100, 1, 10]);
    const read = await readWorkbookBuffer(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'big.xlsx');
    expect(read.history.totals.gmv).toBe(10);
    const issue = read.history.issues.find((i) => i.address === 'D2');
    expect(issue?.severity).toBe('error');
    expect(issue?.message['en-US']).toMatch(/gmv is too large \(beyond ±1e15/u);
  });
});
