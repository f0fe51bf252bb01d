/**
 * A written plan as a merchant prints it (issue 26 items 5 and 7): the preview's download of a
 * live plan sheet, read back with JSZip and xmldom (not the writer under test) — the ADPLAN
 * formulas as Excel stores them, the values-only copy, the page setup, the KPI column's width,
 * the native chart parts — and, when LibreOffice is installed, printed to PDF: at most 3 A4
 * pages, every KPI label whole.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { readAssumptions } from '../../src/data/assumptions';
import { displayWidth } from '../../src/data/formats';
import type { Lang } from '../../src/i18n/text';
import { buildPlanReport } from '../../src/model/engine';
import { kpiLabel } from '../../src/model/report';
import { prepareDownload } from '../../src/preview/workbook-save';
import { generateMerchant } from '../../src/sample/merchant';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import { planLabels } from '../../src/taskpane/components/WritePlanPanel';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { makeI18n } from '../../src/taskpane/i18n';
import '../../src/taskpane/i18n/dictionaries';
import { KPI_COLUMN, KPI_METRICS, PLAN_COLUMNS, planSheet } from '../../src/taskpane/state/planSheet';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const { history } = generateMerchant(1);
const scenarios = readAssumptions(sampleAssumptionCells()).scenarios;
const report = buildPlanReport({ history, scenarios, runs: 0 });

interface Written {
  bytes: Uint8Array;
  zip: JSZip;
  sheetName: string;
  xml(part: string): Promise<Document>;
  part(sheet: string): Promise<string>;
}

async function written(lang: Lang, valuesOnly = false, withData = true): Promise<Written> {
  const labels = planLabels(makeI18n(lang), lang === 'zh-CN' ? '基准' : 'Base', valuesOnly, '2026-12-07');
  const gw = new MemoryGateway({ sheets: withData ? [{ name: 'Data', cells: [['x']] }] : [] });
  const sheetName = await gw.addSheet(planSheet(report.scenarios[0]!, labels, valuesOnly));
  const { bytes } = await prepareDownload(gw, null);
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (p: string): Promise<Document> => {
    const f = zip.file(p);
    if (!f) throw new Error(`missing part ${p}`);
    return new DOMParser().parseFromString(await f.async('string'), 'text/xml') as unknown as Document;
  };
  const part = async (sheet: string): Promise<string> => {
    const wb = await xml('xl/workbook.xml');
    const rels = await xml('xl/_rels/workbook.xml.rels');
    const id = all(wb, MAIN, 'sheet').find((s) => s.getAttribute('name') === sheet)?.getAttribute('r:id');
    const target = (Array.from(rels.getElementsByTagName('Relationship')) as unknown as Element[]).find((r) => r.getAttribute('Id') === id)?.getAttribute('Target');
    if (!target) throw new Error(`no part for ${sheet}`);
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  };
  return { bytes, zip, sheetName, xml, part };
}

function all(doc: Document | Element, ns: string, tag: string): Element[] {
  return Array.from((doc as Document).getElementsByTagNameNS(ns, tag)) as unknown as Element[];
}

const letters = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

describe.each(['zh-CN', 'en-US'] as const)('a written live plan (%s)', (lang) => {
  let w: Written;
  beforeAll(async () => {
    w = await written(lang);
  });

  it('stores every ADPLAN call as Excel does: _xldudf_ prefix, a dynamic array (cm) even for one cell', async () => {
    const doc = await w.xml(await w.part(w.sheetName));
    const withF = all(doc, MAIN, 'c').filter((c) => all(c, MAIN, 'f').length > 0);
    expect(withF.length).toBe(1 + KPI_METRICS.length);
    for (const c of withF) {
      const f = all(c, MAIN, 'f')[0]!;
      expect(f.textContent).toMatch(/^_xldudf_ADPLAN_(PLAN|KPI)\(/u);
      expect(f.textContent).not.toContain('ADPLAN.');
      expect([c.getAttribute('cm'), f.getAttribute('t')]).toEqual(['1', 'array']);
    }
    // A KPI is one value: its array covers its own cell only, and caches the number.
    const kpi = withF.find((c) => c.getAttribute('r') === `${letters(KPI_COLUMN + 1)}${5}`)!;
    expect(all(kpi, MAIN, 'f')[0]!.getAttribute('ref')).toBe(kpi.getAttribute('r'));
    expect(Number(all(kpi, MAIN, 'v')[0]?.textContent)).toBeCloseTo(report.scenarios[0]!.kpis.totalSpend, 6);
    // The plan spills over its days and columns.
    expect(all(withF[0]!, MAIN, 'f')[0]!.getAttribute('ref')).toBe(`A4:${letters(PLAN_COLUMNS.length)}${4 + report.scenarios[0]!.days.length}`);
  });

  it('puts the KPI block beside the spill, never inside it', () => {
    expect(KPI_COLUMN).toBeGreaterThan(PLAN_COLUMNS.length + 1);
  });

  it('writes a values-only copy right after the live sheet: numbers, no formulas, the same formats', async () => {
    const wb = await w.xml('xl/workbook.xml');
    const names = all(wb, MAIN, 'sheet').map((s) => s.getAttribute('name'));
    const copy = lang === 'zh-CN' ? `${w.sheetName}（数值）` : `${w.sheetName} (values)`;
    expect(names.indexOf(copy)).toBe(names.indexOf(w.sheetName) + 1);
    const doc = await w.xml(await w.part(copy));
    expect(all(doc, MAIN, 'f')).toHaveLength(0);
    const cell = (r: string): Element | undefined => all(doc, MAIN, 'c').find((c) => c.getAttribute('r') === r);
    expect(Number(all(cell(`${letters(KPI_COLUMN + 1)}5`)!, MAIN, 'v')[0]?.textContent)).toBeCloseTo(report.scenarios[0]!.kpis.totalSpend, 6);
    // It reads as values: the subtitle says so, the limit in the sheet's language (爬坡, not `ramp`).
    const text = (r: string): string => {
      const c = cell(r);
      const inline = c ? all(c, MAIN, 't')[0]?.textContent : undefined;
      return inline ?? '';
    };
    const strings = await w.zip.file('xl/sharedStrings.xml')?.async('string');
    const shared = strings ? (Array.from(new DOMParser().parseFromString(strings, 'text/xml').getElementsByTagNameNS(MAIN, 'si')) as unknown as Element[]).map((e) => e.textContent ?? '') : [];
    const shown = (r: string): string => (cell(r)?.getAttribute('t') === 's' ? (shared[Number(all(cell(r)!, MAIN, 'v')[0]?.textContent)] ?? '') : text(r));
    expect(shown('A2')).not.toContain('ADPLAN_History');
    expect(shown('A2')).toMatch(/\d{4}-\d{2}-\d{2}/u);
    expect(shown(`${letters(PLAN_COLUMNS.indexOf('limit') + 1)}5`)).toBe(lang === 'zh-CN' ? '爬坡' : 'ramp');
    // The first day: a date serial under the date format, like the live sheet.
    expect(Number(all(cell('A5')!, MAIN, 'v')[0]?.textContent)).toBeGreaterThan(40000);
    expect(cell('A5')?.getAttribute('s')).toBe(all(await w.xml(await w.part(w.sheetName)), MAIN, 'c').find((c) => c.getAttribute('r') === 'A5')?.getAttribute('s'));
  });

  it('prints A4 landscape, one page wide, the header rows on every page', async () => {
    const doc = await w.xml(await w.part(w.sheetName));
    const setup = all(doc, MAIN, 'pageSetup')[0]!;
    expect([setup.getAttribute('paperSize'), setup.getAttribute('orientation'), setup.getAttribute('fitToWidth'), setup.getAttribute('fitToHeight')]).toEqual(['9', 'landscape', '1', '0']);
    expect(all(doc, MAIN, 'pageSetUpPr')[0]?.getAttribute('fitToPage')).toBe('1');
    const names = all(await w.xml('xl/workbook.xml'), MAIN, 'definedName');
    const quoted = `'${w.sheetName}'`;
    const titles = names.find((n) => n.getAttribute('name') === '_xlnm.Print_Titles' && (n.textContent ?? '').startsWith(quoted));
    expect(titles?.textContent).toBe(`${quoted}!$1:$4`);
    const area = names.find((n) => n.getAttribute('name') === '_xlnm.Print_Area' && (n.textContent ?? '').startsWith(quoted));
    expect(area?.textContent).toMatch(new RegExp(`!\\$A\\$1:\\$${letters(KPI_COLUMN + 1)}\\$\\d+$`, 'u'));
  });

  it('makes the KPI label column as wide as the longest label in either language', async () => {
    const doc = await w.xml(await w.part(w.sheetName));
    const col = all(doc, MAIN, 'col').find((c) => Number(c.getAttribute('min')) <= KPI_COLUMN && Number(c.getAttribute('max')) >= KPI_COLUMN)!;
    const longest = Math.max(...KPI_METRICS.flatMap((m) => [displayWidth(kpiLabel(m)['zh-CN']), displayWidth(kpiLabel(m)['en-US'])]));
    expect(Number(col.getAttribute('width'))).toBeGreaterThanOrEqual(longest + 1);
  });

  it('carries a native chart of spend (columns) and GMV (line, right axis), anchored beside the plan', async () => {
    const part = await w.part(w.sheetName);
    const sheetXml = await w.zip.file(part)!.async('string');
    const drawingId = /<drawing r:id="([^"]+)"\/>/u.exec(sheetXml)?.[1];
    expect(drawingId).toBeDefined();
    const sheetRels = await w.xml(part.replace(/worksheets\/(sheet\d+\.xml)$/u, 'worksheets/_rels/$1.rels'));
    const rel = (Array.from(sheetRels.getElementsByTagName('Relationship')) as unknown as Element[]).find((r) => r.getAttribute('Id') === drawingId)!;
    expect(rel.getAttribute('Type')).toBe('http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing');
    const drawing = `xl/drawings/${rel.getAttribute('Target')!.split('/').pop()!}`;
    const anchors = (await w.xml(drawing)).getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing', 'twoCellAnchor');
    expect(anchors.length).toBe(2);
    const drawingRels = await w.xml(drawing.replace(/drawings\/(drawing\d+\.xml)$/u, 'drawings/_rels/$1.rels'));
    const chartPart = `xl/charts/${(drawingRels.getElementsByTagName('Relationship')[0] as unknown as Element).getAttribute('Target')!.split('/').pop()!}`;
    const chart = await w.xml(chartPart);
    const bar = all(chart, C, 'barChart')[0]!;
    const line = all(chart, C, 'lineChart')[0]!;
    const f = (e: Element, tag: string): string => all(all(e, C, tag)[0]!, C, 'f')[0]!.textContent ?? '';
    const last = 4 + report.scenarios[0]!.days.length;
    expect(f(bar, 'val')).toBe(`'${w.sheetName}'!$B$5:$B$${last}`);
    expect(f(line, 'val')).toBe(`'${w.sheetName}'!$E$5:$E$${last}`);
    expect(f(bar, 'cat')).toBe(`'${w.sheetName}'!$A$5:$A$${last}`);
    expect(all(chart, C, 'valAx').map((a) => all(a, C, 'axPos')[0]!.getAttribute('val'))).toEqual(['l', 'r']);
    const types = await w.zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain(`PartName="/${chartPart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    expect(types).toContain(`PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`);
  });
});

/** LibreOffice prints the file: skipped, saying why, where it is not installed. */
const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0);
const print = soffice ? describe : describe.skip;
if (!soffice) console.warn('plan-print.test.ts: LibreOffice (soffice) is not installed; the PDF page count is not checked');

