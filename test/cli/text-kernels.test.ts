/** The one display width and the one digit grouping, on known answers. */
import { groupDigits } from '../../src/i18n/number';
import { displayWidth, formatNumber } from '../../src/text';

describe('displayWidth (East Asian Width)', () => {
  it.each([
    ['abc', 3],
    ['中文', 4],
    ['⭐', 2],
    ['🛒', 2],
    ['⭐好物🛒', 8],
    ['e\u0301', 1],
    ['a\u200db', 2],
    ['❤\ufe0f', 1],
    ['ＧＭＶ', 6],
    ['—…', 2],
  ])('%j is %d columns', (s, w) => {
    expect(displayWidth(s)).toBe(w);
  });
});

describe('groupDigits', () => {
  it.each([
    [0, 0, '0'],
    [999, 0, '999'],
    [1000, 0, '1,000'],
    [-1234567.891, 2, '-1,234,567.89'],
    [-0.004, 2, '0.00'],
    [2 ** 60, 0, '1,152,921,504,606,846,976'],
    [1e21, 0, '1e+21'],
    [Number.NaN, 0, '—'],
    [Infinity, 2, '—'],
  ])('%d with %d decimals → %s', (n, d, s) => {
    expect(groupDigits(n, d)).toBe(s);
    expect(formatNumber(n, d)).toBe(s);
  });
  it('rounds as toFixed does, so a printed amount equals the cell', () => {
    for (const x of [1.005, 2.675, 1234.565, 0.125]) expect(groupDigits(x, 2).replace(/,/gu, '')).toBe(x.toFixed(2));
  });
});
