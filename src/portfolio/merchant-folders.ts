/**
 * A portfolio merchant may be a folder of exports: 罗盘成交分析.xlsx next to
 * 千川全域.csv. Folders of merchants exist too (make-belt's 区县NN/ of 20 workbooks), so a folder is
 * one merchant only when its content says so: a leaf subfolder of 2–6 files whose exports are all
 * recognised families, each a different one. Small folders only are opened here (the batch opens
 * every file again to plan it); anything else stays one merchant per file, as before.
 */
import { dirname, sep } from 'node:path';
import { loadMerchantFiles } from '../data/node';
import { isAdplanError } from '../model/core';
import type { FoundFile } from './discover';

const MAX_FILES = 6;

async function familyOf(f: FoundFile): Promise<string | null> {
  try {
    const read = await loadMerchantFiles([{ path: f.rawPath ? Buffer.from(f.rawPath) : f.path, shown: f.display, ...(f.identity ? { identity: f.identity } : {}) }]);
    return read.joined.sources.length === 1 ? read.joined.family : null;
  } catch (e) {
    // The reader reports unreadable files and non-history tables as AdplanErrors; anything else is a bug.
    if (!isAdplanError(e)) throw e;
    // Unreadable or not a history: the folder is not one merchant; the file's own row will say why.
    return null;
  }
}

/** Is this group of files (one leaf folder) one merchant? */
async function oneMerchant(files: readonly FoundFile[]): Promise<boolean> {
  if (files.length < 2 || files.length > MAX_FILES || files.some((f) => f.error)) return false;
  const families = await Promise.all(files.map(familyOf));
  return families.every((x) => x !== null && x !== 'generic') && new Set(families).size === families.length;
}

/** `found` with each merchant folder replaced by one entry whose `members` are its files. */
export async function groupMerchantFolders(found: readonly FoundFile[]): Promise<FoundFile[]> {
  const byFolder = new Map<string, FoundFile[]>();
  for (const f of found) {
    if (!f.key.includes('/')) continue; // a file named directly or at a folder's top: its own merchant
    const dir = dirname(f.path);
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), f]);
  }
  const grouped = new Map<FoundFile, FoundFile>();
  for (const [dir, files] of byFolder) {
    const leaf = !found.some((g) => g.path.startsWith(`${dir}${sep}`) && dirname(g.path) !== dir);
    if (!leaf || !(await oneMerchant(files))) continue;
    const first = files[0] as FoundFile;
    const folder: FoundFile = { path: dir, display: dirname(first.display), key: dirname(first.key), members: files };
    for (const f of files) grouped.set(f, folder);
  }
  const out: FoundFile[] = [];
  for (const f of found) {
    const g = grouped.get(f);
    if (!g) out.push(f);
    else if (!out.includes(g)) out.push(g);
  }
  return out;
}
