/**
 * Native charts in a written package. ExcelJS writes no charts, so `workbookBytes` adds them
 * after ExcelJS has written the workbook, as Excel lays them out (ECMA-376 Part 1, §20.5 and
 * §21.2; the same parts XlsxWriter writes): per chart a DrawingML chart part xl/charts/chartN.xml
 * (`c:chartSpace` with a bar and/or line group over sheet ranges, a secondary value axis when a
 * series asks for one); per sheet one drawing part xl/drawings/drawingK.xml holding a
 * `xdr:twoCellAnchor` per chart, related from the sheet by `<drawing r:id>`; each part with its
 * content-type Override and relationships. Excel and LibreOffice draw from the cells, so no
 * value cache is written. Browser-safe.
 */
import type JSZip from 'jszip';
import { columnLetters } from '../address';
import { escapeXml } from '../escape';

export interface FileChartSeries {
  /** A1 cell holding the series name (the column header), on the chart's sheet. */
  name: string;
  /** A1 range of the values (without the header), on the chart's sheet. */
  values: string;
  kind: 'bar' | 'line';
  /** Drawn against a second value axis on the right (GMV beside spend: ten times larger). */
  secondary?: boolean;
}

export interface FileChart {
  title: string;
  /** A1 range of the category labels (dates), as many rows as each series' values. */
  categories: string;
  series: FileChartSeries[];
  /** Top-left and bottom-right cells the chart covers (1-based; `to` is the first cell past it). */
  from: { row: number; column: number };
  to: { row: number; column: number };
  /** Number format of the value axes' labels and of the category axis (dates). */
  valueFormat?: string;
  categoryFormat?: string;
}

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_REL_TYPE = `${R}/chart`;
export const DRAWING_REL_TYPE = `${R}/drawing`;

/** `'Sheet'!$B$5:$B$94` from `B5:B94`. */
function sheetRef(sheet: string, a1: string): string {
  const abs = a1.replace(/\$/gu, '').replace(/([A-Z]+)(\d+)/gu, '$$$1$$$2');
  return `'${sheet.replace(/'/gu, "''")}'!${abs}`;
}

function ser(sheet: string, chart: FileChart, s: FileChartSeries, i: number): string {
  const tx = `<c:tx><c:strRef><c:f>${escapeXml(sheetRef(sheet, s.name))}</c:f></c:strRef></c:tx>`;
  const cat = `<c:cat><c:numRef><c:f>${escapeXml(sheetRef(sheet, chart.categories))}</c:f></c:numRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${escapeXml(sheetRef(sheet, s.values))}</c:f></c:numRef></c:val>`;
  const head = `<c:idx val="${i}"/><c:order val="${i}"/>${tx}`;
  if (s.kind === 'bar') return `<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
  return `<c:ser>${head}<c:spPr><a:ln w="22225"/></c:spPr><c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
}

const PRIMARY = [1001, 1002] as const;
const SECONDARY = [1003, 1004] as const;

