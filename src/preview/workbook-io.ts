/**
 * The preview's files: .xlsx/.csv bytes → an in-memory workbook (through the reader's file edge,
 * so the preview reads exactly what the CLI reads). Saving is workbook-save.ts. Loaded lazily:
 * ExcelJS stays out of the Excel task pane's bundle.
 */
import { readCsvBytes } from '../data/csv';
import { readXlsxBytes } from '../data/xlsx';
import { text } from '../i18n/text';
import { AdplanError } from '../model/errors';
import type { MemoryWorkbookInit } from '../taskpane/gateway/memory';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? fileName;
  return (base.replace(/\.[^.]+$/u, '') || base).slice(0, 31);
}

/** Opens a workbook file; an unreadable one is an AdplanError saying why, in both languages. */
export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<MemoryWorkbookInit> {
  if (bytes.length === 0) throw new AdplanError('input', text(`${fileName} is empty.`, `${fileName} 是空文件。`));
  if (startsWith(bytes, OLE)) {
    throw new AdplanError('input', text(`${fileName} is an old .xls workbook: save it as .xlsx or .csv first.`, `${fileName} 是旧版 .xls 文件:请先另存为 .xlsx 或 .csv。`));
  }
  if (startsWith(bytes, ZIP)) {
    try {
      const sheets = await readXlsxBytes(bytes);
      if (sheets.length === 0) throw new Error('no sheets');
      return { sheets: sheets.map((s) => ({ name: s.name, cells: s.cells })) };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new AdplanError('input', text(`${fileName} could not be opened as .xlsx: ${why}`, `无法以 .xlsx 打开 ${fileName}:${why}`), undefined);
    }
  }
  if (/\.(xlsx|xlsm)$/iu.test(fileName)) {
    throw new AdplanError('input', text(`${fileName} is not a valid .xlsx file (it may be damaged).`, `${fileName} 不是有效的 .xlsx 文件(可能已损坏)。`));
  }
  const csv = readCsvBytes(bytes);
  if (csv.cells.length === 0) throw new AdplanError('input', text(`${fileName} has no rows.`, `${fileName} 没有数据行。`));
  return { sheets: [{ name: baseName(fileName), cells: csv.cells }] };
}
