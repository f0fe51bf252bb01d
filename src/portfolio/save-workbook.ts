/** Node edge: write the summary workbook, never over an existing file unless forced. */
import { accessSync, constants, lstatSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Workbook } from 'exceljs';
import { text, type Text } from '../i18n/text';
import { AdplanError } from '../model/core';

/** What `path` is when it is not a regular file (a folder, a pipe, a device…), in words. */
function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isFile(): boolean }): Text | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return text('a folder', '文件夹');
  if (st.isFIFO()) return text('a pipe (FIFO)', '管道（FIFO）');
  if (st.isSocket()) return text('a socket', '套接字');
  return text('a device or special file', '设备或特殊文件');
}

/**
 * Why the summary workbook cannot be written at `out`, checked before the batch runs (null when
 * it can): a symbolic link (dangling or not: it would write elsewhere), anything but a regular
 * file (a folder, a FIFO — even with --force), an existing file without --force ('exists', a
 * usage error), a missing or read-only folder.
 */
export function outProblem(out: string, force: boolean): Text | 'exists' | null {
  const st = lstatSync(out, { throwIfNoEntry: false });
  const refuse = (en: string, zh: string): Text => text(`Cannot write ${out}: ${en}. Nothing was planned yet.`, `无法写入 ${out}：${zh}。尚未开始规划。`);
  if (st?.isSymbolicLink()) return refuse('it is a symbolic link; name the file itself for --out', '它是符号链接；请为 --out 指定文件本身');
  if (st) {
    const kind = kindOf(st);
    if (kind) return refuse(`it is ${kind['en-US']}, not a file`, `它是${kind['zh-CN']}，不是普通文件`);
    if (!force) return 'exists';
  }
  const folder = dirname(resolve(out));
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
    accessSync(st ? out : folder, constants.W_OK);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return text(`Cannot write ${out} (${code}): choose a writable folder for --out. Nothing was planned yet.`, `无法写入 ${out}（${code}）：请为 --out 选择可写的文件夹。尚未开始规划。`);
  }
}

export async function saveWorkbook(wb: Workbook, path: string, force: boolean): Promise<void> {
  const bytes = await wb.xlsx.writeBuffer();
  const fail = (code: string): AdplanError => new AdplanError('input', text(`Cannot write ${path} (${code})`, `无法写入 ${path}（${code}）`), 'out');
  let fh;
  try {
    // O_EXCL fails if the file appeared since the up-front check (still no silent overwrite); O_NOFOLLOW
    // refuses a link put there since; O_NONBLOCK keeps a FIFO from holding the write forever.
    const flags = constants.O_WRONLY | constants.O_CREAT | (force ? 0 : constants.O_EXCL) | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
    fh = await open(path, flags, 0o644);
  } catch (e) {
    throw fail((e as NodeJS.ErrnoException).code ?? String(e));
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw fail(kindOf(st)?.['en-US'] ?? 'not a file');
    await fh.truncate(0);
    await fh.writeFile(new Uint8Array(bytes as ArrayBuffer));
  } catch (e) {
    if (e instanceof AdplanError) throw e;
    throw fail((e as NodeJS.ErrnoException).code ?? String(e));
  } finally {
    await fh.close();
  }
}
