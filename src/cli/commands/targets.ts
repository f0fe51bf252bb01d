/**
 * adplan targets <file>… [--scenario NAME] [--horizon DAYS] [--sheet NAME] [--assumptions FILE] [--json] [--lang zh-CN|en-US]
 * The 全域 decision table: for each 净成交ROI target, the spend the platform is expected to choose,
 * room GMV, the ads' incremental profit P10/P50/P90, P(成本保障), 赠款 and the cash low point; the
 * recommended row and its rule, the ramp of target steps, and attribution beside incrementality.
 * --json prints the contract of docs/model.md "The target table". Exit 0, 1 unusable input, 2 usage.
 */
import { pick, text, type Lang } from '../../i18n/text';
import { loadAssumptionsFile, loadMerchantFiles } from '../../data/node';
import { scenariosFor } from '../../data/assumptions';
import { ASSUMPTIONS } from '../../model/settings';
import { targetActionText, TARGET_COLUMNS, RECOMMENDED_COLUMN, targetValue, type TargetTable } from '../../model/plan';
import { targetTableFor } from '../../model/engine';
import { assumptionBounds, boundedOption, COMMON_OPTIONS, parseCommandArgs, UsageError } from '../args';
import { ASSUMPTIONS_OPTION, EXIT, SHEET_OPTION, startCommand, type Command } from '../command';
import { formatNumber, renderTable } from '../../text';
import type { CliIo } from '../io';

const USAGE = 'adplan targets <file>… [--scenario NAME] [--horizon DAYS] [--sheet NAME] [--assumptions FILE] [--json] [--lang zh-CN|en-US]';

/** The --json contract (docs/model.md "The target table"). */
export function targetsJson(file: string, sheet: string, scenario: string, t: TargetTable, lang: Lang) {
  return {
    file,
    sheet,
    scenario,
    basis: 'net' as const,
    mode: t.mode,
    rule: t.rule,
    action: pick(targetActionText(t, text('', '')), lang),
    ruleText: pick(t.ruleText, lang),
    settlement: t.settlement,
    horizon: t.horizon,
    breakEvenNet: t.breakEvenNet,
    suggestedNet: t.suggestedNet,
    current: t.current,
    budget: t.budget,
    recommended: t.recommended,
    rows: t.rows.map((r, i) => ({ ...r, recommended: i === t.recommended })),
    steps: t.steps,
    days: t.days,
    warnings: t.warnings.map((w) => pick(w, lang)),
    attribution: t.attribution ? { ...t.attribution, note: pick(t.attribution.note, lang) } : null,
  };
}

const pct = (x: number): string => `${formatNumber(100 * x, x < 0.01 && x > 0 ? 2 : 1)}%`;

function cell(kind: string, v: number): string {
  return kind === 'ratio' ? formatNumber(v, 2) : kind === 'rate' ? pct(v) : formatNumber(v, 0);
}

export function targetsHuman(file: string, scenario: string, t: TargetTable, lang: Lang): string {
  const c = lang === 'zh-CN' ? '：' : ': ';
  const head = [...TARGET_COLUMNS.map((col) => pick(col.label, lang)), pick(RECOMMENDED_COLUMN.label, lang)];
  const rows = t.rows.map((r, i) => [...TARGET_COLUMNS.map((col) => cell(col.kind, targetValue(r, col))), i === t.recommended ? `✓ ${t.rule}` : r.kind === 'break-even' ? pick(text('保本线', '保本线'), lang) : '']);
  const out = [
    `${file} · ${scenario}`,
    '',
    `${pick(text('Do this', '操作建议'), lang)}${c}${pick(targetActionText(t, text('from day 1', '第 1 天起')), lang)}`,
    `  ${pick(t.ruleText, lang)}`,
    '',
    pick(text('Targets (净成交ROI; 支付 = 净成交 ÷ settlement rate; profit over the plan; 赠款 is grant balance, not cash)', '目标表（净成交ROI；支付 = 净成交 ÷ 净成交率；利润为计划期合计；赠款为赠款余额，不是现金）'), lang),
    renderTable(head, rows, { right: TARGET_COLUMNS.map((_, i) => i), indent: '  ' }),
  ];
  if (t.steps.length > 0) {
    out.push('', `${pick(text('Target steps', '目标调整步骤'), lang)}${c.trim()}`);
    for (const s of t.steps) out.push(`  ${s.date}  ${formatNumber(s.target, 2)}`);
  }
  if (t.attribution) out.push('', `${pick(text('Attribution vs incrementality', '归因与增量'), lang)}${c.trim()}`, `  ${pick(t.attribution.note, lang)}`);
  if (t.warnings.length > 0) out.push('', `${pick(text('Notes', '说明'), lang)}${c.trim()}`, ...t.warnings.map((w) => `  ${pick(w, lang)}`));
  return `${out.join('\n')}\n`;
}

export const targets: Command = {
  name: 'targets',
  summary: text('The 全域 target table: what each 净成交ROI target makes the platform spend, and what it earns', '全域目标表：每个净成交ROI目标下平台预计消耗多少、赚多少'),
  usage: USAGE,
  options: [
    { flag: '--scenario NAME', help: text('the scenario (a column of the assumptions table); default: the first', '方案（假设表中的一列）；默认：第一列') },
    { flag: '--horizon DAYS', help: text(`plan length in days, ${ASSUMPTIONS.horizon_days.min}–${ASSUMPTIONS.horizon_days.max} (default: the table's horizon_days)`, `计划天数，${ASSUMPTIONS.horizon_days.min}–${ASSUMPTIONS.horizon_days.max}（默认：假设表的 horizon_days）`) },
    SHEET_OPTION,
    ASSUMPTIONS_OPTION,
  ],
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      scenario: { type: 'string' },
      horizon: { type: 'string' },
      sheet: { type: 'string' },
      assumptions: { type: 'string' },
      ...COMMON_OPTIONS,
    });
    const lang = startCommand(values, io, targets);
    if (lang === null) return EXIT.ok;
    if (positionals.length === 0) throw new UsageError('missing <file>');
    const horizon = values.horizon === undefined ? undefined : boundedOption('horizon', values.horizon, assumptionBounds('horizon_days'), lang);
    const read = await loadMerchantFiles(positionals, values.sheet !== undefined ? { sheet: values.sheet } : {});
    const shared = values.assumptions !== undefined ? await loadAssumptionsFile(values.assumptions) : undefined;
    const { plan, table } = targetTableFor({
      history: read.history.history,
      scenarios: scenariosFor(read, shared),
      ...(values.scenario !== undefined ? { scenario: values.scenario } : {}),
      ...(horizon !== undefined ? { horizonDays: horizon } : {}),
    });
    io.stdout(values.json ? `${JSON.stringify(targetsJson(read.fileName, read.historySheet, plan.name, table, lang), null, 2)}\n` : targetsHuman(read.fileName, plan.name, table, lang));
    return EXIT.ok;
  },
};
