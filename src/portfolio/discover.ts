/**
 * Node edge: the merchant files named on the command line. Folders are walked recursively for
 * .xlsx and .csv; Excel's lock files (~$x.xlsx) and hidden files (.x, ._x from macOS) are
 * skipped. A path that cannot be read becomes an entry with its error, so the batch goes on.
 *
 * A folder is a boundary: a symbolic link inside it is followed only to a regular file inside
 * the same folder; one pointing outside (or to a pipe or device) becomes an entry saying it was
 * skipped, and its target is never opened. File names are walked as bytes, so a GBK name copied
 * from Windows is found (and shown decoded) instead of failing with ENOENT.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { FileIdentity } from '../data/node';
import { basename, join, resolve, sep } from 'node:path';
import * as iconv from 'iconv-lite';
import { escapeControls } from '../data/table';
import { fileErrorText } from '../data/formats';
import { text, type Text } from '../i18n/text';

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** The path's bytes when they are not valid UTF-8 (open with these, not `path`). */
  rawPath?: Uint8Array;
  /** As shown: the path as given on the command line + the path inside that folder, '/' separators. */
  display: string;
  /** Relative to the folder it was found in (its basename for a file named directly): seeds the Monte Carlo. */
  key: string;
  /** Set when the path could not be listed or read, or was skipped. */
  error?: Text;
  /** A merchant folder (merchant-folders.ts): its export files, planned as one merchant. */
  members?: FoundFile[];
  /** The regular file found: opened by its real path and read only if it is still this file. */
  identity?: FileIdentity;
}

/** (device, inode) of what `real` (a real path, no link in it) is now, with the path's bytes. */
async function identityOf(real: Buffer): Promise<FileIdentity | undefined> {
  const st = await lstat(real, { bigint: true }).catch(() => null);
  return st?.isFile() ? { target: new Uint8Array(real), dev: String(st.dev), ino: String(st.ino) } : undefined;
}

const MERCHANT_FILE = /\.(xlsx|csv)$/iu;

export function isMerchantFileName(name: string): boolean {
  return MERCHANT_FILE.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

const slash = (p: string): string => p.split('\\').join('/');

/** The shared wording of a failed read (src/data/file-errors.ts). */
const cannotRead = (path: string, e: unknown): Text => fileErrorText(path, e);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file name's bytes as text: UTF-8, else GB18030 (what Chinese Windows writes). */
function nameText(raw: Buffer): { name: string; utf8: boolean } {
  try {
    return { name: utf8.decode(raw), utf8: true };
  } catch {
    return { name: iconv.decode(raw, 'gb18030'), utf8: false };
  }
}

function inside(folder: string, target: string): boolean {
  return target === folder || target.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

interface Walk {
  root: string;
  /** The folder's real path: symlink targets must stay under it. */
  realRoot: string;
  shown: string;
  out: FoundFile[];
}

/** Where a symlink inside the folder may be followed: undefined when it can, else why not. */
async function symlinkProblem(w: Walk, full: Buffer, shown: string): Promise<Text | FileIdentity | 'folder'> {
  let target: string;
  let targetBytes: Buffer;
  try {
    targetBytes = await realpath(full, { encoding: 'buffer' });
    target = targetBytes.toString();
  } catch (e) {
    return cannotRead(shown, e);
  }
  if (!inside(w.realRoot, target)) {
    return text(
      `${shown} skipped: it is a symbolic link to a file outside the folder (not followed).`,
      `已跳过 ${shown}：它是指向文件夹外部的符号链接（不跟随）。`,
    );
  }
  const st = await stat(target).catch(() => null);
  if (st?.isDirectory()) return 'folder';
  if (!st?.isFile()) {
    return text(`${shown} skipped: it links to a pipe, device or socket, not a file.`, `已跳过 ${shown}：它指向管道、设备或套接字，不是普通文件。`);
  }
  return (await identityOf(targetBytes)) ?? cannotRead(shown, new Error('ENOENT'));
}

/** `dir` is walked as bytes; `rel` is its path inside the root as text, `raw` whether any part was not UTF-8. */
async function walk(w: Walk, dir: Buffer, rel: string, raw: boolean): Promise<void> {
  const display = (r: string): string => escapeControls(slash(join(w.shown, r)));
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    w.out.push({ path: join(w.root, rel), display: display(rel), key: slash(rel), error: cannotRead(display(rel), e) });
    return;
  }
  for (const entry of entries) {
    const { name, utf8: isUtf8 } = nameText(entry.name);
    const full = Buffer.concat([dir, Buffer.from(sep), entry.name]);
    const r = join(rel, name);
    const notUtf8 = raw || !isUtf8;
    if (entry.isDirectory()) {
      if (!name.startsWith('.')) await walk(w, full, r, notUtf8);
      continue;
    }
    if (!isMerchantFileName(name)) continue;
    const found: FoundFile = { path: join(w.root, r), display: display(r), key: slash(r) };
    if (notUtf8) found.rawPath = new Uint8Array(full);
    if (entry.isSymbolicLink()) {
      const problem = await symlinkProblem(w, full, found.display);
      // Symlinked folders are not followed (no cycles).
      if (problem === 'folder') continue;
      if ('target' in problem) found.identity = problem;
      else found.error = problem;
    } else if (!entry.isFile()) {
      found.error = text(`${found.display} skipped: a pipe, device or socket, not a file.`, `已跳过 ${found.display}：管道、设备或套接字，不是普通文件。`);
    } else {
      const id = await identityOf(await realpath(full, { encoding: 'buffer' }).catch(() => full));
      if (id) found.identity = id;
    }
    w.out.push(found);
  }
}

/** Every merchant file under `inputs`, each once, sorted by display path (code-unit order). */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const shown = escapeControls(slash(input));
    try {
      const st = await stat(path);
      if (st.isDirectory()) {
        const realRoot = (await realpath(path)).toString();
        await walk({ root: path, realRoot, shown: input, out }, Buffer.from(path), '', false);
      } else {
        const id = await identityOf(await realpath(path, { encoding: 'buffer' }));
        out.push({ path, display: shown, key: basename(path), ...(id ? { identity: id } : {}) });
      }
    } catch (e) {
      out.push({ path, display: shown, key: basename(path), error: cannotRead(shown, e) });
    }
  }
  const seen = new Set<string>();
  return out
    .filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)))
    .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}
