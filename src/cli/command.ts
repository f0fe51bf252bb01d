import type { Text } from '../i18n/text';
import type { CliIo } from './io';

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
