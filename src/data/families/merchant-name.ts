/**
 * The shop / 抖音号 an export belongs to (千川全域 exports carry 抖音号名称, some 抖音号 or 账户名称):
 * what a portfolio names the merchant by instead of a file name. Names beat ids; total rows
 * (全部, 合计 …) are not names. Several accounts in one export read "A店 +2". Fed row by row
 * inside the reader's one pass (a CSV is streamed, never walked twice).
 */
import { isTotalValue } from './dimensions';
import { detach } from '../formats';
import { cellText, headerKey } from '../cells';
import type { Cell } from '../table';

/** Header keys (headerKey form) in order of preference. */
const NAME_HEADERS = ['抖音号名称', '抖音号昵称', '抖音账号名称', '店铺名称', '店铺', '抖音号', '抖音账号', '账户名称', '广告账户名称', '账户', '直播间名称'];
/** Enough distinct names to say "A店 +N" without keeping a large export's every entity. */
const MAX_NAMES = 1000;

export class MerchantNames {
  private readonly col: number | undefined;
  private readonly names = new Set<string>();

  constructor(headerRow: readonly Cell[]) {
    const keys = headerRow.map((c) => (typeof c === 'string' ? headerKey(c) : ''));
    this.col = NAME_HEADERS.map((h) => keys.indexOf(h)).find((i) => i >= 0);
  }

  add(row: readonly Cell[]): void {
    if (this.col === undefined || this.names.size >= MAX_NAMES) return;
    const v = cellText(row[this.col] ?? null).trim();
    if (v !== '' && !isTotalValue(v) && !this.names.has(v)) this.names.add(detach(v));
  }

  name(): string | undefined {
    const [first] = this.names;
    if (first === undefined) return undefined;
    return this.names.size === 1 ? first : `${first} +${this.names.size - 1}`;
  }
}

/** The name of a whole grid whose header row is `headerIndex`. */
export function merchantNameOf(cells: readonly (readonly Cell[])[], headerIndex: number): string | undefined {
  const names = new MerchantNames(cells[headerIndex] ?? []);
  for (let r = headerIndex + 1; r < cells.length; r++) names.add(cells[r] ?? []);
  return names.name();
}
