/** The Node file edge: read a path, hand the bytes to the browser-safe workbook reader. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileReadError } from './file-errors';
import type { SharedAssumptions } from './scenarios-for';
import { readAssumptionsBuffer, readWorkbookBuffer, type WorkbookOptions, type WorkbookRead } from './workbook';

export async function loadWorkbookFile(path: string, options: WorkbookOptions = {}): Promise<WorkbookRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw fileReadError(path, e, 'file');
  }
  return readWorkbookBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path), options);
}

/** A shared assumptions table from a file (`--assumptions FILE`). */
export async function loadAssumptionsFile(path: string): Promise<SharedAssumptions> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw fileReadError(path, e, 'assumptions');
  }
  const { read } = await readAssumptionsBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basename(path));
  return { source: basename(path), read };
}
