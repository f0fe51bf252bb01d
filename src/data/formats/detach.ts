/**
 * A copy of a string cut from a file's text that does not keep that text alive. V8 represents a
 * slice of 13+ characters as a view on its parent, so one kept cell value (an issue's excerpt, a
 * merchant name, a cache key) would pin the whole decoded chunk — or the whole file — in memory.
 * For the short strings a reader keeps; not for data-sized text.
 */
export function detach(s: string): string {
  // Concatenating and slicing makes V8 flatten the string into a copy of its own (the slice then
  // points at that copy, not at the file's text).
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
