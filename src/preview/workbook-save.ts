/**
 * The preview's "Download workbook": the opened workbook round-tripped, plus what the workbench
 * added. An opened .xlsx is reloaded from its own bytes (so formulas, hidden and very hidden
 * sheets, frozen panes, column widths, styles and names stay as they were), the user's edits in
 * the workbench are applied cell by cell, and the sheets the add-in wrote are appended with their
 * formats, print setup and native charts, each followed by a values-only copy (for a merchant
 * without the add-in). Excel 365 spills keep their dynamic-array form. What ExcelJS cannot carry
 * of the opened file (its charts, pivot tables, macros…) is listed *before* the download, so
 * nothing is lost silently.
 */
import { Workbook, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { LIMITS, mb } from '../data/formats';
import { addChart, markDynamic, printA4Landscape, valuesSheetName, workbookBytes, writeArrayFormula, writeFormula, writeValuesCopy, type CachedValue, type FileChart } from '../data/formats';
import { zipEntries } from '../data/formats';
import { isAdplanError } from '../model/core';
import { text, type Text } from '../i18n/text';
import { parseCell, parseRange, rangeA1 } from '../taskpane/gateway/address';
import { uniqueSheetName } from '../taskpane/gateway/sheetName';
import { relabelPlanCopy } from './plan-values-copy';
import type { MemoryGateway, MemorySheet, MemoryWorkbookInit } from '../taskpane/gateway/memory';
import { isFormulaCell, type ChartSpec, type SheetLayout, type WriteCell } from '../taskpane/gateway/types';

/** The file the preview opened: its bytes and what the opener read from them. */
export interface OpenedSource {
  bytes: Uint8Array;
  fileName: string;
  init: MemoryWorkbookInit;
}

export interface PreparedDownload {
  bytes: Uint8Array;
  /** What the downloaded file does not keep; empty when it keeps everything. */
  losses: Text[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

function isZip(b: Uint8Array): boolean {
  return ZIP.every((x, i) => b[i] === x);
}

/** Package parts ExcelJS does not write back, and how to say so. */
const UNKEPT: readonly { test: RegExp; what: Text }[] = [
  { test: /^xl\/charts\//u, what: text('charts', '图表') },
  { test: /^xl\/chartsheets\//u, what: text('chart sheets', '图表工作表') },
  { test: /^xl\/pivotTables\//u, what: text('pivot tables', '数据透视表') },
  { test: /^xl\/vbaProject\.bin$/u, what: text('macros (VBA)', '宏（VBA）') },
  { test: /^xl\/slicers\//u, what: text('slicers', '切片器') },
  { test: /^xl\/externalLinks\//u, what: text('links to other workbooks', '指向其他工作簿的链接') },
  { test: /^xl\/threadedComments\//u, what: text('threaded comments (notes stay)', '批注会话（普通批注保留）') },
];

/** Per sheet name, the anchors of the original file's dynamic-array formulas (cells with cm). */
async function inspect(bytes: Uint8Array): Promise<{ dynamic: Map<string, Set<string>>; unkept: Text[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const unkept = UNKEPT.filter((u) => names.some((n) => u.test.test(n))).map((u) => u.what);
  const dynamic = new Map<string, Set<string>>();
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/gu)) if (m[1] !== undefined && m[2] !== undefined) target.set(m[1], m[2]);
  for (const m of rels.matchAll(/<Relationship\b[^>]*\bTarget="([^"]+)"[^>]*\bId="([^"]+)"/gu)) if (m[1] !== undefined && m[2] !== undefined) target.set(m[2], m[1]);
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/gu)) {
    const name = /\bname="([^"]*)"/u.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/u.exec(m[0])?.[1];
    const t = id ? target.get(id) : undefined;
    if (name === undefined || !t) continue;
    const part = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
    const xml = (await zip.file(part)?.async('string')) ?? '';
    const anchors = new Set<string>();
    for (const c of xml.matchAll(/<c\b([^>]*\bcm="[^"]*"[^>]*)>\s*<f\b[^>]*\bt="array"/gu)) {
      const r = /\br="([^"]+)"/u.exec(c[1] ?? '')?.[1];
      if (r) anchors.add(r);
    }
    if (anchors.size > 0) dynamic.set(unescapeXml(name), anchors);
  }
  return { dynamic, unkept };
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&amp;/gu, '&');
}

function sameCell(a: WriteCell | undefined, b: WriteCell | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime() || (Number.isNaN(x.getTime()) && Number.isNaN(y.getTime()));
  if (typeof x === 'number' && typeof y === 'number' && Number.isNaN(x) && Number.isNaN(y)) return true;
  if (isFormulaCell(x) || isFormulaCell(y)) return isFormulaCell(x) && isFormulaCell(y) && x.formula === y.formula;
  return x === y || ((x === null || x === '') && (y === null || y === ''));
}

function plain(c: WriteCell | undefined): CachedValue | null {
  if (c === null || c === undefined || isFormulaCell(c)) return null;
  if (typeof c === 'number' && !Number.isFinite(c)) return null;
  return c;
}

/** One cell as the workbench holds it: formula (spill or single) or value. */
function writeCell(ws: Worksheet, row: number, col: number, c: WriteCell): void {
  if (isFormulaCell(c)) {
    if (c.spill) writeArrayFormula(ws, row, col, c.formula, c.spill as (CachedValue | null)[][]);
    else writeFormula(ws, row, col, c.formula, plain(c.result ?? null));
    return;
  }
  ws.getCell(row, col).value = plain(c);
}

/** A sheet the workbench created: every cell, spills first so their cached cells are not overwritten. */
function writeNewSheet(ws: Worksheet, sheet: MemorySheet): void {
  const covered = new Set<string>();
  sheet.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!isFormulaCell(c) || !c.spill) return;
      writeCell(ws, i + 1, j + 1, c);
      c.spill.forEach((r, di) => r.forEach((_, dj) => covered.add(`${i + di},${j + dj}`)));
    }),
  );
  sheet.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!covered.has(`${i},${j}`) && c !== null && c !== undefined) writeCell(ws, i + 1, j + 1, c);
    }),
  );
  applyLayout(ws, sheet.layout ?? {});
  for (const c of sheet.charts) addChart(ws, fileChart(c));
}

