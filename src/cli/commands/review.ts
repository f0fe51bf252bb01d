/**
 * adplan review <file>… --since DATE [--scenario NAME] [--period day|week] [--sheet NAME]
 *                      [--assumptions FILE] [--json] [--lang zh-CN|en-US]
 * 复盘: the plan made with the history before DATE against the actual days from DATE on (docs/model.md,
 * "Review"), the GMV gap split into spend / response / organic, a verdict, and the plan refitted on the
 * whole history with what changed. --json prints the contract of docs/review.md.
 * Exit 0 reviewed, 1 the file cannot be reviewed (e.g. no days after DATE), 2 usage.
 */
import { pick, text, type Lang } from '../../i18n/text';
import { loadAssumptionsFile, loadMerchantFiles } from '../../data/node';
import { scenariosFor } from '../../data/assumptions';
import { buildPlanReport, selectScenarios } from '../../model/engine';
import type { Period } from '../../model/report';
import { GAP_LABELS, review, type ReviewPeriod, type ReviewResult } from '../../model/review';
import { COMMON_OPTIONS, parseCommandArgs, UsageError } from '../args';
import { ASSUMPTIONS_OPTION, EXIT, SHEET_OPTION, startCommand, type Command } from '../command';
import { formatNumber, renderTable } from '../../text';
import type { CliIo } from '../io';
import { planJson } from './plan';

const USAGE = 'adplan review <file>… --since DATE [--scenario NAME] [--period day|week] [--sheet NAME] [--assumptions FILE] [--json] [--lang zh-CN|en-US]';

const periodJson = (p: ReviewPeriod) => ({
  start: p.start,
  plannedSpend: p.plannedSpend,
  actualSpend: p.actualSpend,
  plannedGmv: p.plannedGmv,
  actualGmv: p.actualGmv,
  gapSpend: p.gapSpend,
  gapResponse: p.gapResponse,
  gapOrganic: p.gapOrganic,
});

