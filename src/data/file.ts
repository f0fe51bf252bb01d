/**
 * The Node file edge: read a path, hand the bytes to the browser-safe opener (open.ts).
 * Only regular files are read: a FIFO would block forever and /dev/zero never ends, so the file
 * is opened without blocking and checked (type and size) before a byte is read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { text } from '../i18n/text';
import { AdplanError } from '../model/errors';
import { fileReadError } from './file-errors';
import { checkFileSize } from './open';
import { readMerchantBuffers, type MerchantRead } from './merchant';
import type { SharedAssumptions } from './scenarios-for';
import { readAssumptionsBuffer, readWorkbookBuffer, type WorkbookOptions, type WorkbookRead } from './workbook';

/** A failed open or read, in words ("file not found …"), never a raw ENOENT (file-errors.ts). */
function cannotRead(shown: string, e: unknown, field: string): AdplanError {
  return fileReadError(shown, e, field);
}

/**
 * The bytes of a regular file, refused (AdplanError naming `shown`) when it is anything else or
 * past the size limit. `path` may be raw bytes (a GBK file name that is not valid UTF-8).
 */
export async function readRegularFile(path: string | Buffer, shown: string, field = 'file'): Promise<Uint8Array> {
  let fh;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw cannotRead(shown, e, field);
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) {
      const kind = st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
      const kindZh = st.isDirectory() ? '文件夹' : st.isFIFO() ? '管道（FIFO）' : st.isCharacterDevice() || st.isBlockDevice() ? '设备' : st.isSocket() ? '套接字' : '非普通文件';
      throw new AdplanError('input', text(`${shown} is ${kind}, not a file: not read.`, `${shown} 是${kindZh}，不是普通文件：未读取。`), field);
    }
    checkFileSize(st.size, shown);
    const bytes = new Uint8Array(st.size);
    let at = 0;
    while (at < st.size) {
      const { bytesRead } = await fh.read(bytes, at, st.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === st.size ? bytes : bytes.subarray(0, at);
  } catch (e) {
    if (e instanceof AdplanError) throw e;
    throw cannotRead(shown, e, field);
  } finally {
    await fh.close();
  }
}

export async function loadWorkbookFile(path: string | Buffer, options: WorkbookOptions = {}, shown?: string): Promise<WorkbookRead> {
  const name = shown ?? basename(path.toString());
  const bytes = await readRegularFile(path, shown ?? path.toString());
  return readWorkbookBuffer(bytes, name, options);
}

/** One merchant's files read and joined on the date (`adplan check a.xlsx b.csv`). */
export async function loadMerchantFiles(
  paths: readonly (string | { path: string | Buffer; shown: string })[],
  options: WorkbookOptions = {},
): Promise<MerchantRead> {
  const files = [];
  for (const p of paths) {
    // A path given as bytes (a GBK name) comes with the text to show for it.
    const { path, shown } = typeof p === 'string' ? { path: p, shown: p } : p;
    files.push({ data: await readRegularFile(path, shown), fileName: typeof p === 'string' ? basename(p) : shown });
  }
  return readMerchantBuffers(files, options);
}

/** A shared assumptions table from a file (`--assumptions FILE`). */
export async function loadAssumptionsFile(path: string): Promise<SharedAssumptions> {
  const bytes = await readRegularFile(path, path, 'assumptions');
  const { read } = await readAssumptionsBuffer(bytes, basename(path));
  return { source: basename(path), read };
}
