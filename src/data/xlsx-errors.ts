/** The error for a cell past Excel's length limit, shared by both .xlsx readers. */
import { text } from '../i18n/text';
import { AdplanError } from '../model/errors';
import { columnLetters } from './address';
import { LIMITS } from './limits';

/** Named by file, sheet and cell; the text itself is never echoed. */
export function tooLong(fileName: string, sheet: string, row: number, col: number, length: number): AdplanError {
  const cell = `${columnLetters(col)}${row}`;
  return new AdplanError(
    'input',
    text(
      `${fileName}, sheet "${sheet}", cell ${cell}: ${length} characters (limit ${LIMITS.cellChars}, Excel's own).`,
      `${fileName} 工作表“${sheet}”单元格 ${cell}：${length} 个字符（上限 ${LIMITS.cellChars}，与 Excel 相同）。`,
    ),
    'file',
  );
}
