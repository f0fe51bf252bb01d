/**
 * The written package, read back independently of ExcelJS: JSZip for the parts and xmldom for
 * the XML, with expectations written from the OOXML spec and Excel 365's own files (PLATFORM.md
 * "Facts added 2026-12"): a dynamic-array formula is `<f t="array" ref=…>` in a cell carrying
 * `cm`, which indexes a cellMetadata record pointing at XLDAPR future metadata with
 * `fDynamic="1"`; the part is registered in [Content_Types].xml and related from the workbook.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { workbookBytes, writeArrayFormula, writeFormula } from '../../src/data/formats';
import { demoWorkbookBytes } from '../../src/sample/demo-workbook';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const XDA = 'http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray';

async function parts(bytes: Uint8Array): Promise<{ zip: JSZip; xml(path: string): Promise<Document> }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    zip,
    async xml(path) {
      const f = zip.file(path);
      if (!f) throw new Error(`missing part ${path}`);
      return new DOMParser().parseFromString(await f.async('string'), 'text/xml') as unknown as Document;
    },
  };
}

function cells(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagNameNS(MAIN, 'c')) as unknown as Element[];
}

/** Sheet name → worksheet part, resolved through the workbook's relationships. */
async function sheetPart(p: Awaited<ReturnType<typeof parts>>, name: string): Promise<string> {
  const wb = await p.xml('xl/workbook.xml');
  const rels = await p.xml('xl/_rels/workbook.xml.rels');
  const sheet = (Array.from(wb.getElementsByTagNameNS(MAIN, 'sheet')) as unknown as Element[]).find((s) => s.getAttribute('name') === name);
  const id = sheet?.getAttribute('r:id');
  const rel = (Array.from(rels.getElementsByTagName('Relationship')) as unknown as Element[]).find((r) => r.getAttribute('Id') === id);
  return `xl/${rel?.getAttribute('Target') ?? ''}`.replace('xl//xl/', 'xl/');
}

