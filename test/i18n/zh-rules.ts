/**
 * What a Chinese reader sees as wrong in a sentence: ASCII punctuation next to a Chinese character
 * (，。：；（）！？ are the Chinese ones) and the engine's own names. Shared by the unit test over the
 * source strings and the browser test over the rendered pane.
 */
const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';

/** ASCII , : ; ( ) ! ? touching a Chinese character (spaces between allowed); "." ending one. */
const PUNCT = new RegExp(`[${HAN}] *[,:;()!?]|[,:;()!?] *[${HAN}]|[${HAN}]\\.(?=$|\\s|[${HAN}])`, 'gu');

export function asciiPunctuationInChinese(s: string): string[] {
  return [...s.matchAll(PUNCT)].map((m) => m[0]);
}

/** Greek model symbols, R², S*, null, the curve's parameter names and snake_case keys (cogs_rate). */
const KEYS = /[λθ]|R²|S\*|\bnull\b|\bgmax\b|\bhill\b|\bramp\/target\b|\b[a-z][a-z0-9]*_[a-z0-9_]+\b/gu;

export function internalKeys(s: string): string[] {
  return [...s.matchAll(KEYS)].map((m) => m[0]);
}
