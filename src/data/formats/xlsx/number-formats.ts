/**
 * The number formats every sheet AdPlan writes uses (plan sheets, KPI blocks, the portfolio
 * summary, the preview's downloaded workbook): one list so Excel shows money, rates, ratios,
 * counts and dates the same way wherever a number lands. Format codes are Excel's (ECMA-376
 * §18.8.31); Office.js `numberFormat` takes the same strings.
 */
import type { Lang } from '../../../i18n/text';

export type NumberKind = 'money' | 'rate' | 'ratio' | 'count' | 'date' | 'day';

/** Money in yuan: `¥1,234` in a Chinese workbook, `1,234` in an English one (the sheet's currency is CNY). */
const MONEY: Readonly<Record<Lang, string>> = { 'zh-CN': '"¥"#,##0', 'en-US': '#,##0' };

export function numberFormat(kind: NumberKind, lang: Lang): string {
  switch (kind) {
    case 'money': return MONEY[lang];
    case 'rate': return '0.0%';
    case 'ratio': return '0.00';
    case 'count': return '#,##0';
    case 'date': return 'yyyy-mm-dd';
    case 'day': return '0';
  }
}

/** Column width (Excel's character units) that fits `texts`: CJK and emoji count double. */
export function fitWidth(texts: readonly string[], min = 8, max = 40): number {
  let widest = 0;
  for (const s of texts) widest = Math.max(widest, displayWidth(s));
  return Math.min(max, Math.max(min, widest + 2));
}

/** Terminal/Excel display width: East Asian wide and emoji characters take two cells. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0) ?? 0);
  return w;
}

function charWidth(cp: number): number {
  if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x300 && cp <= 0x36f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}