describe('dynamic arrays in written workbooks', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet('投放计划 – 基准');
    writeFormula(ws, 1, 1, '=ADPLAN.KPI(ADPLAN_History,ADPLAN_Assumptions,"roi","Base")', 2.5);
    writeArrayFormula(ws, 3, 2, '=ADPLAN.PLAN(ADPLAN_History,ADPLAN_Assumptions,"Base")', [
      ['日期', '消耗'],
      [46174, 1200],
      [46175, 1440],
    ]);
    writeArrayFormula(ws, 3, 6, '=TRANSPOSE(B3:C5)', [[1, 2, 3]], false);
    writeFormula(ws, 1, 8, '=A1*2', 5);
    bytes = await workbookBytes(wb);
  });

  it('marks the spill anchor with cm and keeps the array ref and formula', async () => {
    const p = await parts(bytes);
    const doc = await p.xml(await sheetPart(p, '投放计划 – 基准'));
    const anchor = cells(doc).find((c) => c.getAttribute('r') === 'B3')!;
    expect(anchor.getAttribute('cm')).toBe('1');
    const f = anchor.getElementsByTagNameNS(MAIN, 'f')[0]!;
    expect(f.getAttribute('t')).toBe('array');
    expect(f.getAttribute('ref')).toBe('B3:C5');
    expect(f.textContent).toBe('_xldudf_ADPLAN_PLAN(ADPLAN_History,ADPLAN_Assumptions,"Base")');
    // Cached values: the anchor's text and the spilled numbers, exactly as given.
    expect(anchor.getAttribute('t')).toBe('str');
    expect(anchor.getElementsByTagNameNS(MAIN, 'v')[0]?.textContent).toBe('日期');
    const c5 = cells(doc).find((c) => c.getAttribute('r') === 'C5')!;
    expect(c5.getElementsByTagNameNS(MAIN, 'v')[0]?.textContent).toBe('1440');
    expect(c5.getElementsByTagNameNS(MAIN, 'f').length).toBe(0);
  });

  it('stores a single-cell ADPLAN call as a one-cell dynamic array (no =@ in Excel 365); a legacy array and a plain formula stay without cm', async () => {
    const p = await parts(bytes);
    const doc = await p.xml(await sheetPart(p, '投放计划 – 基准'));
    const a1 = cells(doc).find((c) => c.getAttribute('r') === 'A1')!;
    expect(a1.getAttribute('cm')).toBe('1');
    const f = a1.getElementsByTagNameNS(MAIN, 'f')[0]!;
    expect([f.getAttribute('t'), f.getAttribute('ref'), f.textContent]).toEqual(['array', 'A1', '_xldudf_ADPLAN_KPI(ADPLAN_History,ADPLAN_Assumptions,"roi","Base")']);
    expect(a1.getElementsByTagNameNS(MAIN, 'v')[0]?.textContent).toBe('2.5');
    expect(cells(doc).find((c) => c.getAttribute('r') === 'F3')?.getAttribute('cm')).toBeFalsy();
    const plain = cells(doc).find((c) => c.getAttribute('r') === 'H1')!;
    expect(plain.getAttribute('cm')).toBeFalsy();
    expect(plain.getElementsByTagNameNS(MAIN, 'f')[0]?.getAttribute('t')).toBeNull();
  });

  it('has the metadata part, its content type, its relationship and recalc-on-open', async () => {
    const p = await parts(bytes);
    const meta = await p.xml('xl/metadata.xml');
    const types = Array.from(meta.getElementsByTagNameNS(MAIN, 'metadataType')) as unknown as Element[];
    expect(types.map((t) => t.getAttribute('name'))).toEqual(['XLDAPR']);
    const future = meta.getElementsByTagNameNS(MAIN, 'futureMetadata')[0]!;
    expect(future.getAttribute('name')).toBe('XLDAPR');
    const dyn = meta.getElementsByTagNameNS(XDA, 'dynamicArrayProperties')[0]!;
    expect(dyn.getAttribute('fDynamic')).toBe('1');
    // cm="1" is the first cellMetadata block; its record points at type 1 (XLDAPR), value 0.
    const rc = meta.getElementsByTagNameNS(MAIN, 'cellMetadata')[0]!.getElementsByTagNameNS(MAIN, 'rc')[0]!;
    expect([rc.getAttribute('t'), rc.getAttribute('v')]).toEqual(['1', '0']);

    const ct = await p.xml('[Content_Types].xml');
    const override = (Array.from(ct.getElementsByTagName('Override')) as unknown as Element[]).find((o) => o.getAttribute('PartName') === '/xl/metadata.xml');
    expect(override?.getAttribute('ContentType')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml');
    const rels = await p.xml('xl/_rels/workbook.xml.rels');
    const all = Array.from(rels.getElementsByTagName('Relationship')) as unknown as Element[];
    const rel = all.find((r) => r.getAttribute('Target') === 'metadata.xml');
    expect(rel?.getAttribute('Type')).toBe('http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata');
    expect(new Set(all.map((r) => r.getAttribute('Id'))).size).toBe(all.length);

    const wb = await p.xml('xl/workbook.xml');
    expect(wb.getElementsByTagNameNS(MAIN, 'calcPr')[0]?.getAttribute('fullCalcOnLoad')).toBe('1');
  });

  it('the demo workbook: every spilled example is a dynamic array', async () => {
    const p = await parts(await demoWorkbookBytes(1));
    expect(p.zip.file('xl/metadata.xml')).not.toBeNull();
    const doc = await p.xml(await sheetPart(p, '计划'));
    const anchor = cells(doc).find((c) => c.getAttribute('r') === 'A1')!;
    expect(anchor.getAttribute('cm')).toBe('1');
    expect(anchor.getElementsByTagNameNS(MAIN, 'f')[0]?.getAttribute('t')).toBe('array');
  });

  it('the demo workbook: single-cell dashboard formulas are one-cell dynamic arrays; values copies sit beside the live sheets', async () => {
    const p = await parts(await demoWorkbookBytes(1));
    const dash = await p.xml(await sheetPart(p, '看板'));
    const udf = cells(dash).filter((c) => (c.getElementsByTagNameNS(MAIN, 'f')[0]?.textContent ?? '').startsWith('_xldudf_'));
    expect(udf.length).toBeGreaterThan(5);
    for (const c of udf) expect([c.getAttribute('r'), c.getAttribute('cm'), c.getElementsByTagNameNS(MAIN, 'f')[0]?.getAttribute('t')]).toEqual([c.getAttribute('r'), '1', 'array']);
    const wb = await p.xml('xl/workbook.xml');
    const names = (Array.from(wb.getElementsByTagNameNS(MAIN, 'sheet')) as unknown as Element[]).map((s) => s.getAttribute('name'));
    expect(names.indexOf('看板（数值）')).toBe(names.indexOf('看板') + 1);
    expect(names.indexOf('计划（数值）')).toBe(names.indexOf('计划') + 1);
    for (const copy of ['看板（数值）', '计划（数值）']) {
      const doc = await p.xml(await sheetPart(p, copy));
      expect([copy, doc.getElementsByTagNameNS(MAIN, 'f').length]).toEqual([copy, 0]);
      expect(cells(doc).length).toBeGreaterThan(20);
    }
  });
});
