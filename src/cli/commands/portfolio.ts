/**
 * adplan portfolio <folder or files…> [--scenario NAME] [--runs N] [--seed S] [--jobs N]
 *                  [--out summary.xlsx [--force]] [--json] [--lang zh-CN|en-US]
 * Plans every merchant file found, tiers and ranks them (docs/portfolio.md). Exit 0 when the
 * batch ran (broken files are rows with status "error"), 1 when no file was found or none could
 * be planned, 2 for a usage error (including an existing --out file without --force).
 */
import { resolve } from 'node:path';
import { loadAssumptionsFile } from '../../data/node';
import { checkAssumptions, type SharedAssumptions } from '../../data/assumptions';
import { pick, text } from '../../i18n/text';
import { RUN_OPTIONS } from '../../model/settings';
import { AdplanError } from '../../model/core';
import { portfolioHuman } from '../../portfolio/human';
import { portfolioJson } from '../../portfolio/json';
import { terminalProgress } from '../../portfolio/progress';
import { cappedJobs, defaultJobs, runPortfolio } from '../../portfolio/run';
import { buildSummaryWorkbook } from '../../portfolio/summary-workbook';
import { outProblem, saveWorkbook } from '../../portfolio/save-workbook';
import { boundedOption, COMMON_OPTIONS, integerOption, parseCommandArgs, UsageError } from '../args';
import { EXIT, startCommand, type Command } from '../command';
import type { CliIo } from '../io';

const USAGE =
  'adplan portfolio <folder|file>… [--scenario NAME] [--runs N] [--seed S] [--jobs N] [--out summary.xlsx] [--force] [--assumptions FILE] [--json] [--lang zh-CN|en-US]';

export const portfolio: Command = {
  name: 'portfolio',
  summary: text('Plan, tier and rank every merchant in folders of exports', '批量规划文件夹中的所有商家，并分层排名'),
  usage: USAGE,
  options: [
    { flag: '--scenario NAME', help: text("plan every merchant with this scenario (default: each file's first)", '所有商家都按该方案规划（默认：每个文件的第一个方案）') },
    { flag: '--runs N', help: text(`Monte Carlo runs per merchant, ${RUN_OPTIONS.runs.min}–${RUN_OPTIONS.runs.max} (default ${RUN_OPTIONS.runs.default})`, `每个商家的蒙特卡洛模拟次数，${RUN_OPTIONS.runs.min}–${RUN_OPTIONS.runs.max}（默认 ${RUN_OPTIONS.runs.default}）`) },
    { flag: '--seed S', help: text(`random seed; each file's stream also depends on its path inside the folder (default ${RUN_OPTIONS.seed.default})`, `随机种子；每个文件的随机序列还取决于它在文件夹中的路径（默认 ${RUN_OPTIONS.seed.default}）`) },
    { flag: '--jobs N', help: text('files planned in parallel, 1–256 (default: the number of cores)', '并行规划的文件数，1–256（默认：CPU 核数）') },
    { flag: '--out FILE.xlsx', help: text('also write the summary workbook there (refuses an existing file)', '同时写出汇总工作簿（不覆盖已有文件）') },
    { flag: '--force', help: text('with --out: overwrite an existing file', '与 --out 同用：覆盖已有文件') },
    { flag: '--assumptions FILE', help: text('an assumptions table for the files that have none of their own', '为没有假设表的文件指定假设表') },
  ],
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      scenario: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      jobs: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      assumptions: { type: 'string' },
      ...COMMON_OPTIONS,
    });
    const lang = startCommand(values, io, portfolio);
    if (lang === null) return EXIT.ok;
    if (positionals.length === 0) throw new UsageError(pick(text('missing <folder or files>', '缺少 <文件夹或文件>'), lang));
    const runs = boundedOption('runs', values.runs, RUN_OPTIONS.runs, lang);
    const seed = boundedOption('seed', values.seed, RUN_OPTIONS.seed, lang);
    const asked = integerOption('jobs', values.jobs, defaultJobs(), 1, 256, lang);
    const { jobs, note } = cappedJobs(asked);
    if (note) io.stderr(`adplan portfolio: ${pick(note, lang)}\n`);
    const out = values.out;
    if (out !== undefined) {
      if (!/\.xlsx$/iu.test(out)) throw new UsageError(pick(text(`--out must name an .xlsx file, not "${out}"`, `--out 应为 .xlsx 文件，而不是“${out}”`), lang));
      // Refuse before planning, so an hour's batch is not lost to an existing file or a bad path.
      const problem = outProblem(out, values.force);
      if (problem === 'exists') {
        throw new UsageError(pick(text(`${out} already exists: choose another name or add --force`, `${out} 已存在：请换一个文件名或加 --force`), lang));
      }
      if (problem) {
        io.stderr(`adplan portfolio: ${pick(problem, lang)}\n`);
        return EXIT.failed;
      }
    }

    let shared: SharedAssumptions | undefined;
    if (values.assumptions !== undefined) {
      shared = await loadAssumptionsFile(values.assumptions);
      checkAssumptions(shared.read, shared.source);
    }

    const progress = io.stderrIsTTY ? terminalProgress(io.stderr, lang) : null;
    // Failures go to the one error path (src/cli/failure.ts); the progress line is closed first.
    let result;
    try {
      result = await runPortfolio({
        ...(shared ? { assumptions: shared, exclude: [resolve(values.assumptions as string)] } : {}),
        inputs: positionals,
        cwd: process.cwd(),
        runs,
        seed,
        jobs,
        ...(values.scenario !== undefined ? { scenario: values.scenario } : {}),
        ...(progress ? { onProgress: (d: number, t: number) => progress.update(d, t) } : {}),
      });
    } finally {
      progress?.end();
    }
    const { rows, summary } = result;
    if (rows.length === 0) {
      throw new AdplanError('input', text(`No .xlsx or .csv files found in ${positionals.join(', ')}`, `在 ${positionals.join('、')} 中没有找到 .xlsx 或 .csv 文件`), 'inputs');
    }
    // The table first: a write that still fails (the disk filled up) does not lose the batch's result.
    io.stdout(values.json ? `${JSON.stringify(portfolioJson(rows, summary, lang), null, 2)}\n` : portfolioHuman(rows, summary, lang));
    if (out !== undefined) {
      await saveWorkbook(buildSummaryWorkbook(rows, summary, lang), out, values.force);
      if (!values.json) io.stdout(`${pick(text('Summary workbook written: ', '已写入汇总工作簿：'), lang)}${out}\n`);
    }
    // Every file broken (often a mistyped folder): the rows say why, the exit code says "failed".
    return rows.every((r) => r.status === 'error') ? EXIT.failed : EXIT.ok;
  },
};