/** The range without its header row (the first). */
function body(a1: string): string {
  const ref = parseRange(a1);
  return ref ? rangeA1(ref.row + 1, ref.column, ref.rows - 1, ref.columns) : a1;
}

function headerCell(a1: string): string {
  const ref = parseRange(a1);
  return ref ? rangeA1(ref.row, ref.column, 1, 1) : a1;
}

/** The workbench's chart as a native chart part: the same ranges, the header naming each series. */
function fileChart(c: ChartSpec): FileChart {
  const from = parseCell(c.anchor) ?? { row: 1, column: 1 };
  const to = (c.to ? parseCell(c.to) : null) ?? { row: from.row + 15, column: from.column + 8 };
  const series: FileChart['series'] = [{ name: headerCell(c.values), values: body(c.values), kind: c.type === 'line' ? 'line' : 'bar' }];
  if (c.secondary) series.push({ name: headerCell(c.secondary.values), values: body(c.secondary.values), kind: 'line', secondary: true });
  return {
    title: c.title,
    categories: c.categories ? body(c.categories) : body(c.values),
    series,
    from,
    to,
    valueFormat: '#,##0',
    categoryFormat: 'm/d',
  };
}

/** A sheet the workbench wrote with formulas gets a values-only copy right after it (xlsx-values-copy.ts). */
function hasFormulas(sheet: MemorySheet): boolean {
  return sheet.cells.some((r) => r.some((c) => isFormulaCell(c)));
}

/** `投放计划 – 基准（数值）` / `Plan – Base (values)`: the suffix in the sheet name's own language. */
function valuesName(name: string, taken: readonly string[]): string {
  return uniqueSheetName(valuesSheetName(name, /[\u3400-\u9fff]/u.test(name) ? 'zh-CN' : 'en-US'), taken);
}

function applyLayout(ws: Worksheet, layout: SheetLayout): void {
  for (const f of layout.formats ?? []) {
    const ref = parseRange(f.range);
    if (!ref) continue;
    for (let i = 0; i < ref.rows; i++) for (let j = 0; j < ref.columns; j++) ws.getCell(ref.row + i, ref.column + j).numFmt = f.format;
  }
  for (const b of layout.bold ?? []) {
    const ref = parseRange(b);
    if (!ref) continue;
    for (let i = 0; i < ref.rows; i++) for (let j = 0; j < ref.columns; j++) ws.getCell(ref.row + i, ref.column + j).font = { bold: true };
  }
  if (layout.freezeRows) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.freezeRows, topLeftCell: `A${layout.freezeRows + 1}` }];
  (layout.widths ?? []).forEach((w, j) => (ws.getColumn(j + 1).width = w));
  if (layout.print) {
    printA4Landscape(ws, layout.print.area, layout.print.titleRows, { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 });
  }
}

