/**
 * The layout rules of .dependency-cruiser.cjs (run by `npm run lint`) fail on what they forbid:
 * a small project in a temporary folder breaks each rule once, and the cruiser names each break.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'node_modules', '.bin', 'depcruise');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'adplan-layers-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs' } }));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

function violations(dir: string): string {
  const r = spawnSync(BIN, ['src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

describe('layout rules', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reject an import cycle, even a type-only one', () => {
    dir = project({
      'src/model/fit/a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
      'src/model/fit/b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n",
    });
    expect(violations(dir)).toMatch(/no-circular/);
  });

  it('reject a package importing one after it', () => {
    dir = project({
      'src/model/core/a.ts': "import { plan } from '../plan';\nexport const a = plan;\n",
      'src/model/plan/index.ts': 'export const plan = 1;\n',
    });
    expect(violations(dir)).toMatch(/layer-model-core/);
  });

  it('reject a deep import into a package from outside it', () => {
    dir = project({
      'src/cli/main.ts': "import { x } from '../data/history/walk';\nexport const y = x;\n",
      'src/data/history/walk.ts': 'export const x = 1;\n',
      'src/data/history/index.ts': "export * from './walk';\n",
    });
    expect(violations(dir)).toMatch(/via-index-data-history/);
  });

  it('accept the same code imported through the index', () => {
    dir = project({
      'src/cli/main.ts': "import { x } from '../data/history';\nexport const y = x;\n",
      'src/data/history/walk.ts': 'export const x = 1;\n',
      'src/data/history/index.ts': "export * from './walk';\n",
    });
    expect(violations(dir)).toMatch(/no dependency violations/);
  });
});