const money = (x: number): string => formatNumber(x, 0);
const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${formatNumber(Math.abs(x), 0)}`;

function periodTable(rows: readonly ReviewPeriod[], lang: Lang): string {
  const head = [
    text('from', '起始'),
    text('days', '天数'),
    text('plan spend', '计划消耗'),
    text('actual spend', '实际消耗'),
    text('plan GMV', '计划成交'),
    text('P10–P90', 'P10–P90'),
    text('actual GMV', '实际成交'),
    GAP_LABELS.spend,
    GAP_LABELS.response,
    GAP_LABELS.organic,
    text('plan profit', '计划利润'),
    text('actual profit', '实际利润'),
    text('actual cash', '实际现金'),
  ].map((t) => pick(t, lang));
  const body = rows.map((p) => [
    p.start,
    String(p.days),
    money(p.plannedSpend),
    money(p.actualSpend),
    money(p.plannedGmv),
    `${money(p.plannedGmvP10)}–${money(p.plannedGmvP90)}`,
    money(p.actualGmv),
    signed(p.gapSpend),
    signed(p.gapResponse),
    signed(p.gapOrganic),
    money(p.plannedProfit),
    money(p.actualProfit),
    money(p.actualCash),
  ]);
  return renderTable(head, body, { right: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], indent: '  ' });
}

export function reviewHuman(fileName: string, r: ReviewResult, period: Period, lang: Lang): string {
  const c = lang === 'zh-CN' ? '：' : ': ';
  const last = r.days[r.days.length - 1]!.start;
  const changes = renderTable(
    [text('what', '项目'), text('plan then', '原计划'), text('refitted', '重新拟合'), text('change', '变化')].map((t) => pick(t, lang)),
    r.changes.map((x) => [
      pick(x.label, lang),
      formatNumber(x.before, x.key === 'break_even_roi' ? 2 : 0),
      formatNumber(x.after, x.key === 'break_even_roi' ? 2 : 0),
      x.change === null ? '—' : `${x.change >= 0 ? '+' : '−'}${formatNumber(Math.abs(100 * x.change), 0)}%`,
    ]),
    { right: [1, 2, 3], indent: '  ' },
  );
  const out = [
    `${fileName} · ${pick(text('plan', '方案'), lang)} ${r.scenario} · ${pick(text('plan made on the history to', '计划依据的历史截至'), lang)} ${r.plan.setup.lastDate} · ${pick(text('reviewed', '复盘'), lang)} ${r.since} – ${last}`,
    '',
    `${pick(text('Verdict', '结论'), lang)}${c}${pick(r.verdict.message, lang)}`,
    '',
    `${pick(period === 'week' ? text('Plan vs actual, by week', '计划与实际，按周') : text('Plan vs actual, by day', '计划与实际，按天'), lang)}${c.trim()}`,
    periodTable(period === 'week' ? [...r.weeks, r.total].map((p, i, a) => (i === a.length - 1 ? { ...p, start: pick(text('total', '合计'), lang) } : p)) : r.days, lang),
    '',
    pick(text(
      'Gap parts: spend = what the model expected at the spend actually spent − plan; response = actual paid GMV − the curve at that spend; organic = actual organic − forecast organic. They add up to actual − plan.',
      '差额拆分：消耗差异 = 按实际消耗模型应得的成交 − 计划；投放效果差异 = 实际付费成交 − 曲线在该消耗下的成交；自然流差异 = 实际自然成交 − 预测自然成交。三者之和 = 实际 − 计划。',
    ), lang),
    ...r.notes.map((n) => pick(n, lang)),
    ...(r.changes.length > 0 ? ['', `${pick(text('Refitted on the whole history — what changed', '用全部历史重新拟合——变化'), lang)}${c.trim()}`, changes] : []),
  ];
  return `${out.join('\n')}\n`;
}

function checkDate(raw: string | undefined, lang: Lang): string {
  if (raw === undefined) throw new UsageError(pick(text('missing --since DATE (the plan’s first day, YYYY-MM-DD)', '缺少 --since 日期（计划第一天，YYYY-MM-DD）'), lang));
  const ok = /^\d{4}-\d{2}-\d{2}$/u.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  if (!ok) throw new UsageError(pick(text(`--since must be a date YYYY-MM-DD, not "${raw}"`, `--since 应为日期 YYYY-MM-DD，而不是“${raw}”`), lang));
  return raw;
}

export const reviewCommand: Command = {
  name: 'review',
  summary: text('Review a plan against what happened after it (复盘) and refit', '复盘：计划与实际对比，并重新拟合'),
  usage: USAGE,
  options: [
    { flag: '--since DATE', help: text('the plan’s first day (YYYY-MM-DD): the plan is made from the days before it and compared with the days from it on (required)', '计划第一天（YYYY-MM-DD）：用此前的数据做计划，与此后的实际对比（必填）') },
    { flag: '--scenario NAME', help: text('review this scenario (default: the table’s first)', '复盘该方案（默认：假设表的第一个方案）') },
    { flag: '--period day|week', help: text('compare by week (default) or by day', '按周（默认）或按天对比') },
    SHEET_OPTION,
    ASSUMPTIONS_OPTION,
  ],
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      since: { type: 'string' },
      scenario: { type: 'string' },
      period: { type: 'string' },
      sheet: { type: 'string' },
      assumptions: { type: 'string' },
      ...COMMON_OPTIONS,
    });
    const lang = startCommand(values, io, reviewCommand);
    if (lang === null) return EXIT.ok;
    // Several files are one merchant (罗盘 + 千川 exports), joined on the date, as in `adplan plan`.
    if (positionals.length === 0) throw new UsageError('missing <file>');
    const since = checkDate(values.since, lang);
    const p = values.period ?? 'week';
    if (p !== 'day' && p !== 'week') throw new UsageError(pick(text(`--period must be day or week, not "${p}"`, `--period 应为 day 或 week，而不是“${p}”`), lang));
    // Failures go to the one error path (src/cli/failure.ts): JSON on stdout with --json, exit 1.
    {
      const read = await loadMerchantFiles(positionals, values.sheet !== undefined ? { sheet: values.sheet } : {});
      const shared = values.assumptions !== undefined ? await loadAssumptionsFile(values.assumptions) : undefined;
      const scenarios = scenariosFor(read, shared);
      const scenario = selectScenarios(scenarios, values.scenario)[0]!;
      const history = read.history.history;
      const r = review(history, scenario, since);
      if (!values.json) {
        io.stdout(reviewHuman(read.fileName, r, p, lang));
        return EXIT.ok;
      }
      // The refitted plan exactly as `adplan plan --json` prints a scenario (risk included); null when the refit cannot plan.
      const replan = r.replan ? buildPlanReport({ history, scenarios: [scenario], scenario: scenario.name }) : null;
      const json = {
        since: r.since,
        scenario: r.scenario,
        periods: (p === 'week' ? r.weeks : r.days).map(periodJson),
        verdict: { status: r.verdict.status, cause: r.verdict.cause, message: pick(r.verdict.message, lang) },
        replan: replan ? planJson(read.fileName, read.historySheet, replan, 'day', lang).scenarios[0] : null,
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return EXIT.ok;
    }
  },
};
