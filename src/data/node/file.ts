/**
 * The Node file edge: open a path and hand it to the browser-safe opener (open.ts) as a source
 * read by position (bytes.ts), so a CSV is decoded from disk a chunk at a time, never held whole.
 * Only regular files are read: a FIFO would block forever and /dev/zero never ends, so the file
 * is opened without blocking and checked (type and size) before a byte is read.
 *
 * File lifetime: each loader below opens its files, awaits the whole read (opening, the history
 * walk, the assumptions) and closes them in `finally`. Every pass over a CSV happens inside that
 * window; nothing returned holds a source.
 */
import { constants, fstatSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { text } from '../../i18n/text';
import { AdplanError } from '../../model/core';
import { readAll, type ByteSource } from '../formats';
import { fileReadError } from '../formats';
import { checkFileSize } from '../formats';
import { readMerchantBuffers, type MerchantFile, type MerchantRead } from '../merchant';
import type { SharedAssumptions } from '../assumptions';
import { readAssumptionsBuffer, readWorkbookBuffer, type WorkbookOptions, type WorkbookRead } from '../merchant';
import { readEventsBuffer, type EventsSource } from '../merchant';

/** A failed open or read, in words ("file not found …"), never a raw ENOENT (file-errors.ts). */
function cannotRead(shown: string, e: unknown, field: string): AdplanError {
  return fileReadError(shown, e, field);
}

/**
 * The file a portfolio found (discover.ts): its real path's bytes and its (device, inode). It is
 * opened by that path without following a link, and read only if the opened file is the one found,
 * so a link re-pointed outside the folder between finding and reading is never read.
 */
export interface FileIdentity {
  target: Uint8Array;
  dev: string;
  ino: string;
}

/** An open regular file as a byte source; `close` once its reading is over. */
export interface FileBytes extends ByteSource {
  close(): Promise<void>;
}

/**
 * The file changed between two reads (a passing sync or copy still writing): later passes would
 * not read what the first pass checked, so nothing read is trusted.
 */
function changed(shown: string, field: string, was: Stats, now: Stats): AdplanError {
  const how =
    was.size === now.size
      ? text('it was rewritten', '文件被改写')
      : text(`its size went from ${was.size} to ${now.size} bytes`, `大小从 ${was.size} 字节变为 ${now.size} 字节`);
  return new AdplanError(
    'input',
    text(
      `${shown} changed while it was being read (${how['en-US']}): read it again once it is completely saved or copied.`,
      `${shown} 在读取过程中发生了变化（${how['zh-CN']}）：请在文件完整保存或复制后重新读取。`,
    ),
    field,
  );
}

/**
 * Reads by position with readSync on the open descriptor. Every read first checks that the file
 * is the one that was opened (size and modification time), so passes never mix two versions.
 */
function fileSource(fh: FileHandle, st: Stats, shown: string, field: string): FileBytes {
  let closed = false;
  return {
    size: st.size,
    read(pos, len) {
      // A bug, not a user error: a pass outlived its loader (see "File lifetime" above).
      if (closed) throw new Error(`${shown} was read after it was closed`);
      const n = Math.max(0, Math.min(len, st.size - pos));
      const out = new Uint8Array(n);
      let at = 0;
      let now: Stats;
      try {
        now = fstatSync(fh.fd);
        if (now.size === st.size && now.mtimeMs === st.mtimeMs) {
          while (at < n) {
            const got = readSync(fh.fd, out, at, n - at, pos + at);
            if (got === 0) break;
            at += got;
          }
        }
      } catch (e) {
        throw cannotRead(shown, e, field);
      }
      if (now.size !== st.size || now.mtimeMs !== st.mtimeMs || at < n) throw changed(shown, field, st, now);
      return out;
    },
    async close() {
      if (closed) return;
      closed = true;
      await fh.close();
    },
  };
}

/**
 * A regular file opened for reading, refused (AdplanError naming `shown`) when it is anything
 * else or past the size limit. `path` may be raw bytes (a GBK file name that is not valid UTF-8).
 */
export async function openRegularFile(path: string | Buffer, shown: string, field = 'file', expect?: FileIdentity): Promise<FileBytes> {
  let fh;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
    const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (expect ? (constants.O_NOFOLLOW ?? 0) : 0);
    fh = await open(expect ? Buffer.from(expect.target) : path, flags);
  } catch (e) {
    throw cannotRead(shown, e, field);
  }
  try {
    if (expect) {
      const id = await fh.stat({ bigint: true });
      if (String(id.dev) !== expect.dev || String(id.ino) !== expect.ino) {
        throw new AdplanError(
          'input',
          text(
            `${shown} changed after it was found (moved, replaced or re-pointed): not read. Run the batch again.`,
            `${shown} 在被找到之后发生了变化（被移动、替换或重新指向）：未读取。请重新运行。`,
          ),
          field,
        );
      }
    }
    const st = await fh.stat();
    if (!st.isFile()) {
      const kind = st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file';
      const kindZh = st.isDirectory() ? '文件夹' : st.isFIFO() ? '管道（FIFO）' : st.isCharacterDevice() || st.isBlockDevice() ? '设备' : st.isSocket() ? '套接字' : '非普通文件';
      throw new AdplanError('input', text(`${shown} is ${kind}, not a file: not read.`, `${shown} 是${kindZh}，不是普通文件：未读取。`), field);
    }
    checkFileSize(st.size, shown);
    return fileSource(fh, st, shown, field);
  } catch (e) {
    await fh.close();
    if (e instanceof AdplanError) throw e;
    throw cannotRead(shown, e, field);
  }
}

