/**
 * The portfolio summary a provider sends on (issue 26 item 7): file names only (no local
 * folders, in the file column or in a reason), and the key columns print on one A4 landscape
 * page wide. Read back from the written package with JSZip, not with ExcelJS.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildSummaryWorkbook, PRINTED } from '../../src/portfolio/summary-workbook';
import type { PortfolioSummary } from '../../src/portfolio/types';
import { row } from './fixtures';

const rows = [
  row('/home/provider/客户/美妆店A.xlsx', 'scale', 1.2),
  row('C:\\Users\\provider\\Desktop\\shop-b.csv', 'steady', 0.4),
  row('/home/provider/客户/broken.xlsx', 'data-fix', null, null),
];
const summary: PortfolioSummary = {
  merchants: 3,
  counts: { scale: 1, steady: 1, 'cut-back': 0, 'organic-first': 0, 'data-fix': 1 },
  totalPlannedSpend: 1,
  totalPeakCapital: 1,
  totalExpectedProfit: 1,
};

async function written(): Promise<{ bytes: Uint8Array; zip: JSZip; all: string }> {
  const bytes = new Uint8Array((await buildSummaryWorkbook(rows, summary, 'zh-CN').xlsx.writeBuffer()) as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  const texts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return { bytes, zip, all: texts.join('\n') };
}

describe('the portfolio summary workbook', () => {
  it('keeps no local folder anywhere in the package: file names only', async () => {
    const { all } = await written();
    for (const folder of ['/home/provider', 'C:\\Users', 'Desktop', '客户/']) expect([folder, all.includes(folder)]).toEqual([folder, false]);
    for (const name of ['美妆店A.xlsx', 'shop-b.csv', 'broken.xlsx']) expect(all).toContain(name);
  });

  it('prints the key columns (rank … P(cash short)) one A4 landscape page wide, the header on every page', async () => {
    const { zip } = await written();
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<pageSetup\b(?=[^>]*paperSize="9")(?=[^>]*orientation="landscape")(?=[^>]*fitToWidth="1")(?=[^>]*fitToHeight="0")[^>]*\/>/u);
    expect(sheet).toMatch(/<pageSetUpPr\b[^>]*fitToPage="1"/u);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;组合汇总&apos;!\\$A\\$1:\\$${String.fromCharCode(64 + PRINTED)}\\$4</definedName>`, 'u'));
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;组合汇总&apos;!\$1:\$1<\/definedName>/u);
    const header = [...sheet.matchAll(/<c r="([A-Z]+)1"/gu)].map((m) => m[1]);
    expect(header.length).toBeGreaterThan(PRINTED);
  });

  const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0);
  (soffice ? it : it.skip)('LibreOffice prints the summary sheet on one page (skipped without soffice)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adplan-summary-'));
    try {
      const { bytes } = await written();
      const file = join(dir, 'summary.xlsx');
      writeFileSync(file, bytes);
      const run = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 180_000 });
      if (run.status !== 0 || !existsSync(join(dir, 'summary.pdf'))) throw new Error(`soffice failed: ${run.stderr}`);
      const page1 = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' }).stdout;
      // The first page is the summary sheet: every key header and every merchant on it.
      for (const h of ['排名', '分层', '商家', '可持续日消耗', '峰值资金占用', '回本天数', '现金不足概率']) expect([h, page1.includes(h)]).toEqual([h, true]);
      for (const m of ['美妆店A', 'shop-b', 'broken']) expect([m, page1.includes(m)]).toEqual([m, true]);
      expect(page1).not.toContain('回测误差');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