/** The user's edits on a sheet of the opened file: only cells that differ from what was opened. */
function applyEdits(ws: Worksheet, opened: readonly (readonly WriteCell[])[], now: MemorySheet): number {
  let edits = 0;
  const rows = Math.max(opened.length, now.cells.length);
  for (let i = 0; i < rows; i++) {
    const a = opened[i] ?? [];
    const b = now.cells[i] ?? [];
    const cols = Math.max(a.length, b.length);
    for (let j = 0; j < cols; j++) {
      if (sameCell(a[j], b[j])) continue;
      writeCell(ws, i + 1, j + 1, b[j] ?? null);
      edits++;
    }
  }
  return edits;
}

function setNames(wb: Workbook, gw: MemoryGateway): void {
  for (const [name, ref] of Object.entries(gw.names)) {
    const abs = ref.address.replace(/([A-Z]+)(\d+)/gu, '$$$1$$$2');
    // Replace, not add to, a name the file already had.
    wb.definedNames.model = wb.definedNames.model.filter((n) => n.name !== name);
    wb.definedNames.add(`'${ref.sheet.replace(/'/gu, "''")}'!${abs}`, name);
  }
}

/** ExcelJS re-reads a workbook whole (~15× its XML): past the limit it is not re-read in the browser. */
function tooLargeToReread(source: OpenedSource): Text | null {
  let size: number;
  try {
    size = zipEntries(source.bytes, source.fileName).reduce((n, e) => n + e.inflated, 0);
  } catch (e) {
    // A damaged directory: the re-read below says what is wrong.
    if (!isAdplanError(e)) throw e;
    return null;
  }
  if (size <= LIMITS.xlsxRoundTripBytes) return null;
  return text(
    `the original file's formulas and formatting (it inflates to ${mb(size)}, more than the ${mb(LIMITS.xlsxRoundTripBytes)} the preview re-reads; its values are kept)`,
    `原文件的公式和格式（解压后 ${mb(size)}，超过预览可重新读取的 ${mb(LIMITS.xlsxRoundTripBytes)}；数值已保留）`,
  );
}

/** The workbook to download and what it cannot keep. */
export async function prepareDownload(gw: MemoryGateway, source: OpenedSource | null): Promise<PreparedDownload> {
  const losses: Text[] = [];
  let wb = new Workbook();
  const original = new Set<string>();
  const tooLarge = source && isZip(source.bytes) ? tooLargeToReread(source) : null;
  if (tooLarge) losses.push(tooLarge);
  else if (source && isZip(source.bytes)) {
    try {
      const found = await inspect(source.bytes);
      await wb.xlsx.load(source.bytes as unknown as ArrayBuffer);
      losses.push(...found.unkept);
      for (const [sheet, anchors] of found.dynamic) {
        const ws = wb.getWorksheet(sheet);
        if (ws) anchors.forEach((a) => markDynamic(ws, a));
      }
      wb.worksheets.forEach((ws) => original.add(ws.name));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      losses.push(text(`the original file's formulas and formatting (it could not be re-read: ${why})`, `原文件的公式和格式（无法重新读取：${why}）`));
      wb = new Workbook();
      original.clear();
    }
  }
  wb.creator = wb.creator || 'AdPlan preview';
  const opened = new Map((source?.init.sheets ?? []).map((s) => [s.name, s.cells]));
  for (const sheet of gw.sheets) {
    const ws = original.has(sheet.name) ? wb.getWorksheet(sheet.name) : undefined;
    if (ws) applyEdits(ws, opened.get(sheet.name) ?? [], sheet);
    else {
      const added = wb.addWorksheet(sheet.name);
      writeNewSheet(added, sheet);
      if (hasFormulas(sheet)) {
        const copy = writeValuesCopy(wb, added, valuesName(sheet.name, [...wb.worksheets.map((w) => w.name), ...gw.sheets.map((g) => g.name)]));
        relabelPlanCopy(copy, new Date().toISOString().slice(0, 10));
      }
    }
  }
  setNames(wb, gw);
  return { bytes: await workbookBytes(wb), losses };
}
