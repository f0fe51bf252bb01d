/**
 * The portfolio names a merchant by the shop / 抖音号 its export carries (issue 14 item 7), else by
 * the file's base name: the reader finds the name, the row carries it, the table shows it.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMerchantFiles } from '../../src/data/node';
import { merchantNameOf } from '../../src/data/families';
import { merchantNames } from '../../src/portfolio/human';
import { planFile } from '../../src/portfolio/plan-file';

const FIX = join(__dirname, '..', 'fixtures');

describe('merchantNameOf', () => {
  it('takes the one account named in 抖音号名称, skipping total rows', () => {
    const cells = [['抖音号名称', '日期', '整体消耗'], ['全部', '全部', 10], ['草莓小铺', '2026-07-01', 5], ['草莓小铺', '2026-07-02', 5]];
    expect(merchantNameOf(cells, 0)).toBe('草莓小铺');
  });

  it('prefers a name column over an id column, and says when there are several accounts', () => {
    const cells = [['账户id', '抖音号', '日期'], [123, 'A店', '2026-07-01'], [456, 'B店', '2026-07-01'], [789, 'C店', '2026-07-02'], [1, '合计', '']];
    expect(merchantNameOf(cells, 0)).toBe('A店 +2');
  });

  it('is undefined without a name column or without a name in it', () => {
    expect(merchantNameOf([['日期', '成交金额'], ['2026-07-01', 1]], 0)).toBeUndefined();
    expect(merchantNameOf([['抖音号名称', '日期'], ['全部', '2026-07-01'], [null, '2026-07-02']], 0)).toBeUndefined();
  });
});

describe('portfolio merchant name from a 千川全域 export', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adplan-mn-'));
    copyFileSync(join(FIX, 'families', 'qianchuan-uni-live.gbk.csv'), join(dir, 'export-1.csv'));
    writeFileSync(join(dir, 'plain.csv'), '日期,成交订单数,成交金额\n2026-07-01,3,300\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the reader returns the 抖音号名称 of the fixture (two accounts: A店 and B店)', async () => {
    const read = await loadMerchantFiles([{ path: join(dir, 'export-1.csv'), shown: 'export-1.csv' }]);
    expect(read.history.merchantName).toBe('A店 +1');
  });

  it("the row carries the name (even when planning stops later) and the table shows it, else the file's base name", async () => {
    const named = await planFile({ path: join(dir, 'export-1.csv'), display: 'x/export-1.csv', seed: 1, runs: 0 });
    const plain = await planFile({ path: join(dir, 'plain.csv'), display: 'x/plain.csv', seed: 1, runs: 0 });
    expect(named.merchant).toBe('A店 +1');
    expect(plain.merchant).toBeUndefined();
    expect(merchantNames([named, plain])).toEqual(['A店 +1', 'plain']);
  });
});
