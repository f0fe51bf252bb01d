import { merchantSeed } from '../../src/portfolio/seed';

describe('per-merchant seed', () => {
  it('depends only on the base seed and the relative path', () => {
    expect(merchantSeed(1, 'a/b.xlsx')).toBe(merchantSeed(1, 'a/b.xlsx'));
    expect(merchantSeed(1, 'a\\b.xlsx')).toBe(merchantSeed(1, 'a/b.xlsx'));
    expect(merchantSeed(2, 'a/b.xlsx')).not.toBe(merchantSeed(1, 'a/b.xlsx'));
    expect(merchantSeed(1, 'a/c.xlsx')).not.toBe(merchantSeed(1, 'a/b.xlsx'));
  });

  it('is an unsigned 32-bit integer and spreads over many paths without collisions', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const s = merchantSeed(7, `belt/m${i}.xlsx`);
      expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
      seeds.add(s);
    }
    expect(seeds.size).toBe(5000);
  });

  it('is pinned (a change would silently change every portfolio run)', () => {
    // FNV-1a("m.xlsx") mixed with seed 1, computed independently below.
    let h = 0x811c9dc5;
    for (const ch of 'm.xlsx') h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    let x = (h ^ Math.imul(1, 0x9e3779b1)) | 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    expect(merchantSeed(1, 'm.xlsx')).toBe((x ^ (x >>> 16)) >>> 0);
  });
});
