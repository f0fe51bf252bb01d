/** `adplan` entry: dispatch to a command from the registry; usage errors exit 2. */
import { pick, text } from '../i18n/text';
import { levenshtein } from '../data/assumptions';
import { UsageError } from './args';
import { EXIT, type Command } from './command';
import { COMMANDS } from './commands';
import { fitToWidth, renderTable } from '../text';
import { jsonFlag, reportFailure } from './failure';
import { outputWidth, processIo, type CliIo } from './io';
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

/** The command names closest to a mistyped one (edit distance ≤ 2, or a prefix). */
export function suggestCommand(name: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of COMMANDS) {
    const d = c.name.startsWith(name.toLowerCase()) ? 0 : levenshtein(name.toLowerCase(), c.name);
    if (d < bestD) {
      bestD = d;
      best = c.name;
    }
  }
  return bestD <= 2 ? best : undefined;
}

export async function main(argv: readonly string[], terminal: CliIo): Promise<number> {
  const lang = detectLang(langFlag(argv), terminal.env);
  const json = jsonFlag(argv);
  // Human output fits the terminal: long lines wrap between words, never inside a number (JSON stays as it is).
  const width = json ? null : outputWidth(terminal);
  const io: CliIo = width === null ? terminal : { ...terminal, stdout: (s) => terminal.stdout(fitToWidth(s, width)) };
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
    const sug = suggestCommand(name);
    const hint = sug ? text(` — did you mean "adplan ${sug}"?`, `——是否想用“adplan ${sug}”？`) : text('.', '。');
    const known = COMMANDS.map((c) => c.name).join(', ');
    const message = text(`unknown command "${name}"${hint['en-US']} Commands: ${known}.`, `未知命令“${name}”${hint['zh-CN']}可用命令：${known}。`);
    return reportFailure(new UsageError(pick(message, lang)), { command: null, json, lang }, io);
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    return reportFailure(e, { command, json, lang }, io);
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
