/**
 * Issue 11 item 2 and issue 14 item 7: one failure path for every command. With --json a failure
 * is one {"error": …} object on stdout and the exit code says which kind; without it, one line
 * on stderr. Missing files are named in words, unknown commands get a suggestion, --help
 * explains every option a command parses.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { runCli } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'assets', 'sample', 'merchant-sample.xlsx');
const CSV = join(ROOT, 'test', 'fixtures', 'english.tsv');

const run = runCli;

interface ErrorJson {
  error: { message: string; kind: string; field: string | null; usage?: string };
}

/** stdout is exactly one JSON object with an error. */
function errorOf(out: string): ErrorJson['error'] {
  const j = JSON.parse(out) as ErrorJson;
  expect(Object.keys(j)).toEqual(['error']);
  expect(typeof j.error.message).toBe('string');
  return j.error;
}

const dir = mkdtempSync(join(tmpdir(), 'adplan-errors-'));
const missing = join(dir, 'no-such-file.xlsx');

describe('--json failures: one JSON object on stdout, same exit codes', () => {
  it('portfolio with a missing --assumptions file', async () => {
    const r = await run(['portfolio', CSV, '--assumptions', missing, '--json', '--lang', 'en-US']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const e = errorOf(r.out);
    expect(e).toMatchObject({ kind: 'input', field: 'assumptions' });
    expect(e.message).toBe(`file not found: ${missing} — check the path and the file name`);
  });

  it.each([
    ['check', [missing]],
    ['plan', [missing]],
    ['plan', [SAMPLE, '--assumptions', missing]],
  ])('%s with a missing file', async (cmd, args) => {
    const r = await run([cmd, ...args, '--json', '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(errorOf(r.out).message).toBe(`找不到文件：${missing}——请检查路径和文件名`);
  });

  it('portfolio on a folder without merchant files', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'adplan-empty-'));
    const r = await run(['portfolio', empty, '--json']);
    expect(r.code).toBe(1);
    expect(errorOf(r.out).kind).toBe('input');
  });

  it.each(COMMANDS.map((c) => c.name))('%s: a usage error is JSON too, exit 2', async (name) => {
    const r = await run([name, '--bogus', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    const e = errorOf(r.out);
    expect(e.kind).toBe('usage');
    expect(e.usage).toMatch(new RegExp(`^adplan ${name} `, 'u'));
  });

  it('an unknown command is JSON too, exit 2', async () => {
    const r = await run(['plna', SAMPLE, '--json']);
    expect(r.code).toBe(2);
    expect(errorOf(r.out).message).toContain('did you mean "adplan plan"?');
  });

  it('an engine failure (unknown scenario) is JSON, exit 1', async () => {
    const r = await run(['plan', SAMPLE, '--scenario', 'Nope', '--runs', '0', '--json']);
    expect(r.code).toBe(1);
    expect(errorOf(r.out).kind).toBe('lookup');
  });
});

describe('human failures', () => {
  it('a folder given as a file says so in words (no EISDIR)', async () => {
    const r = await run(['check', dir, '--lang', 'en-US']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`adplan check: ${dir} is a folder, not a file: not read.\n`);
    expect(r.err).not.toContain('EISDIR');
  });

  it('portfolio with a missing --assumptions file: one line on stderr, exit 1', async () => {
    const r = await run(['portfolio', CSV, '--assumptions', missing, '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`adplan portfolio: 找不到文件：${missing}——请检查路径和文件名\n`);
  });

  it('an unknown command suggests the closest one', async () => {
    const r = await run(['chek', SAMPLE, '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "chek" — did you mean "adplan check"?');
    const zh = await run(['portfoli', '--lang', 'zh-CN']);
    expect(zh.err).toContain('是否想用“adplan portfolio”');
    const far = await run(['xyzzy', '--lang', 'en-US']);
    expect(far.err).not.toContain('did you mean');
    expect(far.err).toContain(`unknown command "xyzzy". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
  });
});

describe('--help explains every option', () => {
  it.each(COMMANDS.map((c) => c.name))('%s --help names and explains each option of its synopsis', async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    const flags = [...command.usage.matchAll(/--([a-z]+)/gu)].map((m) => m[1]);
    for (const lang of ['en-US', 'zh-CN']) {
      const r = await run([name, '--help', '--lang', lang]);
      expect(r.code).toBe(0);
      for (const f of flags) {
        const line = r.out.split('\n').find((l) => l.trimStart().startsWith(`--${f}`) || l.includes(`, --${f}`));
        expect(line).toBeDefined();
        // The flag, then words that explain it.
        expect((line ?? '').replace(/^\s*(-h, )?--[a-z]+( [A-Z.|a-z-]+)?\s*/u, '').length).toBeGreaterThan(5);
      }
    }
  });

  it('plan --help states the defaults from the registry', async () => {
    const r = await run(['plan', '--help', '--lang', 'en-US']);
    expect(r.out).toContain('1–730');
    expect(r.out).toContain('default 1000');
    expect(r.out).toMatch(/Exit codes: 0 .* 1 .* 2 usage error/u);
  });
});

describe('plan --json risk of the paid spend', () => {
  it('carries P(loss) and P10/P50/P90 of the incremental profit', async () => {
    const r = await run(['plan', SAMPLE, '--runs', '200', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { scenarios: { risk: Record<string, number> }[] };
    for (const s of j.scenarios) {
      expect(s.risk.pLossIncremental).toBeGreaterThanOrEqual(0);
      expect(s.risk.pLossIncremental).toBeLessThanOrEqual(1);
      expect(s.risk.incrementalProfitP10).toBeLessThanOrEqual(s.risk.incrementalProfitP50!);
      expect(s.risk.incrementalProfitP50).toBeLessThanOrEqual(s.risk.incrementalProfitP90!);
    }
  });
});
