import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverFiles, isMerchantFileName } from '../../src/portfolio/discover';

describe('finding merchant files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-discover-'));
    for (const f of ['belt/b.xlsx', 'belt/a.CSV', 'belt/sub/c.xlsx', 'belt/sub/~$c.xlsx', 'belt/.hidden.xlsx', 'belt/notes.txt', 'belt/.git/x.xlsx', 'one.xlsx']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'x');
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts .xlsx and .csv, skips Excel lock files and hidden files', () => {
    expect(['a.xlsx', 'a.CSV', 'a.csv'].every(isMerchantFileName)).toBe(true);
    expect(['~$a.xlsx', '.a.xlsx', 'a.xls', 'a.txt', 'a.xlsx.bak'].some(isMerchantFileName)).toBe(false);
  });

  it('walks folders recursively, shows paths as given, keys them inside their folder, sorted', async () => {
    const found = await discoverFiles(['belt', 'one.xlsx'], dir);
    expect(found.map((f) => [f.display, f.key])).toEqual([
      ['belt/a.CSV', 'a.CSV'],
      ['belt/b.xlsx', 'b.xlsx'],
      ['belt/sub/c.xlsx', 'sub/c.xlsx'],
      ['one.xlsx', 'one.xlsx'],
    ]);
    expect(found.every((f) => f.error === undefined)).toBe(true);
    expect(found[0]?.path).toBe(join(dir, 'belt', 'a.CSV'));
  });

  it('lists a file once even when named twice, and the key does not depend on the working directory', async () => {
    const found = await discoverFiles([join(dir, 'belt'), 'belt/sub', 'belt/b.xlsx'], dir);
    expect(found).toHaveLength(3);
    const fromElsewhere = await discoverFiles([join(dir, 'belt')], tmpdir());
    expect(fromElsewhere.map((f) => f.key)).toEqual(['a.CSV', 'b.xlsx', 'sub/c.xlsx']);
  });

  it('turns a missing path into an entry with a bilingual reason instead of stopping', async () => {
    const found = await discoverFiles(['nope', 'one.xlsx'], dir);
    expect(found.map((f) => f.display)).toEqual(['nope', 'one.xlsx']);
    expect(found[0]?.error?.['en-US']).toBe('file not found: nope — check the path and the file name');
    expect(found[0]?.error?.['zh-CN']).toBe('找不到文件：nope——请检查路径和文件名');
  });
});
