/** The Node file edge: read a path, hand the bytes to the browser-safe workbook reader. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { text } from '../i18n/text';
import { AdplanError } from '../model/errors';
import { readMerchantBuffers, type MerchantRead } from './merchant';
import type { SharedAssumptions } from './scenarios-for';
import { readAssumptionsBuffer, readWorkbookBuffer, type WorkbookOptions, type WorkbookRead } from './workbook';

export async function loadWorkbookFile(path: string, options: WorkbookOptions = {}): Promise<WorkbookRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new AdplanError('input', text(`Cannot read ${path} (${code})`, `无法读取 ${path}（${code}）`), 'file');
  }
  return readWorkbookBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path), options);
}

/** One merchant's files read and joined on the date (`adplan check a.xlsx b.csv`). */
export async function loadMerchantFiles(paths: readonly string[], options: WorkbookOptions = {}): Promise<MerchantRead> {
  const files = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      throw new AdplanError('input', text(`Cannot read ${path} (${code})`, `无法读取 ${path}（${code}）`), 'file');
    }
    files.push({ data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName: basename(path) });
  }
  return readMerchantBuffers(files, options);
}

/** A shared assumptions table from a file (`--assumptions FILE`). */
export async function loadAssumptionsFile(path: string): Promise<SharedAssumptions> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new AdplanError('input', text(`Cannot read ${path} (${code})`, `无法读取 ${path}（${code}）`), 'assumptions');
  }
  const { read } = await readAssumptionsBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path));
  return { source: basename(path), read };
}
