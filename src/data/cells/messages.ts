/** Bilingual wording of cell problems, kept in one place so every reader says them alike. */
import { text, type Text } from '../../i18n/text';
import type { Parsed } from './cells';

type Failure = Extract<Parsed<unknown>, { ok: false }>['reason'];

export function expectedNumber(failure: Failure, what: string, whatZh: string): Text {
  switch (failure) {
    case 'percent':
      return text(
        `a percentage is not allowed in ${what}; expected a plain number`,
        `${whatZh}不能是百分比，应为数字`,
      );
    case 'date':
      return text(`expected a number for ${what}, found a date`, `${whatZh}应为数字，却是日期`);
    case 'too_large':
      return text(
        `${what} is too large (beyond ±1e15, outside any real export)`,
        `${whatZh}过大（超出 ±1e15，不是真实导出的数值）`,
      );
    case 'bool':
      return text(`expected a number for ${what}, found TRUE/FALSE`, `${whatZh}应为数字，却是 TRUE/FALSE`);
    default:
      return text(
        `expected a number for ${what} (e.g. 1234, 1,234, ¥1234, 1.2万)`,
        `${whatZh}应为数字（如 1234、1,234、¥1234、1.2万）`,
      );
  }
}

export const EXPECTED_DATE = text(
  'expected a date (2024-05-01, 2024/5/1, 2024年5月1日, an Excel date, or a date-time)',
  '应为日期（2024-05-01、2024/5/1、2024年5月1日、Excel 日期或日期时间）',
);
