/**
 * A copy of a string cut from a file's text that does not keep that text alive. V8 represents a
 * slice of 13+ characters as a view on its parent, so one kept cell value (an issue's excerpt, a
 * merchant name, a cache key) would pin the whole decoded chunk — or the whole file — in memory.
 * For the short strings a reader keeps; not for data-sized text.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : s.split('').join('');
}
