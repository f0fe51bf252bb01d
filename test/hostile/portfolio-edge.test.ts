/** A portfolio folder is a boundary (issue 16 items 3, 4 and the GBK / escape-code names). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { main } from '../../src/cli/main';
import { loadWorkbookFile } from '../../src/data/node';
import { discoverFiles } from '../../src/portfolio/discover';
import { runPortfolio } from '../../src/portfolio/run';

const SECRET = 'root:x:0:0:SECRET-LINE';

describe('portfolio folders', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-belt-'));
    mkdirSync(join(dir, 'belt'));
    writeFileSync(join(dir, 'outside.txt'), `${SECRET}\n`);
    writeFileSync(join(dir, 'belt', 'inside.csv'), '日期,观看次数,成交订单数,成交金额\n2024-05-01,100,1,10\n');
    symlinkSync(join(dir, 'outside.txt'), join(dir, 'belt', 'x.csv'));
    symlinkSync(join(dir, 'belt', 'inside.csv'), join(dir, 'belt', 'alias.csv'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    symlinkSync(join(dir, 'fifo'), join(dir, 'belt', 'pipe.csv'));
    execFileSync('mkfifo', [join(dir, 'belt', 'direct.csv')]);
    symlinkSync('/dev/zero', join(dir, 'belt', 'zero.csv'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips links out of the folder and to pipes/devices, saying which; follows links inside', async () => {
    const found = await discoverFiles(['belt'], dir);
    const byName = new Map(found.map((f) => [f.display, f.error?.['en-US']]));
    expect(byName.get('belt/x.csv')).toBe('belt/x.csv skipped: it is a symbolic link to a file outside the folder (not followed).');
    expect(byName.get('belt/zero.csv')).toBe('belt/zero.csv skipped: it is a symbolic link to a file outside the folder (not followed).');
    expect(byName.get('belt/pipe.csv')).toBe('belt/pipe.csv skipped: it is a symbolic link to a file outside the folder (not followed).');
    expect(byName.get('belt/direct.csv')).toBe('belt/direct.csv skipped: a pipe, device or socket, not a file.');
    expect(byName.get('belt/alias.csv')).toBeUndefined();
    expect(byName.has('belt/inside.csv')).toBe(true);
  });

  it('the batch ends, every bad file is its own error row, and no outside content appears anywhere', async () => {
    const result = await runPortfolio({ inputs: ['belt'], cwd: dir, runs: 0, seed: 1, jobs: 1 });
    expect(result.rows).toHaveLength(6);
    expect(JSON.stringify(result)).not.toContain('SECRET');
    const skipped = result.rows.filter((r) => JSON.stringify(r).includes('skipped')).map((r) => r.file).sort();
    expect(skipped).toEqual(['belt/direct.csv', 'belt/pipe.csv', 'belt/x.csv', 'belt/zero.csv']);
    // The link inside the folder was read like its target (one day of history: too short to plan).
    const alias = JSON.stringify(result.rows.find((r) => r.file === 'belt/alias.csv'));
    expect(alias).toBe(JSON.stringify(result.rows.find((r) => r.file === 'belt/inside.csv')).split('belt/inside.csv').join('belt/alias.csv'));
  });

  it('finds and reads a GBK-named file (not valid UTF-8), shown decoded', async () => {
    const gbk = join(dir, 'gbk');
    mkdirSync(gbk);
    const name = Buffer.concat([Buffer.from(gbk + '/'), iconv.encode('店铺数据.csv', 'gbk')]);
    writeFileSync(name, '日期,观看次数,成交订单数,成交金额\n2024-05-01,100,1,10\n');
    const [f] = await discoverFiles(['gbk'], dir);
    expect(f?.display).toBe('gbk/店铺数据.csv');
    expect(f?.error).toBeUndefined();
    expect(f?.rawPath).toBeDefined();
    const read = await loadWorkbookFile(Buffer.from(f?.rawPath as Uint8Array), {}, f?.display);
    expect(read.history.totals.gmv).toBe(10);
  });

  it('shows a file name holding terminal escape codes escaped', async () => {
    const esc = join(dir, 'esc');
    mkdirSync(esc);
    writeFileSync(join(esc, '\u001b[2Jx.csv'), 'a\n');
    const [f] = await discoverFiles(['esc'], dir);
    expect(f?.display).toBe('esc/\\x1b[2Jx.csv');
  });

  it('an unwritable --out is reported before the batch runs', async () => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), env: {} };
    const code = await main(['portfolio', join(dir, 'belt'), '--out', join(dir, 'no-such-folder', 'summary.xlsx')], io);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Cannot write .*summary\.xlsx \(ENOENT\): choose a writable folder for --out\. Nothing was planned yet\./u);
    expect(stdout).toBe('');
  });
});
