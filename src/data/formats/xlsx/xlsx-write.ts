/**
 * Writing workbooks that Excel opens with live ADPLAN formulas (the demo workbook, the browser
 * preview's "Download workbook"). How Excel itself stores these, from public evidence
 * (docs/taskpane.md "How ADPLAN formulas are stored in a file"):
 * - A JavaScript custom function call is saved with the `_xldudf_` prefix and the namespace dot
 *   as an underscore: `ADPLAN.KPI(…)` → `_xldudf_ADPLAN_KPI(…)` (Microsoft, OfficeDev/
 *   Excel-Custom-Functions#108: XLLs save as `_xll.NAME(`, "for JavaScript custom functions we by
 *   default save out with a different prefix `_xldudf`"; office-js#5611 "by design"). `_xll.`
 *   is only for XLL add-ins (and JS functions declared equivalent to one), which AdPlan is not.
 * - A formula saved without dynamic-array metadata is a legacy formula: Excel 365 shows `=@…`
 *   wherever it could have returned an array, and a user-defined function always could (SheetJS
 *   #2736: a custom function in a plain formula opens as `=@CustomFunction(…`; the cure is to mark
 *   it a dynamic array). So every formula calling an ADPLAN function — single cell or spill — is
 *   stored the way Excel 365 stores what a user types: `<f t="array" ref="…">` over its result
 *   (one cell for a single value) in a cell carrying `cm="1"`, pointing at the XLDAPR
 *   dynamic-array metadata in xl/metadata.xml. ExcelJS writes only the legacy CSE form, so
 *   `workbookBytes` adds the part after ExcelJS has written the package. Plain Excel formulas
 *   (`=投放假设!D3`) stay plain.
 * Values are cached so the file reads well before the add-in loads, and Excel recalculates on
 * open; a values-only copy (`valuesCopy`) is what a merchant without the add-in reads. Browser-safe.
 */
import JSZip from 'jszip';
import type { CellFormulaValue, Workbook, Worksheet } from 'exceljs';
import { columnLetters } from '../address';
import { addChartParts, type FileChart } from './xlsx-chart';

/** `=ADPLAN.KPI(…)` → `_xldudf_ADPLAN_KPI(…)` (no leading "="), nested calls included. */
export function toFileFormula(formula: string): string {
  return formula.replace(/^=/u, '').replace(/ADPLAN\.([A-Z]+)\(/gu, '_xldudf_ADPLAN_$1(');
}

export type CachedValue = string | number | boolean | Date;

interface ArrayFormulaValue extends CellFormulaValue {
  // ExcelJS supports these at runtime (worksheet.fillFormula) but its types omit them.
  shareType: 'array';
  ref: string;
}

/** Anchor cells (A1) of dynamic-array formulas, per worksheet, until the package is written. */
const dynamicAnchors = new WeakMap<Worksheet, Set<string>>();

function cached(v: CachedValue | null | undefined): CachedValue {
  return v === null || v === undefined ? '' : v;
}

/** Whether the formula calls an ADPLAN custom function (which Excel would show as `=@…` unless dynamic). */
export function callsCustomFunction(formula: string): boolean {
  return /\bADPLAN\.[A-Z]+\(|_xldudf_/u.test(formula);
}

/**
 * A single-cell formula with its cached result. One calling an ADPLAN function is a one-cell
 * dynamic array (no `=@` in Excel 365, see the header); any other formula is written plain.
 */
export function writeFormula(ws: Worksheet, row: number, col: number, formula: string, result: CachedValue | null | undefined): void {
  if (callsCustomFunction(formula)) {
    writeArrayFormula(ws, row, col, formula, [[result ?? null]]);
    return;
  }
  ws.getCell(row, col).value = { formula: toFileFormula(formula), result: cached(result) };
}

/**
 * A formula whose result spills over `values` (anchor first). `dynamic` (the default) makes it a
 * dynamic-array formula once written by `workbookBytes`; false keeps a legacy CSE array
 * (a user's own `{=…}` block in a round-tripped workbook).
 */
export function writeArrayFormula(
  ws: Worksheet,
  row: number,
  col: number,
  formula: string,
  values: readonly (readonly (CachedValue | null | undefined)[])[],
  dynamic = true,
): void {
  const rows = Math.max(1, values.length);
  let cols = 1;
  for (const r of values) cols = Math.max(cols, r.length);
  const anchor = `${columnLetters(col)}${row}`;
  // One cell is `ref="Q5"`, as Excel writes it; a block is `ref="A4:N94"`.
  const ref = rows === 1 && cols === 1 ? anchor : `${anchor}:${columnLetters(col + cols - 1)}${row + rows - 1}`;
  const master: ArrayFormulaValue = { formula: toFileFormula(formula), shareType: 'array', ref, result: cached(values[0]?.[0]) };
  ws.getCell(row, col).value = master;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (i > 0 || j > 0) ws.getCell(row + i, col + j).value = cached(values[i]?.[j]);
    }
  }
  const anchors = dynamicAnchors.get(ws) ?? new Set<string>();
  if (dynamic) anchors.add(`${columnLetters(col)}${row}`);
  else anchors.delete(`${columnLetters(col)}${row}`);
  dynamicAnchors.set(ws, anchors);
}

