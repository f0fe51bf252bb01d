/** The portfolio table in a terminal: merchants told apart, widths by display columns, reasons wrapped whole. */
import { displayWidth, wrapWidth } from '../../src/text';
import { text } from '../../src/i18n/text';
import { merchantNames, portfolioHuman } from '../../src/portfolio/human';
import { summarise } from '../../src/portfolio/summary';
import { row } from './fixtures';

const long = text(
  'Over-spending: cut spend by 73%, from ¥12,345/day now to the sustainable ¥3,333/day; peak capital ¥1,234,567 of ¥2,000,000 free.',
  '投放过量：日消耗应下调 73%，从当前 ¥12,345 降到可持续的 ¥3,333；峰值占用资金 ¥1,234,567，可用 ¥2,000,000。',
);

const rows = [
  { ...row('belt/2024/抖音旗舰店-直播数据.xlsx', 'cut-back', null), reason: long },
  { ...row('belt/2024/🍓草莓小铺.csv', 'scale', 0.4), reason: long },
  { ...row('belt/a/shop.xlsx', 'steady', 0.2) },
  { ...row('belt/b/shop.xlsx', 'steady', 0.1) },
];

describe('portfolio table', () => {
  it('names merchants by file base name, with the folder only where two clash', () => {
    expect(merchantNames(rows)).toEqual(['抖音旗舰店-直播数据', '🍓草莓小铺', 'a/shop', 'b/shop']);
  });

  it.each([100, 120, 200])('fits a %d-column terminal and keeps every number whole (zh-CN and en-US)', (width) => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const out = portfolioHuman(rows, summarise(rows), lang, width);
      const table = out.split('\n\n')[0]!.split('\n');
      for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      // Every money amount of the reason appears whole somewhere (never cut mid-number).
      for (const n of ['¥12,345', '¥3,333', '¥1,234,567', '¥2,000,000', '73%']) expect(out).toContain(n);
      expect(out).not.toContain('…');
      for (const name of ['抖音旗舰店-直播数据', '🍓草莓小铺', 'a/shop', 'b/shop']) expect(out).toContain(name);
    }
  });

  it('fits an 80-column terminal: tier, merchant, spend, peak capital, paid profit and the reason stay (zh-CN and en-US)', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const out = portfolioHuman(rows, summarise(rows), lang, 80);
      const table = out.split('\n\n')[0]!.split('\n');
      for (const line of table) expect(displayWidth(line)).toBeLessThanOrEqual(80);
      const head = table[0]!;
      const kept = lang === 'zh-CN' ? ['分层', '商家', '日消耗', '峰值资金', '付费利润', '原因'] : ['Tier', 'Merchant', 'Spend/day', 'Peak cap.', 'Paid profit', 'Reason'];
      for (const h of kept) expect(head).toContain(h);
      // The reason still wraps whole: every amount appears uncut.
      for (const n of ['¥12,345', '¥3,333', '¥1,234,567', '¥2,000,000', '73%']) expect(out).toContain(n);
      // Long CJK names are shortened (marked), short ones shown whole.
      expect(out).toContain('🍓草莓小铺');
      expect(out).toContain('a/shop');
      expect(out).toMatch(/抖音旗舰店/u);
    }
  });

  it('holds 80 columns with ⭐ / 🛒 in merchant names (2 columns each)', () => {
    const starred = [
      { ...row('belt/⭐星选女装旗舰店⭐.xlsx', 'scale', 0.3), reason: long },
      { ...row('belt/🛒好物🛒日用百货.csv', 'steady', 0.2), reason: long },
    ];
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const table = portfolioHuman(starred, summarise(starred), lang, 80).split('\n\n')[0]!.split('\n');
      // Counted independently of displayWidth: CJK and these emoji 2 columns, the rest 1.
      const cols = (l: string): number => [...l].reduce((w, ch) => w + (/[\u4e00-\u9fff\u3000-\u303f\uff00-\uff60]|⭐|🛒/u.test(ch) ? 2 : 1), 0);
      for (const line of table) expect(cols(line)).toBeLessThanOrEqual(80);
    }
  });

  it('lines up columns by display width with CJK and emoji names', () => {
    const out = portfolioHuman(rows, summarise(rows), 'en-US', 200);
    const lines = out.split('\n');
    const rule = lines[1]!;
    const ruleCols = [...rule.matchAll(/-+/gu)].map((m) => m.index);
    // The third column (merchant) starts at the same display column on every row.
    const start = ruleCols[2]!;
    for (const l of lines.slice(2).filter((x) => /^\d/u.test(x))) {
      let w = 0;
      let prefix = '';
      for (const ch of l) {
        if (w >= start) break;
        prefix += ch;
        w += displayWidth(ch);
      }
      expect(w).toBe(start);
      expect(l.slice(prefix.length, prefix.length + 1)).not.toBe(' ');
    }
  });

  it('wraps at spaces and between CJK characters, never inside a number', () => {
    const lines = wrapWidth('峰值占用资金 ¥1,234,567，可用 ¥2,000,000。', 12);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(14);
    expect(lines.join('')).toContain('¥1,234,567');
    expect(lines.some((l) => l.includes('¥2,000,000'))).toBe(true);
  });

  it('explains a blank annual return', () => {
    expect(portfolioHuman(rows, summarise(rows), 'zh-CN', 160)).toMatch(/年化回报留空/u);
  });
});
