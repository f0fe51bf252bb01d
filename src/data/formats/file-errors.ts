/**
 * What a failed read of a path means to the user, in words (never a raw ENOENT / EISDIR):
 * one message per cause, shared by every file edge (CLI files, --assumptions, portfolio inputs).
 */
import { text, type Text } from '../../i18n/text';
import { AdplanError } from '../../model/core';

export function fileErrorText(path: string, e: unknown): Text {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return text(`file not found: ${path} — check the path and the file name`, `找不到文件：${path}——请检查路径和文件名`);
    case 'EISDIR':
      return text(`${path} is a folder, not a file — name an .xlsx or .csv file inside it`, `${path} 是文件夹而不是文件——请指定其中的 .xlsx 或 .csv 文件`);
    case 'EACCES':
    case 'EPERM':
      return text(`no permission to read ${path}`, `没有读取 ${path} 的权限`);
    case 'EMFILE':
    case 'ENFILE':
      return text(`too many open files while reading ${path}: try again with fewer jobs`, `读取 ${path} 时打开的文件过多：请减少并行数后重试`);
    default: {
      const why = code ?? (e instanceof Error ? e.message : String(e));
      return text(`cannot read ${path} (${why})`, `无法读取 ${path}（${why}）`);
    }
  }
}

/** The AdplanError for a failed read; `field` says which input (file, assumptions). */
export function fileReadError(path: string, e: unknown, field: string): AdplanError {
  return new AdplanError('input', fileErrorText(path, e), field);
}