print('printed by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adplan-print-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Each page's text; LibreOffice prints every sheet (hidden ones too), one after the other. */
  function toPdf(bytes: Uint8Array, name: string): { pages: string[]; size: string } {
    const file = join(dir, `${name}.xlsx`);
    writeFileSync(file, bytes);
    const run = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 180_000 });
    const pdf = join(dir, `${name}.pdf`);
    if (run.status !== 0 || !existsSync(pdf)) throw new Error(`soffice failed (${run.status}): ${run.stderr} ${run.stdout}`);
    const info = execFileSync('pdfinfo', [pdf]).toString();
    if (process.env.ADPLAN_KEEP_PRINT) writeFileSync(join(process.env.ADPLAN_KEEP_PRINT, `${name}.pdf`), readFileSync(pdf));
    const count = Number(/Pages:\s+(\d+)/u.exec(info)?.[1]);
    const pages = Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-']).toString().replace(/[ \t]+/gu, ' '));
    return { pages, size: /Page size:\s+([^\n]*)/u.exec(info)?.[1] ?? '' };
  }

  it.each(['zh-CN', 'en-US'] as const)('%s: the live sheet and its values copy each print on ≤ 3 A4 landscape pages, every KPI label whole', async (lang) => {
    const w = await written(lang, false, false);
    const out = toPdf(w.bytes, `plan-${lang}`);
    expect(out.size).toMatch(/^841\.\d+ x 595\.\d+ pts/u); // A4 landscape: 842 × 595 points
    // Without the add-in (LibreOffice) the live sheet shows #NAME?; its values copy shows the numbers.
    const live = out.pages.filter((p) => p.includes('#NAME?'));
    const values = out.pages.filter((p) => !p.includes('#NAME?'));
    expect([live.length, values.length].map((n) => n >= 1 && n <= 3)).toEqual([true, true]);
    const first = values[0] ?? '';
    for (const m of KPI_METRICS) expect([m, first.includes(` ${kpiLabel(m)[lang]} `)]).toEqual([m, true]);
    const spend = Math.round(report.scenarios[0]!.kpis.totalSpend).toLocaleString('en-US');
    expect(first).toContain(lang === 'zh-CN' ? `¥${spend}` : spend);
  });

  it.each(['zh-CN', 'en-US'] as const)('%s: a plan written as values only prints on ≤ 3 A4 landscape pages, every KPI label whole', async (lang) => {
    const w = await written(lang, true, false);
    const out = toPdf(w.bytes, `plan-${lang}-values-only`);
    expect(out.pages.length).toBeGreaterThanOrEqual(1);
    expect(out.pages.length).toBeLessThanOrEqual(3);
    for (const m of KPI_METRICS) expect([m, (out.pages[0] ?? '').includes(` ${kpiLabel(m)[lang]} `)]).toEqual([m, true]);
  });
});
