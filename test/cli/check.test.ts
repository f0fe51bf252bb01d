import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { displayWidth, formatNumber, renderTable } from '../../src/text';
import { detectLang } from '../../src/cli/lang';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = join(ROOT, 'assets', 'sample', 'merchant-sample.xlsx');
const FIX = join(ROOT, 'test', 'fixtures');

const run = runCli;

describe('adplan check (in-process)', () => {
  it('on the sample workbook: the mapping, 90 days and zero errors; exit 0', async () => {
    const r = await run(['check', SAMPLE, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/date\s+←\s+直播开始时间/u);
    expect(r.out).toMatch(/gmv\s+←\s+直播间成交金额/u);
    expect(r.out).toMatch(/paid_gmv\s+←\s+直接成交金额/u);
    expect(r.out).toContain('Days: 90 (2024-03-01 – 2024-05-29)');
    expect(r.out).toContain('Issues: errors 0');
    expect(r.out).toContain('Assumptions: 投放假设 — Base, Conservative, Aggressive (errors 0');
  });

  it('--json prints exactly one JSON object with the documented shape', async () => {
    const r = await run(['check', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['file', 'sheet', 'fields', 'days', 'firstDate', 'lastDate', 'totals', 'issues']));
    expect(j).toMatchObject({ file: 'merchant-sample.xlsx', sheet: '直播数据', days: 90, firstDate: '2024-03-01', lastDate: '2024-05-29' });
    expect((j.fields as Record<string, string>).orders).toBe('成交订单数');
    expect(Object.keys(j.totals as object)).toEqual(expect.arrayContaining(['gmv', 'orders', 'spend']));
    const issues = j.issues as { severity: string; row: number | null; column: string | null; value: string | null; message: string }[];
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // The 合计 row of the sample is reported as excluded.
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'info', value: '合计', column: '直播开始时间' }));
  });

  it('bad cells: exit 0 (usable) with the skipped rows listed', async () => {
    const r = await run(['check', join(FIX, 'bad-cells.csv'), '--json', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { issues: { severity: string; row: number; column: string; message: string }[]; days: number };
    expect(j.days).toBe(4);
    expect(j.issues.filter((i) => i.severity === 'error').map((i) => i.row)).toEqual([3, 4, 5, 6, 8, 9, 12]);
    expect(j.issues.find((i) => i.row === 4)?.message).toBe('成交金额应为数字（如 1234、1,234、¥1234、1.2万）——该行已跳过');
  });

  it('a broken file exits 1 naming the missing field (canonical and Chinese)', async () => {
    const human = await run(['check', join(FIX, 'missing-gmv.csv')]);
    expect(human.code).toBe(1);
    expect(human.err).toContain('Missing required column: gmv (成交金额)');
    const json = await run(['check', join(FIX, 'missing-gmv.csv'), '--json', '--lang', 'zh-CN']);
    expect(json.code).toBe(1);
    const j = JSON.parse(json.out) as { error: { message: string } };
    expect(j.error.message).toContain('缺少必需的列：gmv (成交金额)');
  });

  it('a file that does not exist exits 1 with a message, not a stack', async () => {
    const r = await run(['check', join(FIX, 'nope.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^adplan check: file not found: .*nope\.xlsx — check the path and the file name\n$/u);
    expect(r.err).not.toContain('ENOENT');
  });

  it('usage errors exit 2', async () => {
    expect((await run(['check'])).code).toBe(2);
    // Several files are one merchant (issue 12): missing ones are an input error, not usage.
    expect((await run(['check', 'a', 'b'])).code).toBe(1);
    expect((await run(['check', SAMPLE, '--bogus'])).code).toBe(2);
    expect((await run(['check', SAMPLE, '--lang', 'fr'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    const r = await run(['check']);
    expect(r.err).toContain('usage: adplan check <file>');
  });

  it('language: --lang, else LC_ALL/LANG (zh* → zh-CN), else en-US', async () => {
    const zh = await run(['check', join(FIX, 'gbk.csv')], { LANG: 'zh_CN.UTF-8' });
    expect(zh.out).toContain('列映射（字段 ← 表头）');
    const en = await run(['check', join(FIX, 'gbk.csv'), '--lang', 'en-US'], { LANG: 'zh_CN.UTF-8' });
    expect(en.out).toContain('Columns (field ← header)');
    expect(detectLang(undefined, { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(detectLang(undefined, { LANG: 'C' })).toBe('en-US');
    expect(detectLang(undefined, {})).toBe('en-US');
  });

  it('--sheet selects the history sheet; an unknown sheet exits 1 listing the sheets', async () => {
    const ok = await run(['check', join(FIX, 'with-assumptions.xlsx'), '--sheet', '数据', '--json']);
    expect(ok.code).toBe(0);
    const bad = await run(['check', join(FIX, 'with-assumptions.xlsx'), '--sheet', 'X']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Sheets: "数据", "假设"');
  });

  it('help lists the commands', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('adplan check <file>… [--sheet NAME] [--json] [--lang zh-CN|en-US]');
  });
});

describe('text output helpers', () => {
  it('CJK characters are two columns wide, so tables line up', () => {
    expect(displayWidth('成交金额')).toBe(8);
    expect(displayWidth('gmv')).toBe(3);
    expect(displayWidth('ＧＭＶ')).toBe(6);
    const t = renderTable(['a', 'b'], [['成交', 'x'], ['ab', 'y']]).split('\n');
    expect(t).toEqual(['a     b', '----  -', '成交  x', 'ab    y']);
  });

  it('numbers get separators and never print NaN', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(-1234, 0)).toBe('-1,234');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('bin/adplan.js (compiled CLI)', () => {
  const entry = join(ROOT, 'dist', 'node', 'src', 'cli', 'main.js');
  const bin = join(ROOT, 'bin', 'adplan.js');
  (existsSync(entry) ? it : it.skip)('runs check --json on the sample from the built dist', () => {
    const out = execFileSync(process.execPath, [bin, 'check', SAMPLE, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ days: 90, sheet: '直播数据' });
    const bad = spawnSync(process.execPath, [bin, 'check', join(FIX, 'missing-gmv.csv')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('gmv (成交金额)');
  });

  // `adplan plan … | head -c 1`: the reader closes the pipe after one byte of a 130 KB output.
  (existsSync(entry) && existsSync('/bin/sh') ? it : it.skip)('a reader that stops early (| head) ends the command quietly: exit 0, nothing on stderr', () => {
    const code = join(mkdtempSync(join(tmpdir(), 'adplan-pipe-')), 'code');
    const r = spawnSync('/bin/sh', ['-c', `("$NODE" "$BIN" plan "$SAMPLE" --json --runs 0; echo $? > "$CODE") | head -c 1 >/dev/null`], {
      encoding: 'utf8',
      env: { ...process.env, NODE: process.execPath, BIN: bin, SAMPLE, CODE: code },
    });
    expect(r.stderr).toBe('');
    expect(readFileSync(code, 'utf8').trim()).toBe('0');
  });
});