function axes(pair: readonly [number, number], secondary: boolean, chart: FileChart): string {
  const [cat, val] = pair;
  const catFmt = chart.categoryFormat ? `<c:numFmt formatCode="${escapeXml(chart.categoryFormat)}" sourceLinked="0"/>` : '';
  const valFmt = `<c:numFmt formatCode="${escapeXml(chart.valueFormat ?? 'General')}" sourceLinked="0"/>`;
  const catAx =
    `<c:catAx><c:axId val="${cat}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${secondary ? 1 : 0}"/>` +
    `<c:axPos val="b"/>${catFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${val}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${secondary ? 'r' : 'l'}"/>${secondary ? '' : '<c:majorGridlines/>'}${valFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cat}"/><c:crosses val="${secondary ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

/** The chart part: one bar and/or line group per axis, series numbered across groups. */
export function chartXml(sheet: string, chart: FileChart): string {
  const indexed = chart.series.map((s, i) => ({ s, i }));
  const groups: string[] = [];
  for (const secondary of [false, true]) {
    const pair = secondary ? SECONDARY : PRIMARY;
    const ids = `<c:axId val="${pair[0]}"/><c:axId val="${pair[1]}"/>`;
    const bars = indexed.filter((x) => x.s.kind === 'bar' && !!x.s.secondary === secondary);
    const lines = indexed.filter((x) => x.s.kind === 'line' && !!x.s.secondary === secondary);
    if (bars.length > 0) {
      groups.push(`<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${bars.map((x) => ser(sheet, chart, x.s, x.i)).join('')}<c:gapWidth val="60"/>${ids}</c:barChart>`);
    }
    if (lines.length > 0) {
      groups.push(`<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.map((x) => ser(sheet, chart, x.s, x.i)).join('')}<c:marker val="1"/>${ids}</c:lineChart>`);
    }
  }
  const hasSecondary = chart.series.some((s) => s.secondary);
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/>` +
    `<a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${groups.join('')}${axes(PRIMARY, false, chart)}${hasSecondary ? axes(SECONDARY, true, chart) : ''}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

function anchor(chart: FileChart, i: number): string {
  const cell = (tag: string, p: { row: number; column: number }): string =>
    `<xdr:${tag}><xdr:col>${p.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${cell('from', chart.from)}${cell('to', chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

function rels(items: readonly { type: string; target: string }[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
      .map((x, i) => `<Relationship Id="rId${i + 1}" Type="${x.type}" Target="${escapeXml(x.target)}"/>`)
      .join('')}</Relationships>`
  );
}

function freeNumber(zip: JSZip, prefix: string, from: number): number {
  let n = from;
  while (zip.file(`${prefix}${n}.xml`)) n++;
  return n;
}

/** Worksheet children that come after `<drawing>` (CT_Worksheet's order): the element goes before the first. */
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Adds `charts` to the worksheet part `sheetPart` of sheet `sheet`: chart parts, one drawing,
 * relationships and content types. A sheet that already has a drawing is refused (never merged
 * silently): AdPlan only adds charts to sheets it wrote.
 */
export async function addChartParts(zip: JSZip, sheet: string, sheetPart: string, charts: readonly FileChart[]): Promise<void> {
  if (charts.length === 0) return;
  const sheetFile = zip.file(sheetPart);
  if (!sheetFile) throw new Error(`No worksheet part ${sheetPart} for sheet "${sheet}"`);
  let xml = await sheetFile.async('string');
  if (/<drawing\b/u.test(xml)) throw new Error(`Sheet "${sheet}" already has a drawing; charts were not added`);
  let types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const drawingN = freeNumber(zip, 'xl/drawings/drawing', 1);
  let chartN = freeNumber(zip, 'xl/charts/chart', 1);
  const chartTargets: { type: string; target: string }[] = [];
  for (const chart of charts) {
    chartN = freeNumber(zip, 'xl/charts/chart', chartN);
    zip.file(`xl/charts/chart${chartN}.xml`, chartXml(sheet, chart));
    types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${chartN}.xml" ContentType="${CHART_CONTENT_TYPE}"/></Types>`);
    chartTargets.push({ type: CHART_REL_TYPE, target: `../charts/chart${chartN}.xml` });
    chartN++;
  }
  const drawingPart = `xl/drawings/drawing${drawingN}.xml`;
  zip.file(drawingPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${charts.map(anchor).join('')}</xdr:wsDr>`);
  zip.file(relsPathOf(drawingPart), rels(chartTargets));
  types = types.replace('</Types>', `<Override PartName="/${drawingPart}" ContentType="${DRAWING_CONTENT_TYPE}"/></Types>`);
  zip.file('[Content_Types].xml', types);

  // The sheet's relationship to its drawing, under an id the sheet does not use yet.
  const sheetRels = relsPathOf(sheetPart);
  const existing = (await zip.file(sheetRels)?.async('string')) ?? rels([]);
  const used = new Set([...existing.matchAll(/\bId="([^"]+)"/gu)].map((m) => m[1]));
  let id = used.size + 1;
  while (used.has(`rId${id}`)) id++;
  const target = `../drawings/drawing${drawingN}.xml`;
  zip.file(sheetRels, existing.replace(/<\/Relationships>\s*$/u, `<Relationship Id="rId${id}" Type="${DRAWING_REL_TYPE}" Target="${target}"/></Relationships>`).replace(/<Relationships([^>]*)\/>/u, `<Relationships$1><Relationship Id="rId${id}" Type="${DRAWING_REL_TYPE}" Target="${target}"/></Relationships>`));

  if (!/<worksheet\b[^>]*\bxmlns:r=/u.test(xml)) xml = xml.replace(/<worksheet\b/u, `<worksheet xmlns:r="${R}"`);
  const at = AFTER_DRAWING.map((t) => xml.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (at === undefined) throw new Error(`Worksheet part ${sheetPart} has no </worksheet>`);
  zip.file(sheetPart, `${xml.slice(0, at)}<drawing r:id="rId${id}"/>${xml.slice(at)}`);
}

/** A1 of a 1-based cell, for tests and callers that think in addresses. */
export function cellA1(p: { row: number; column: number }): string {
  return `${columnLetters(p.column)}${p.row}`;
}
