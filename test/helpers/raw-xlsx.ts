/** An .xlsx from hand-written sheet XML (what no Excel writes): for the reader's hostile tests. */
import { zip, type RawEntry } from '../../bench/zip';

export interface RawSheet {
  name: string;
  /** The rows (`<row>…</row>`), as bytes when they must hold an invalid byte. */
  rows: string | Uint8Array;
  /** After `</sheetData>` (e.g. `<mergeCells>…</mergeCells>`). */
  after?: string;
}

/** A cell: a number in `<v>`, text as an inline string. */
export function c(ref: string, v: string | number): string {
  return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
}

/** A numeric cell whose `<v>` holds `raw` as given (what no Excel writes). */
export const v = (ref: string, raw: string): string => `<c r="${ref}"><v>${raw}</v></c>`;

export function rawXlsx(sheets: readonly RawSheet[], options: { zip64?: boolean; encrypted?: boolean } = {}): Uint8Array {
  const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;').replace(/\r/gu, '&#13;');
  const wb = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}</Relationships>`;
  const entries: RawEntry[] = [
    { name: 'xl/workbook.xml', data: Buffer.from(wb) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.concat([
        Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
        typeof s.rows === 'string' ? Buffer.from(s.rows) : Buffer.from(s.rows),
        Buffer.from(`</sheetData>${s.after ?? ''}</worksheet>`),
      ]),
      ...(options.zip64 ? { zip64: true } : {}),
      ...(options.encrypted && i === 0 ? { encrypted: true } : {}),
    })),
  ];
  return zip(entries);
}
