/** Node edge: write the summary workbook, never over an existing file unless forced. */
import { writeFile } from 'node:fs/promises';
import type { Workbook } from 'exceljs';
import { text } from '../i18n/text';
import { AdplanError } from '../model/core';

export async function saveWorkbook(wb: Workbook, path: string, force: boolean): Promise<void> {
  const bytes = await wb.xlsx.writeBuffer();
  try {
    // 'wx' fails if the file appeared since the up-front check: still no silent overwrite.
    await writeFile(path, new Uint8Array(bytes as ArrayBuffer), { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new AdplanError('input', text(`Cannot write ${path} (${code})`, `无法写入 ${path}（${code}）`), 'out');
  }
}
