/** Plain-text output helpers: CJK-aware column widths, numbers with separators. */
import { eastAsianWidth } from 'get-east-asian-width';
import { groupDigits } from '../i18n/number';

/** Code points a terminal draws in no column: controls, combining marks, joiners, variation selectors. */
function isZeroWidth(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x200b && cp <= 0x200d) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** Terminal columns of a string: Unicode East Asian Width (get-east-asian-width), ambiguous as narrow. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isZeroWidth(cp)) w += eastAsianWidth(cp);
  }
  return w;
}

export function padEndWidth(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStartWidth(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** Cut to a display width, marking the cut with "…". */
export function truncateWidth(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export interface TableOptions {
  /** Right-align these column indices (numbers). */
  right?: readonly number[];
  /** Maximum display width per column index; longer cells are cut with "…". */
  maxWidth?: Readonly<Record<number, number>>;
  /** Wrap this (last) column to the width left of `totalWidth` instead of cutting it. */
  wrap?: { column: number; totalWidth: number; minWidth?: number };
  indent?: string;
}

/**
 * A number as one unbreakable piece: sign, currency, digits with separators and decimals, and
 * the unit that belongs to it (¥333.9万, -73%, 1,234.56, 12月6日, ¥487/天, 2.5倍).
 */
const NUMBER = String.raw`[-+−±]?[¥$]?\d[\d,.]*(?:[%％]|[万亿]|[KMB]\b)?(?:\/?[元天日月年倍次个单周])?(?:\d+日)?`;
/** One CJK character (with the closing punctuation that must not start a line). */
const CJK = String.raw`[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]`;
const CLOSERS = String.raw`[，。；：、）》」』！？%,.;:)\]…]*`;
const OPENERS = /^[（《「『“([]+$/u;
const TOKEN = new RegExp(String.raw`\s+|(?:${NUMBER})${CLOSERS}|${CJK}${CLOSERS}|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+`, 'gu');

/** Breakable pieces of a line: numbers whole, words whole, CJK one character at a time, openers glued on. */
export function lineTokens(s: string): string[] {
  const out: string[] = [];
  for (const t of s.match(TOKEN) ?? []) {
    const prev = out[out.length - 1];
    // An opening bracket never ends a line.
    if (prev !== undefined && OPENERS.test(prev)) out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out;
}

/**
 * Lines of at most `width` display columns. Breaks at spaces and between CJK characters, never
 * inside a number or a word (`¥1,234/day`, `-73%`, `¥333.9万` stay whole); a token wider than the
 * line gets a line of its own.
 */
export function wrapWidth(s: string, width: number, restWidth = width): string[] {
  const tokens = lineTokens(s.replace(/\s+/gu, ' ').trim());
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (tok === ' ') {
      if (line !== '') line += ' ';
      continue;
    }
    if (line !== '' && displayWidth(line + tok) > (lines.length === 0 ? width : restWidth)) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += tok;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.length > 0 ? lines : [''];
}

/**
 * Text for a terminal `width` columns wide: each longer line is wrapped (wrapWidth), its
 * continuation lines indented two past the line's own indent, so the terminal never cuts a
 * number in two. Shorter lines are left exactly as they are (table alignment kept).
 */
export function fitToWidth(s: string, width: number): string {
  return s
    .split('\n')
    .flatMap((line) => {
      if (displayWidth(line) <= width) return [line];
      const indent = /^ */u.exec(line)?.[0] ?? '';
      const rest = ' '.repeat(Math.min(indent.length + 2, Math.floor(width / 2)));
      const [head, ...tail] = wrapWidth(line, width - indent.length, width - rest.length);
      return [indent + (head ?? ''), ...tail.map((l) => rest + l)];
    })
    .join('\n');
}

/** A header + rows table with a rule under the header, columns sized by display width. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], opts: TableOptions = {}): string {
  const clip = (s: string, j: number): string => {
    const m = opts.maxWidth?.[j];
    return m ? truncateWidth(s.replace(/\s+/gu, ' '), m) : s.replace(/\s+/gu, ' ');
  };
  const all = [header, ...rows].map((r) => r.map((c, j) => clip(c, j)));
  const widths = header.map((_, j) => all.reduce((w, r) => Math.max(w, displayWidth(r[j] ?? '')), -Infinity));
  const wrap = opts.wrap;
  if (wrap) {
    const others = widths.reduce((a, w, j) => (j === wrap.column ? a : a + w + 2), 0) + (opts.indent ?? '').length;
    const room = Math.max(wrap.minWidth ?? 24, wrap.totalWidth - others);
    widths[wrap.column] = Math.min(widths[wrap.column] ?? room, room);
  }
  const right = new Set(opts.right ?? []);
  const indent = opts.indent ?? '';
  const line = (r: readonly string[]): string =>
    indent +
    r
      .map((c, j) => (j === r.length - 1 && !right.has(j) ? c : right.has(j) ? padStartWidth(c, widths[j] ?? 0) : padEndWidth(c, widths[j] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  /** A row whose wrapped cell takes several lines: the other cells stay on the first. */
  const lines = (r: readonly string[]): string[] => {
    if (!wrap) return [line(r)];
    const parts = wrapWidth(r[wrap.column] ?? '', widths[wrap.column] ?? 24);
    return parts.map((p, k) => line(r.map((c, j) => (j === wrap.column ? p : k === 0 ? c : ''))));
  };
  return [...lines(all[0] ?? []), rule, ...all.slice(1).flatMap(lines)].join('\n');
}

/** 1234567.891 → "1,234,567.89"; never "NaN" (non-finite prints as "—"). */
export function formatNumber(n: number, decimals = 0): string {
  return groupDigits(n, decimals);
}

export const formatMoney = (n: number): string => formatNumber(n, 2);

/** Counts print without decimals unless they have some (GMV-share order splits). */
export function formatCount(n: number): string {
  return formatNumber(n, Number.isInteger(n) ? 0 : 2);
}
