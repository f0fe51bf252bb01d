/**
 * Per-merchant Monte Carlo seed from the base seed and the file's path relative to the folder it
 * was found in: independent of scheduling order and --jobs, stable when the folder moves.
 * FNV-1a over UTF-16 code units, then mixed with the base seed (32-bit integer arithmetic only).
 */
export function merchantSeed(baseSeed: number, relativePath: string): number {
  let h = 0x811c9dc5;
  const key = relativePath.replace(/\\/gu, '/');
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let x = (h ^ Math.imul(Math.trunc(baseSeed) | 0, 0x9e3779b1)) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
