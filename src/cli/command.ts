import { pick, text, type Lang, type Text } from '../i18n/text';
import { UsageError } from './args';
import { renderTable } from '../text';
import type { CliIo } from './io';
import { detectLang, isLang } from './lang';

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** One option as `--help` explains it. */
export interface OptionHelp {
  /** As typed, with its value: "--horizon DAYS". */
  flag: string;
  help: Text;
}

/** Options that mean the same in every command that reads a merchant's files: said once. */
export const SHEET_OPTION: OptionHelp = {
  flag: '--sheet NAME',
  help: text('the history sheet (default: the sheet that looks most like daily data)', '历史数据所在的工作表（默认：最像逐日数据的工作表）'),
};
export const ASSUMPTIONS_OPTION: OptionHelp = {
  flag: '--assumptions FILE',
  help: text('an assumptions table from another file, used when the files have none of their own (e.g. CSV exports)', '从另一个文件读取假设表，在文件自身没有假设表时使用（如 CSV 导出）'),
};

/** One `adplan <name>` command: a file in src/cli/commands/ plus one line in its index. */
export interface Command {
  name: string;
  summary: Text;
  /** The synopsis line, e.g. "adplan check <file> [--sheet NAME] [--json] [--lang zh-CN|en-US]". */
  usage: string;
  /** Every option the command takes besides the common ones (COMMON_HELP), for --help. */
  options: readonly OptionHelp[];
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** The options every command takes (src/cli/args.ts COMMON_OPTIONS). */
export const COMMON_HELP: readonly OptionHelp[] = [
  {
    flag: '--json',
    help: text('print one JSON object on stdout (failures too: {"error": …}); exit codes unchanged', '在标准输出打印一个 JSON 对象（出错时为 {"error": …}）；退出码不变'),
  },
  { flag: '--lang zh-CN|en-US', help: text('output language (default: LC_ALL / LC_MESSAGES / LANG)', '输出语言（默认取 LC_ALL / LC_MESSAGES / LANG）') },
  { flag: '-h, --help', help: text('this help', '显示本帮助') },
];

/** `adplan <name> --help`: synopsis, what it does, every option, exit codes. */
export function commandHelp(command: Command, lang: Lang): string {
  const rows = [...command.options, ...COMMON_HELP].map((o) => [o.flag, pick(o.help, lang)]);
  const table = renderTable(['', ''], rows, { indent: '  ' }).split('\n').slice(2).join('\n');
  return [
    `${pick(text('usage', '用法'), lang)}: ${command.usage}`,
    `  ${pick(command.summary, lang)}`,
    '',
    pick(text('Options:', '选项：'), lang),
    table,
    '',
    pick(text('Exit codes: 0 done, 1 the input cannot be used (the message says why), 2 usage error.', '退出码：0 完成，1 输入无法使用（消息说明原因），2 用法错误。'), lang),
    '',
  ].join('\n');
}

/**
 * The start every command shares: validate --lang, pick the output language, and answer --help.
 * `lang` is null when --help was answered (the command returns EXIT.ok).
 */
export function startCommand(values: { lang?: string; help?: boolean }, io: CliIo, command: Command): Lang | null {
  if (values.lang !== undefined && !isLang(values.lang)) throw new UsageError(`--lang must be zh-CN or en-US, not "${values.lang}"`);
  const lang = detectLang(values.lang, io.env);
  if (values.help) {
    io.stdout(commandHelp(command, lang));
    return null;
  }
  return lang;
}
