/** 1904-date workbooks (Mac Excel's date system) read the dates Excel shows (issue 16 item 10). */
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookBuffer } from '../../src/data/merchant';

/** Days since 1904-01-01 (the 1904 system's serial 0), worked from the calendar, not from the code. */
const serial1904 = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / 86_400_000;

async function workbook1904(attribute: '1' | 'true', plainSerials = false): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('h');
  ws.addRow(['日期', '观看次数', '成交订单数', '成交金额']);
  for (let d = 1; d <= 3; d++) {
    if (plainSerials) {
      // A serial with no date format (a pasted column), once as a number and once as text.
      ws.addRow([d === 2 ? String(serial1904(2024, 5, d)) : serial1904(2024, 5, d), 100, 1, 10 * d]);
      continue;
    }
    ws.addRow([new Date(Date.UTC(2024, 4, d)), 100, 1, 10 * d]);
    ws.getCell(d + 1, 1).numFmt = 'yyyy-mm-dd';
  }
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const xml = await zip.file('xl/workbook.xml')?.async('string');
  if (!xml?.includes('date1904="1"')) throw new Error('ExcelJS no longer writes date1904="1"');
  zip.file('xl/workbook.xml', xml.replace('date1904="1"', `date1904="${attribute}"`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('1904 date system', () => {
  it.each(['1', 'true'] as const)('date1904="%s": the dates are the ones Excel shows, not 4 years early', async (attribute) => {
    const read = await readWorkbookBuffer(await workbook1904(attribute), 'mac.xlsx');
    expect(read.history.history.days.map((d) => d.date)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
  });

  it.each(['1', 'true'] as const)('date1904="%s": plain serial numbers in the date column are 1904 serials (43951 = 2024-05-01)', async (attribute) => {
    expect(serial1904(2024, 5, 1)).toBe(43951);
    const read = await readWorkbookBuffer(await workbook1904(attribute, true), 'mac-serials.xlsx');
    expect(read.history.history.days.map((d) => d.date)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
  });
});
