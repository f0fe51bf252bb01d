/**
 * Tests of the built add-in (dist/) build it first when it is missing or older than its sources,
 * so `npm test` works on a fresh clone and after any edit. A lock directory keeps two test
 * workers from building at once.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const SOURCES = ['src', 'assets', 'tools', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(name: string, body: () => void): void {
  const lock = join(ROOT, `.${name}.lock`);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleep(250);
    }
  }
  try {
    body();
  } finally {
    rmdirSync(lock);
  }
}

function stale(output: string): boolean {
  const out = join(ROOT, output);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return SOURCES.some((s) => existsSync(join(ROOT, s)) && newestMtime(join(ROOT, s)) > built);
}

/** Production webpack build of the add-in (dist/functions.js, taskpane.html, manifest.xml …). */
export function ensureWebBuild(): void {
  withLock('build-web', () => {
    if (stale('dist/functions.js')) execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'pipe' });
  });
}

/** tsc build of the Node side (CLI, bench, tools) into dist/node. */
export function ensureNodeBuild(): void {
  withLock('build-node', () => {
    if (stale('dist/node/src/cli/main.js')) execSync('npx tsc -p tsconfig.node.json', { cwd: ROOT, stdio: 'pipe' });
  });
}
