/** `adplan` entry: dispatch to a command from the registry; usage errors exit 2. */
import { pick, text } from '../i18n/text';
import { UsageError } from './args';
import { EXIT, type Command } from './command';
import { COMMANDS } from './commands';
import { renderTable } from './format';
import { processIo, type CliIo } from './io';
import { detectLang, langFlag } from './lang';

const VERSION = '0.1.0';

function help(lang: ReturnType<typeof detectLang>): string {
  const rows = COMMANDS.map((c: Command) => [c.name, pick(c.summary, lang)]);
  return [
    pick(text('AdPlan — sustainable Qianchuan scaling plans from your own sheets', 'AdPlan——基于你自己的数据，制定可持续的千川放量计划'), lang),
    '',
    'adplan <command> [options]',
    '',
    renderTable(['command', ''], rows, { indent: '  ' }).split('\n').slice(2).join('\n'),
    '',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '',
    pick(text('Options: --lang zh-CN|en-US (default from LANG), --help, --version', '选项：--lang zh-CN|en-US（默认取 LANG），--help，--version'), lang),
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = detectLang(langFlag(argv), io.env);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(help(lang));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`adplan: ${pick(text(`unknown command "${name}"`, `未知命令“${name}”`), lang)}\n\n${help(lang)}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`adplan ${command.name}: ${e.message}\n${pick(text('usage', '用法'), lang)}: ${command.usage}\n`);
      return EXIT.usage;
    }
    // Not an expected failure: say so plainly rather than print a stack to a merchant.
    const why = e instanceof Error ? e.message : String(e);
    io.stderr(`adplan ${command.name}: ${pick(text('unexpected error', '意外错误'), lang)}: ${why}\n`);
    return EXIT.failed;
  }
}

/** Used by bin/adplan.js. */
export function runFromProcess(): void {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`adplan: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
