/**
 * The preview's "Download workbook" round-trips the opened file (issue 16 item 9): read back
 * with JSZip and plain XML matching, not with the writer under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { openWorkbook } from '../../src/preview/workbook-io';
import { prepareDownload, type OpenedSource } from '../../src/preview/workbook-save';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';

const DEMO = join(__dirname, '..', '..', 'assets', 'sample', 'formulas-demo.xlsx');

async function sheetsXml(bytes: Uint8Array): Promise<{ workbook: string; sheets: Map<string, string>; styles: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/gu)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"|Target="([^"]*)"[^>]*Id="${m[2]}"`, 'u').exec(rels);
    const t = target?.[1] ?? target?.[2] ?? '';
    sheets.set(m[1] ?? '', await zip.file(t.startsWith('/') ? t.slice(1) : `xl/${t}`)!.async('string'));
  }
  return { workbook, sheets, styles: await zip.file('xl/styles.xml')!.async('string'), zip };
}

const count = (xml: string, re: RegExp): number => (xml.match(re) ?? []).length;

/** formulas-demo.xlsx with a hidden and a very hidden sheet, edited at the XML level (not by the code under test). */
async function merchantFile(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(DEMO));
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  zip.file(
    'xl/workbook.xml',
    wb.replace(/(<sheet\b[^>]*name="样本真实参数"[^>]*?)\s*state="visible"/u, '$1 state="hidden"').replace(/(<sheet\b[^>]*name="日汇总"[^>]*?)\s*state="visible"/u, '$1 state="veryHidden"'),
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('Download workbook keeps the opened workbook', () => {
  let source: OpenedSource;
  let demoFormulas = 0;
  let before: Awaited<ReturnType<typeof sheetsXml>>;
  beforeAll(async () => {
    const bytes = await merchantFile();
    source = { bytes, fileName: 'merchant.xlsx', init: await openWorkbook(bytes, 'merchant.xlsx') };
    before = await sheetsXml(bytes);
  });

  it('formulas-demo.xlsx itself has its formulas (32 when issue 16 was filed; more as functions are added)', async () => {
    const demo = await sheetsXml(new Uint8Array(readFileSync(DEMO)));
    demoFormulas = [...demo.sheets.values()].reduce((n, x) => n + count(x, /<f[ >]/gu), 0);
    expect(demoFormulas).toBeGreaterThanOrEqual(32);
  });

  it('keeps formulas, dynamic arrays, hidden states, panes and widths; applies edits; appends the plan sheet with formats', async () => {
    const gw = new MemoryGateway(source.init);
    gw.edit('投放假设', 'D3', 0.42);
    await gw.addSheet({
      baseName: '投放计划 – 基准',
      cells: [['标题'], [], [], [{ formula: '=ADPLAN.PLAN(ADPLAN_History,ADPLAN_Assumptions,"基准")', spill: [['日期', '消耗'], [46174, 1200.4]] }]],
      formats: [{ range: 'B5', format: '"¥"#,##0' }],
      freezeRows: 4,
      widths: [12, 14],
    });
    await gw.setName('ADPLAN_History', '直播数据', 'A1:R180');
    const { bytes, losses } = await prepareDownload(gw, source);
    expect(losses).toEqual([]);
    const after = await sheetsXml(bytes);

    // Every original formula is still a formula; the plan adds its own.
    const formulas = (x: Awaited<ReturnType<typeof sheetsXml>>, skip: string) =>
      [...x.sheets.entries()].filter(([n]) => n !== skip).reduce((n, [, xml]) => n + count(xml, /<f[ >]/gu), 0);
    for (const [n, xml] of before.sheets) expect([n, count(after.sheets.get(n) ?? '', /<f[ >]/gu)]).toEqual([n, count(xml, /<f[ >]/gu)]);
    expect(formulas(after, '投放计划 – 基准')).toBe(demoFormulas);
    expect(formulas(after, '')).toBe(demoFormulas + 1);
    // Excel 365 spills stay dynamic (cm), the new one too.
    const cms = (x: Awaited<ReturnType<typeof sheetsXml>>) => [...x.sheets.values()].reduce((n, xml) => n + count(xml, /\scm="1"/gu), 0);
    expect(cms(after)).toBe(cms(before) + 1);
    expect(cms(before)).toBeGreaterThan(0);
    // Hidden states.
    expect(after.workbook).toMatch(/<sheet\b[^>]*name="样本真实参数"[^>]*state="hidden"/u);
    expect(after.workbook).toMatch(/<sheet\b[^>]*name="日汇总"[^>]*state="veryHidden"/u);
    // Frozen header of the export, the custom width, the edit.
    expect(after.sheets.get('直播数据')).toMatch(/<pane\b[^>]*ySplit="1"[^>]*state="frozen"/u);
    expect(after.sheets.get('看板')).toMatch(/<col\b[^>]*min="1"[^>]*max="1"[^>]*width="30"/u);
    expect(after.sheets.get('投放假设')).toMatch(/<c r="D3"[^>]*><v>0\.42<\/v>/u);
    // The plan sheet: frozen at row 4, money format registered and used.
    const plan = after.sheets.get('投放计划 – 基准')!;
    expect(plan).toMatch(/<pane\b[^>]*ySplit="4"[^>]*state="frozen"/u);
    const fmtId = /<numFmt numFmtId="(\d+)" formatCode="&quot;¥&quot;#,##0"/u.exec(after.styles)?.[1];
    expect(fmtId).toBeDefined();
    const b5Style = /<c r="B5" s="(\d+)"/u.exec(plan)?.[1];
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/u.exec(after.styles)?.[1]?.match(/<xf\b[^>]*>/gu) ?? [];
    expect(xfs[Number(b5Style)]).toContain(`numFmtId="${fmtId}"`);
    // The name the workbench set.
    expect(after.workbook).toMatch(/<definedName name="ADPLAN_History">(?:&apos;)?直播数据(?:&apos;)?!\$A\$1:\$R\$180<\/definedName>/u);
  });

  it('keeps the plan sheet charts as native charts (nothing to warn about) and adds a values copy', async () => {
    const gw = new MemoryGateway(source.init);
    await gw.addSheet({ baseName: 'Plan – Base', cells: [['cash'], [{ formula: '=ADPLAN.KPI(ADPLAN_History,ADPLAN_Assumptions,"min_cash","Base")', result: 5 }]], charts: [{ type: 'line', title: 'Cash', values: 'A1:A2', anchor: 'C2' }] });
    const { bytes, losses } = await prepareDownload(gw, source);
    expect(losses).toEqual([]);
    const after = await sheetsXml(bytes);
    expect(after.sheets.get('Plan – Base')).toMatch(/<drawing r:id="rId\d+"\/>/u);
    expect(Object.keys(after.zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/u.test(n)).length).toBeGreaterThanOrEqual(2);
    const copy = after.sheets.get('Plan – Base (values)') ?? '';
    expect(copy).not.toMatch(/<f[ >]/u);
    expect(copy).toMatch(/<c r="A2"[^>]*><v>5<\/v><\/c>/u);
  });

  it('a CSV opens and downloads as a new workbook of its values', async () => {
    const csv = new TextEncoder().encode('日期,消耗\n2024-06-01,100\n');
    const init = await openWorkbook(csv, 'shop.csv');
    const gw = new MemoryGateway(init);
    const { bytes, losses } = await prepareDownload(gw, { bytes: csv, fileName: 'shop.csv', init });
    expect(losses).toEqual([]);
    const after = await sheetsXml(bytes);
    expect([...after.sheets.keys()]).toEqual(['shop']);
  });
});
