/** 1904-date workbooks (Mac Excel's date system) read the dates Excel shows (issue 16 item 10). */
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookBuffer } from '../../src/data/workbook';

async function workbook1904(attribute: '1' | 'true'): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('h');
  ws.addRow(['日期', '观看次数', '成交订单数', '成交金额']);
  for (let d = 1; d <= 3; d++) {
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
});
