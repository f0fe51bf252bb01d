import { pick, type Lang, type Text } from '../i18n/text';
import { UsageError } from './args';
import type { CliIo } from './io';
import { detectLang, isLang } from './lang';

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** One `adplan <name>` command: a file in src/cli/commands/ plus one line in its index. */
export interface Command {
  name: string;
  summary: Text;
  /** The synopsis line, e.g. "adplan check <file> [--sheet NAME] [--json] [--lang zh-CN|en-US]". */
  usage: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/**
 * The start every command shares: validate --lang, pick the output language, and answer --help.
 * `lang` is null when --help was answered (the command returns EXIT.ok).
 */
export function startCommand(values: { lang?: string; help?: boolean }, io: CliIo, command: Command): Lang | null {
  if (values.lang !== undefined && !isLang(values.lang)) throw new UsageError(`--lang must be zh-CN or en-US, not "${values.lang}"`);
  const lang = detectLang(values.lang, io.env);
  if (values.help) {
    io.stdout(`${command.usage}\n  ${pick(command.summary, lang)}\n`);
    return null;
  }
  return lang;
}
