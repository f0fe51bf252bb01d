/** The errors for cells and rows past Excel's own limits, in an .xlsx. */
import { text } from '../../../i18n/text';
import { groupDigits } from '../../../i18n/number';
import { AdplanError } from '../../../model/core';
import { columnLetters } from '../address';
import { LIMITS } from '../limits';

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

/** A row numbered past Excel's last row: no Excel wrote it, and it would cost a row each up to it. */
export function pastLastRow(fileName: string, sheet: string, row: number): AdplanError {
  return new AdplanError(
    'input',
    text(
      `${fileName}, sheet "${sheet}": row ${row} is past Excel's last row (${groupDigits(LIMITS.rows)}). The file is damaged or was not written by Excel.`,
      `${fileName} 工作表“${sheet}”：第 ${row} 行超过 Excel 的最后一行（${LIMITS.rows}），文件已损坏或并非由 Excel 生成。`,
    ),
    'file',
  );
}
