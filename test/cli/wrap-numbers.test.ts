/**
 * Issue #26 item 10: in an 80- or 120-column terminal no number is split across lines, the
 * 操作建议 (Do this) lines included. Property: random sentences of CJK, words and numbers of every
 * shape (¥333.9万, -73%, 1,234.56, 12月6日, ¥487/天) wrapped at random widths keep every number on
 * one line; and the CLI's own output at COLUMNS=80/120 keeps every number it prints whole.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { displayWidth, fitToWidth, wrapWidth } from '../../src/text';
import { runCli } from '../helpers/cli';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', 'merchant-sample.xlsx');

const grouped = (n: number): string => n.toLocaleString('en-US');
const number = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }).map(grouped),
  fc.integer({ min: 1, max: 99_999 }).map((n) => `¥${(n / 10).toFixed(1)}万`),
  fc.integer({ min: -999, max: 999 }).map((n) => `${n}%`),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `¥${grouped(n)}.${String(n % 100).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([m, d]) => `${m}月${d}日`),
  fc.integer({ min: 1, max: 99_999 }).map((n) => `¥${grouped(n)}/天`),
  fc.integer({ min: 1, max: 999 }).map((n) => `−${(n / 100).toFixed(2)}`),
);
const word = fc.constantFrom('日预算', '付费投放最多多占用资金', '预计', '回本', '，', '。', '（', '）', 'ROI', 'net', '全域推广', 'spend', '：', 'to');
const piece = fc.oneof(fc.record({ n: number }), fc.record({ w: word }));
const sentence = fc.array(fc.tuple(piece, fc.boolean()), { minLength: 1, maxLength: 40 });

/** Every number of `text` must appear whole in one of `lines`. */
function numbersKept(numbers: readonly string[], lines: readonly string[]): string[] {
  return numbers.filter((n) => !lines.some((l) => l.includes(n)));
}

it('wrapping never cuts a number: random text, random widths (fast-check)', () => {
  fc.assert(
    fc.property(sentence, fc.integer({ min: 12, max: 120 }), (parts, width) => {
      const numbers = parts.flatMap(([p]) => ('n' in p ? [p.n] : []));
      // Spaces or none between pieces (Chinese runs numbers into words): a number is bounded by a space or a non-digit word.
      const textOf = parts.map(([p, space]) => ('n' in p ? ` ${p.n} ` : `${p.w}${space ? ' ' : ''}`)).join('');
      const lines = wrapWidth(textOf, width);
      expect(numbersKept(numbers, lines)).toEqual([]);
      for (const l of lines) {
        // A line is over the width only when it is a single unbreakable piece.
        if (displayWidth(l) > width) expect(l.includes(' ')).toBe(false);
      }
      const fitted = fitToWidth(`  操作建议：${textOf}`, width).split('\n');
      expect(numbersKept(numbers, fitted)).toEqual([]);
    }),
    { numRuns: 400 },
  );
});

describe.each([80, 120])('adplan plan in a %d-column terminal', (columns) => {
  it.each(['zh-CN', 'en-US'])('%s: no line is wider than the terminal unless unbreakable, no number split', async (lang) => {
    const wide = await runCli(['plan', SAMPLE, '--lang', lang]);
    const fitted = await runCli(['plan', SAMPLE, '--lang', lang], { COLUMNS: String(columns) });
    expect(fitted.code).toBe(0);
    const lines = fitted.out.split('\n');
    const over = lines.filter((l) => displayWidth(l) > columns && l.trim().includes(' '));
    // A table row is kept whole when it fits; a wider one wraps between its cells.
    expect(over).toEqual([]);
    const numbers = [...wide.out.matchAll(/[-−+]?¥?\d[\d,.]*(?:%|万|亿)?/gu)].map((m) => m[0]);
    expect(numbers.length).toBeGreaterThan(50);
    expect(numbersKept(numbers, lines)).toEqual([]);
    // The 操作建议 lines are there and wrapped.
    expect(fitted.out).toContain(lang === 'zh-CN' ? '操作建议' : 'Do this');
  });
});

it('without a terminal width (a pipe, tests) the output is not rewrapped', async () => {
  const r = await runCli(['plan', SAMPLE, '--lang', 'zh-CN']);
  expect(r.out.split('\n').some((l) => displayWidth(l) > 120)).toBe(true);
});
