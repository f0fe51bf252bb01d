/**
 * The shop / 抖音号 an export belongs to (千川全域 exports carry 抖音号名称, some 抖音号 or 账户名称):
 * what a portfolio names the merchant by instead of a file name. Names beat ids; total rows
 * (全部, 合计 …) are not names. Several accounts in one export read "A店 +2".
 */
import { isTotalValue } from './dimensions';
import { cellText, headerKey } from './normalize';
import type { Cell } from './types';

/** Header keys (headerKey form) in order of preference. */
const NAME_HEADERS = ['抖音号名称', '抖音号昵称', '抖音账号名称', '店铺名称', '店铺', '抖音号', '抖音账号', '账户名称', '广告账户名称', '账户', '直播间名称'];

export function merchantNameOf(cells: readonly (readonly Cell[])[], headerIndex: number): string | undefined {
  const header = cells[headerIndex] ?? [];
  const keys = header.map((c) => (typeof c === 'string' ? headerKey(c) : ''));
  const col = NAME_HEADERS.map((h) => keys.indexOf(h)).find((i) => i >= 0);
  if (col === undefined) return undefined;
  const names: string[] = [];
  for (let r = headerIndex + 1; r < cells.length; r++) {
    const v = cellText(cells[r]?.[col] ?? null).trim();
    if (v === '' || isTotalValue(v) || names.includes(v)) continue;
    names.push(v);
  }
  const first = names[0];
  if (first === undefined) return undefined;
  return names.length === 1 ? first : `${first} +${names.length - 1}`;
}
