/**
 * The reader's "is this a history table?" probes swallow only the reader's input errors: a
 * programming error (a TypeError from a stubbed dependency) must surface, not read as "no table".
 */
import { join } from 'node:path';
import { loadMerchantFiles } from '../../src/data/node';
import * as headers from '../../src/data/table/headers';
import { keyValueTable } from '../../src/data/families';

const bug = (): never => {
  throw new TypeError('a bug, not a user input');
};

const FIX = join(__dirname, '..', 'fixtures', 'families');

afterEach(() => jest.restoreAllMocks());

describe('single-session key | value block', () => {
  const notHistory = [['品牌', 'x'], ['备注', 'y'], ['店铺', 'z']];

  it('is not an overview block when its labels are not history fields', () => {
    expect(keyValueTable(notHistory)).toBeNull();
  });

  it('lets an unexpected error through', () => {
    jest.spyOn(headers, 'detectHeader').mockImplementation(bug);
    expect(() => keyValueTable(notHistory)).toThrow(TypeError);
  });
});

describe('merchant workbook: which sheets are sources', () => {
  it('reads a real export', async () => {
    const read = await loadMerchantFiles([join(FIX, 'qianchuan-standard.xlsx')]);
    expect(read.joined.sources).toHaveLength(1);
  });

  it('lets an unexpected error from the sheet probe through', async () => {
    // Only the first call (the probe of the first sheet) fails: swallowed, the read would succeed.
    jest.spyOn(headers, 'detectHeader').mockImplementationOnce(bug);
    await expect(loadMerchantFiles([join(FIX, 'qianchuan-standard.xlsx')])).rejects.toThrow(TypeError);
  });
});