/** Marks an existing array formula's anchor as dynamic (a round-tripped Excel 365 spill). */
export function markDynamic(ws: Worksheet, a1: string): void {
  const anchors = dynamicAnchors.get(ws) ?? new Set<string>();
  anchors.add(a1.replace(/\$/gu, '').toUpperCase());
  dynamicAnchors.set(ws, anchors);
}

/** Charts per worksheet, until the package is written (ExcelJS writes none). */
const sheetCharts = new WeakMap<Worksheet, FileChart[]>();

/** A native chart on the sheet, written into the package by `workbookBytes` (xlsx-chart.ts). */
export function addChart(ws: Worksheet, chart: FileChart): void {
  sheetCharts.set(ws, [...(sheetCharts.get(ws) ?? []), chart]);
}

/** The charts registered on a sheet so far. */
export function chartsOf(ws: Worksheet): readonly FileChart[] {
  return sheetCharts.get(ws) ?? [];
}

export const METADATA_PART = 'xl/metadata.xml';
export const METADATA_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
export const METADATA_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata';

/** One XLDAPR future-metadata block and one cell-metadata record pointing at it: `cm="1"`. */
const METADATA_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  '</metadata>';

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'u').exec(tag);
  return m?.[1] ?? null;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&amp;/gu, '&');
}

/** Sheet name → its part path, from xl/workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/gu)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/gu)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id');
    const part = id ? targets.get(id) : undefined;
    if (name !== null && part) parts.set(unescapeXml(name), part);
  }
  return parts;
}

/** Adds `cm="1"` to the anchor cells; an anchor whose cell holds no array formula is left alone. */
function markCells(xml: string, anchors: ReadonlySet<string>): { xml: string; marked: number } {
  let marked = 0;
  const out = xml.replace(/<c\b([^>]*)>(\s*<f\b[^>]*\bt="array")/gu, (whole, attrs: string, f: string) => {
    const r = attr(attrs, 'r');
    if (!r || !anchors.has(r) || /\scm="/u.test(attrs)) return whole;
    marked++;
    return `<c${attrs} cm="1">${f}`;
  });
  return { xml: out, marked };
}

/**
 * Adds the sheets' charts, makes the package's marked array formulas dynamic arrays (cells,
 * metadata part, content type, relationship) and cleans what ExcelJS writes wrong.
 */
export async function finishPackage(
  bytes: Uint8Array,
  anchorsBySheet: ReadonlyMap<string, ReadonlySet<string>>,
  chartsBySheet: ReadonlyMap<string, readonly FileChart[]> = new Map(),
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  for (const [sheet, charts] of chartsBySheet) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`No sheet "${sheet}" for its charts`);
    await addChartParts(zip, sheet, part, charts);
  }
  let marked = 0;
  for (const [sheet, part] of parts) {
    const file = zip.file(part);
    if (!file) continue;
    const anchors = anchorsBySheet.get(sheet) ?? new Set<string>();
    // ExcelJS writes a date-formatted formula without a cached value as <v>NaN</v>, which is
    // not a number to Excel: drop it (Excel recalculates on open anyway).
    const r = markCells((await file.async('string')).replace(/<v>NaN<\/v>/gu, ''), anchors);
    marked += r.marked;
    zip.file(part, r.xml);
  }
  if (marked > 0 && !zip.file(METADATA_PART)) {
    zip.file(METADATA_PART, METADATA_XML);
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    zip.file(
      '[Content_Types].xml',
      types.replace('</Types>', `<Override PartName="/${METADATA_PART}" ContentType="${METADATA_CONTENT_TYPE}"/></Types>`),
    );
    const relsPath = 'xl/_rels/workbook.xml.rels';
    const rels = (await zip.file(relsPath)?.async('string')) ?? '';
    const used = new Set([...rels.matchAll(/\bId="([^"]+)"/gu)].map((m) => m[1]));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    zip.file(relsPath, rels.replace('</Relationships>', `<Relationship Id="rId${n}" Type="${METADATA_REL_TYPE}" Target="metadata.xml"/></Relationships>`));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * The workbook as .xlsx bytes: recalculated when Excel opens it, its spills dynamic arrays.
 * The one way every AdPlan-written workbook leaves memory.
 */
export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const anchors = new Map<string, ReadonlySet<string>>();
  const charts = new Map<string, readonly FileChart[]>();
  for (const ws of wb.worksheets) {
    const set = dynamicAnchors.get(ws);
    if (set && set.size > 0) anchors.set(ws.name, set);
    const list = sheetCharts.get(ws);
    if (list && list.length > 0) charts.set(ws.name, list);
  }
  return finishPackage(bytes, anchors, charts);
}

/**
 * A4 (paperSize 9) landscape, one page wide and as many down as it takes, rows 1…`titleRows` on
 * every page. `area` is plain A1 ("A1:Q94"): ExcelJS writes `$` before each corner's text, so it
 * is given as `A$1:Q$94` and comes out as `$A$1:$Q$94`.
 */
export function printA4Landscape(ws: Worksheet, area: string, titleRows: number, margins?: Partial<Worksheet['pageSetup']['margins']>): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: area.replace(/([A-Z]+)(\d+)/gu, '$1$$$2'),
    printTitlesRow: `1:${titleRows}`,
    ...(margins ? { margins: { ...ws.pageSetup.margins, ...margins } as Worksheet['pageSetup']['margins'] } : {}),
  };
}
