/** The errors for cells and rows past Excel's own limits, in an .xlsx. */
import { text } from '../../../i18n/text';
import { groupDigits } from '../../../i18n/number';
import { AdplanError } from '../../../model/core';
import { columnLetters } from '../address';
import { LIMITS } from '../limits';
import type { XmlTooLong } from '../xml/xml-scan';

/** Named by file, sheet and cell; the text itself is never echoed. `over`: more than `length` (it was not read to its end). */
export function tooLong(fileName: string, sheet: string, row: number, col: number, length: number, over = false): AdplanError {
  const cell = `${columnLetters(col)}${row}`;
  return new AdplanError(
    'input',
    text(
      `${fileName}, sheet "${sheet}", cell ${cell}: ${over ? 'more than ' : ''}${length} characters (limit ${LIMITS.cellChars}, Excel's own).`,
      `${fileName} 工作表“${sheet}”单元格 ${cell}：${over ? '超过 ' : ''}${length} 个字符（上限 ${LIMITS.cellChars}，与 Excel 相同）。`,
    ),
    'file',
  );
}

/**
 * A cell or a row given twice (or out of order) in a sheet's XML: Excel never writes one, and
 * reading it would either overwrite the first value or count the row twice.
 */
export function givenTwice(fileName: string, sheet: string, where: string, cell: boolean): AdplanError {
  const en = cell ? `cell ${where} is given twice (or out of order)` : `row ${where} is given twice (or out of order)`;
  const zh = cell ? `单元格 ${where} 出现了两次（或顺序错乱）` : `第 ${where} 行出现了两次（或顺序错乱）`;
  return new AdplanError(
    'input',
    text(
      `${fileName}, sheet "${sheet}": ${en} in the sheet's XML; reading it would overwrite or double count values. The file was not saved by Excel or is damaged: open it in Excel and save it again.`,
      `${fileName} 工作表“${sheet}”：${zh}，照读会覆盖或重复计算数值。该文件不是由 Excel 保存的或已损坏：请用 Excel 打开后重新保存。`,
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

/** A text or tag past the scanner's limit in a part that is not a sheet's cell (shared strings, styles…). */
export function tokenTooLong(fileName: string, part: string, e: XmlTooLong): AdplanError {
  const what = e.token === 'text' ? text('a text', '一段文本') : text('a tag (with its attributes)', '一个标签（含属性）');
  return new AdplanError(
    'input',
    text(
      `${fileName} is refused: ${part.startsWith('sheet "') ? part.slice(0, 120) : `its part "${part.slice(0, 80)}"`} holds ${what['en-US']} longer than ${e.limit.toLocaleString('en-US')} characters, which Excel never writes. The file is damaged or crafted.`,
      `已拒绝 ${fileName}：${part.startsWith('sheet "') ? part.slice(0, 120) : `其中的“${part.slice(0, 80)}”`}含有超过 ${e.limit} 个字符的${what['zh-CN']}，Excel 不会写出这样的内容，文件已损坏或被篡改。`,
    ),
    'file',
  );
}
