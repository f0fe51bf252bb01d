/**
 * No merge-conflict markers in anything the project ships or documents: parallel branches land
 * here, and a marker left in a doc or a message reaches users verbatim.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['src', 'test', 'docs', 'bench', 'tools', 'scripts'];
const TEXT = /\.(ts|tsx|mjs|js|json|md|html|css|csv)$/u;
// Built from parts so this file does not match itself.
const MARKER = new RegExp(`^(${'<'.repeat(7)} |${'>'.repeat(7)} |${'='.repeat(7)}$)`, 'mu');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? files(path) : TEXT.test(name) ? [path] : [];
  });
}

describe('merge-conflict markers', () => {
  it('none in sources, tests, docs and tools', () => {
    const all = [...FOLDERS.flatMap((f) => files(join(ROOT, f))), join(ROOT, 'README.md')];
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((f) => MARKER.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
