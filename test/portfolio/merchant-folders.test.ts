/**
 * A portfolio merchant may be a folder of exports (issue 12): only a leaf folder of 2–6 files whose
 * exports are different recognised families is one merchant; folders of merchants stay one per file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as file from '../../src/data/node/file';
import { text } from '../../src/i18n/text';
import { AdplanError } from '../../src/model/core';
import { discoverFiles, type FoundFile } from '../../src/portfolio/discover';
import { groupMerchantFolders } from '../../src/portfolio/merchant-folders';
import { planFile } from '../../src/portfolio/plan-file';

const FIX = join(__dirname, '..', 'fixtures');

describe('merchant folders', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-mf-'));
    const put = (from: string, to: string) => {
      mkdirSync(join(dir, to, '..'), { recursive: true });
      copyFileSync(join(FIX, from), join(dir, to));
    };
    put('families/compass-overview.xlsx', 'belt/店A/罗盘.xlsx');
    put('families/qianchuan-uni-live.gbk.csv', 'belt/店A/千川.csv');
    put('gbk.csv', 'belt/区县01/m1.csv');
    put('messy-numbers.csv', 'belt/区县01/m2.csv');
    put('families/qianchuan-uni-live.gbk.csv', 'belt/同类/a.csv');
    put('families/qianchuan-uni-rpa.utf16.csv', 'belt/同类/b.csv');
    put('families/compass-deal.xlsx', 'belt/top.xlsx');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('groups only the folder of different export families', async () => {
    const found = await groupMerchantFolders(await discoverFiles(['belt'], dir));
    // Discovery order (code units): top.xlsx, then 区县01 < 同类 < 店A.
    expect(found.map((f) => [f.display, f.members?.map((m) => m.display) ?? null])).toEqual([
      ['belt/top.xlsx', null],
      ['belt/区县01/m1.csv', null],
      ['belt/区县01/m2.csv', null],
      ['belt/同类/a.csv', null],
      ['belt/同类/b.csv', null],
      ['belt/店A', ['belt/店A/千川.csv', 'belt/店A/罗盘.xlsx']],
    ]);
  });

  it('plans a merchant folder from its files joined on the date', async () => {
    const found = await groupMerchantFolders(await discoverFiles(['belt'], dir));
    const folder = found.find((f) => f.members)!;
    const members = folder.members!.map((m) => ({ path: m.path, display: m.display }));
    const row = await planFile({ path: folder.path, display: folder.display, members, seed: 1, runs: 0 });
    // No assumptions table in either export: the row names the merchant folder and what is missing.
    expect(row.file).toBe('belt/店A');
    expect(JSON.stringify(row)).toMatch(/assumptions|假设/u);
  });
});

describe('merchant folders: what the folder probe swallows', () => {
  const found = (names: string[]): FoundFile[] =>
    names.map((n) => ({ path: join('/belt', '店A', n), display: `belt/店A/${n}`, key: `belt/店A/${n}` }));
  afterEach(() => jest.restoreAllMocks());

  it('a file the reader rejects keeps the folder one merchant per file', async () => {
    jest.spyOn(file, 'loadMerchantFiles').mockRejectedValue(new AdplanError('input', text('not a history', '不是历史数据')));
    const out = await groupMerchantFolders(found(['a.xlsx', 'b.csv']));
    expect(out.map((f) => f.members ?? null)).toEqual([null, null]);
  });

  it('an unexpected error (a bug) surfaces', async () => {
    jest.spyOn(file, 'loadMerchantFiles').mockRejectedValue(new TypeError('a bug'));
    await expect(groupMerchantFolders(found(['a.xlsx', 'b.csv']))).rejects.toThrow(TypeError);
  });
});
