/** Plan dates past 9999-12-31 are an input error, never "+010000-01" (issue 16 item 10). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { main } from '../../src/cli/main';
import { addDays } from '../../src/model/core';
import { sampleWorkbookBytes } from '../../src/sample/workbook';

describe('the last date', () => {
  it('addDays refuses to pass 9999-12-31 and names the date', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow('9999-12-31 + 1 days runs past 9999-12-31, the last date Excel can hold');
  });

  it('adplan plan on a history ending 9999-12-31 exits 1 with that message, printing no +010000 date', async () => {
    const wb = new Workbook();
    await wb.xlsx.load((await sampleWorkbookBytes(1)) as never);
    const ws = wb.worksheets[0];
    ws?.eachRow((row) => {
      const c = row.getCell(1);
      if (typeof c.value === 'string') c.value = c.value.replace('2024-03', '9999-10').replace('2024-04', '9999-11').replace('2024-05', '9999-12');
    });
    const dir = mkdtempSync(join(tmpdir(), 'adplan-9999-'));
    try {
      const file = join(dir, 'far.xlsx');
      writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      let out = '';
      const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t), env: {} };
      const code = await main(['plan', file, '--runs', '0'], io);
      expect(code).toBe(1);
      expect(out).toMatch(/runs past 9999-12-31/u);
      expect(out).not.toContain('+010000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
