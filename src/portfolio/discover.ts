/**
 * Node edge: the merchant files named on the command line. Folders are walked recursively for
 * .xlsx and .csv; Excel's lock files (~$x.xlsx) and hidden files (.x, ._x from macOS) are
 * skipped. A path that cannot be read becomes an entry with its error, so the batch goes on.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileErrorText } from '../data/file-errors';
import type { Text } from '../i18n/text';

export interface FoundFile {
  /** Absolute path. */
  path: string;
  /** As shown: the path as given on the command line + the path inside that folder, '/' separators. */
  display: string;
  /** Relative to the folder it was found in (its basename for a file named directly): seeds the Monte Carlo. */
  key: string;
  /** Set when the path could not be listed or read. */
  error?: Text;
}

const MERCHANT_FILE = /\.(xlsx|csv)$/iu;

export function isMerchantFileName(name: string): boolean {
  return MERCHANT_FILE.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

const slash = (p: string): string => p.split('\\').join('/');

/** The shared wording of a failed read (src/data/file-errors.ts). */
const cannotRead = (path: string, e: unknown): Text => fileErrorText(path, e);

/** `shown` is how the user wrote `root`; files display as shown/inside/the/folder. */
async function walk(root: string, shown: string, dir: string, out: FoundFile[]): Promise<void> {
  const display = (full: string): string => slash(join(shown, relative(root, full)));
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ path: dir, display: display(dir), key: slash(relative(root, dir)), error: cannotRead(display(dir), e) });
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    // Symlinked folders are not followed (no cycles); symlinked files are.
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) await walk(root, shown, full, out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isMerchantFileName(entry.name)) {
      out.push({ path: full, display: display(full), key: slash(relative(root, full)) });
    }
  }
}

/** Every merchant file under `inputs`, each once, sorted by display path (code-unit order). */
export async function discoverFiles(inputs: readonly string[], cwd: string): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  for (const input of inputs) {
    const path = resolve(cwd, input);
    try {
      const st = await stat(path);
      if (st.isDirectory()) await walk(path, input, path, out);
      else out.push({ path, display: slash(input), key: basename(path) });
    } catch (e) {
      out.push({ path, display: slash(input), key: basename(path), error: cannotRead(input, e) });
    }
  }
  const seen = new Set<string>();
  return out
    .filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)))
    .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}