/**
 * A read that ran out of room in the JS engine (a string or array past its maximum, an allocation
 * refused) is the file's shape, not a bug: an input error naming the file, never "unexpected error".
 * The reader's limits make it unreachable for any file we know of; this is the net under them.
 */
function outOfRoom(e: unknown, shown: string): unknown {
  if (!(e instanceof RangeError) || !/Invalid (string|array|typed array) length|allocation failed|Maximum call stack/iu.test(e.message)) return e;
  return new AdplanError(
    'input',
    text(
      `${shown} could not be read within the reader's memory limits (${e.message.slice(0, 80)}): it is not a normal export; check the file.`,
      `${shown} 无法在读取器的内存限制内读取（${e.message.slice(0, 80)}）：这不是正常的导出文件，请检查。`,
    ),
    'file',
  );
}

/** Opens the file, runs `read` on it and closes it after, whatever happens. */
async function withFile<T>(path: string | Buffer, shown: string, field: string, read: (f: FileBytes) => Promise<T>): Promise<T> {
  const f = await openRegularFile(path, shown, field);
  try {
    return await read(f);
  } catch (e) {
    throw outOfRoom(e, shown);
  } finally {
    await f.close();
  }
}

/** The bytes of a regular file, whole (same checks and messages as openRegularFile). */
export async function readRegularFile(path: string | Buffer, shown: string, field = 'file'): Promise<Uint8Array> {
  return withFile(path, shown, field, async (f) => readAll(f));
}

export async function loadWorkbookFile(path: string | Buffer, options: WorkbookOptions = {}, shown?: string): Promise<WorkbookRead> {
  const name = shown ?? basename(path.toString());
  return withFile(path, shown ?? path.toString(), 'file', (f) => readWorkbookBuffer(f, name, options));
}

/** One merchant's files read and joined on the date (`adplan check a.xlsx b.csv`). */
export async function loadMerchantFiles(
  paths: readonly (string | { path: string | Buffer; shown: string; identity?: FileIdentity })[],
  options: WorkbookOptions = {},
): Promise<MerchantRead> {
  const opened: FileBytes[] = [];
  const files: MerchantFile[] = [];
  try {
    for (const p of paths) {
      // A path given as bytes (a GBK name) comes with the text to show for it.
      const { path, shown, identity } = typeof p === 'string' ? { path: p, shown: p, identity: undefined } : p;
      const data = await openRegularFile(path, shown, 'file', identity);
      opened.push(data);
      files.push({ data, fileName: typeof p === 'string' ? basename(p) : shown });
    }
    return await readMerchantBuffers(files, options);
  } catch (e) {
    throw outOfRoom(e, files.map((f) => f.fileName).join(' + '));
  } finally {
    await Promise.all(opened.map((f) => f.close()));
  }
}

/** A shared assumptions table from a file (`--assumptions FILE`). */
export async function loadAssumptionsFile(path: string): Promise<SharedAssumptions> {
  const { read } = await withFile(path, path, 'assumptions', (f) => readAssumptionsBuffer(f, basename(path)));
  return { source: basename(path), read };
}

/** The user's event calendar from a file (`--events FILE`): used instead of the workbook's own. */
export async function loadEventsFile(path: string): Promise<EventsSource> {
  return withFile(path, path, 'events', (f) => readEventsBuffer(f, basename(path)));
}
