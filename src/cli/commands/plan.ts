/**
 * adplan plan <file>… [--scenario NAME] [--horizon DAYS] [--runs N] [--seed S] [--period day|week]
 *                    [--sheet NAME] [--json] [--lang zh-CN|en-US]
 * The engine on one merchant (one file, or several joined on the date): baseline and readiness, the fitted curve, KPIs with the
 * scenarios side by side, and the plan's first two weeks. --json prints the contract documented in README and docs/model.md.
 * Exit 0 planned, 1 the file or its assumptions cannot be planned, 2 usage.
 */
import { pick, text, type Lang, type Text } from '../../i18n/text';
import { loadAssumptionsFile, loadMerchantFiles } from '../../data/node';
import { scenariosFor } from '../../data/assumptions';
import type { WorkbookRead } from '../../data/merchant';
import { ASSUMPTIONS } from '../../model/settings';
import { actionText, confidenceOf, paybackText } from '../../model/plan';
import { backtest, type BacktestReport } from '../../model/review';
import { buildPlanReport, selectScenarios } from '../../model/engine';
import { missingInputs, missingInputsText, RUN_OPTIONS, recentGmvPerDay, suppliedByHistory, withCategoryDefaults, type Scenario } from '../../model/settings';
import { AdplanError, type History } from '../../model/core';
import { PLAN_DAY_COLUMNS, planDayValue, type PlanDayColumn } from '../../model/report';
import { checkPeriod, kpiLabel, planByPeriod, type Period } from '../../model/report';
import type { PlanDay, PlanReport, ReadinessCheck, ScenarioReport } from '../../model/report';
import { measuredOrganic, STATUS_LABEL, VERDICT_LABEL } from '../../model/readiness';
import { assumptionBounds, boundedOption, COMMON_OPTIONS, parseCommandArgs, UsageError } from '../args';
import { ASSUMPTIONS_OPTION, EVENTS_OPTION, EXIT, SHEET_OPTION, startCommand, type Command } from '../command';
import { calendarIssueLines, eventPlanLines, flaggedDaysJson, flaggedLines, readOptions } from '../events';
import { PHASE_LABELS } from '../../model/events';
import { backtestJson, backtestLine } from '../backtest';
import { formatMoney, formatNumber, renderTable } from '../../text';
import type { CliIo } from '../io';

const USAGE =
  'adplan plan <file>… [--defaults] [--scenario NAME] [--horizon DAYS] [--runs N] [--seed S] [--period day|week] [--sheet NAME] [--assumptions FILE] [--events FILE] [--json] [--lang zh-CN|en-US]';

/** A plan day in --json: the descriptor list's fields, in its order (src/model/columns.ts). */
const dayJson = (d: PlanDay): Record<string, PlanDay[keyof PlanDay]> =>
  // event and phase only on the days inside a planned window.
  Object.fromEntries(PLAN_DAY_COLUMNS.flatMap((c) => ((c.field === 'event' || c.field === 'phase') && d[c.field] === undefined ? [] : [[c.field, planDayValue(d, c)]])));

const checkJson = (c: ReadinessCheck, lang: Lang) => ({
  id: c.id,
  status: c.status,
  value: c.value,
  threshold: c.threshold,
  measured: pick(c.valueText, lang),
  thresholdText: pick(c.thresholdText, lang),
  source: pick(c.source, lang),
  fix: c.fix ? pick(c.fix, lang) : null,
});

/** How far the budget can be acted on (src/model/plan/confidence.ts); an unbounded band ratio is null. */
function confidenceJson(r: PlanReport, s: ScenarioReport, lang: Lang, bt?: BacktestReport) {
  const c = confidenceOf(r.curve, s, bt ?? null);
  return { level: c.level, bandRatio: c.bandRatio !== null && Number.isFinite(c.bandRatio) ? c.bandRatio : null, extrapolation: c.extrapolation, text: pick(c.text, lang) };
}

/** Exactly the documented `plan --json` contract (messages in the chosen language). */
export function planJson(file: string, sheet: string, r: PlanReport, period: Period, lang: Lang, bt?: BacktestReport, history?: History) {
  const b = r.baseline;
  return {
    file,
    sheet,
    baseline: {
      days: b.days,
      cvr: b.cvr,
      aov: b.aov,
      gpm: b.gpm,
      refundRate: b.refundRate,
      organicGmvPerDay: b.organicGmvPerDay,
      cvrCv: b.cvrCv,
      trend: b.trend,
      ready: b.ready,
      reasons: b.reasons.map((t) => pick(t, lang)),
      // Without views (cvrCv null): the stability readiness judged instead, and the note saying so.
      ...(b.cvrCv === null ? { organicGmvCv: b.organicGmvCv, notes: b.notes.map((t) => pick(t, lang)) } : {}),
      // Readiness v2 and the carrier base: only when traffic, content, short-video or 载体 rows were read.
      ...(b.checks && measuredOrganic(b.checks) ? { verdict: b.verdict, checks: b.checks.map((x) => checkJson(x, lang)) } : {}),
      ...(b.whatIf ? { whatIf: { ...b.whatIf, label: pick(b.whatIf.label, lang) } } : {}),
      ...(b.carriers ? { carriers: b.carriers } : {}),
    },
    curve: {
      model: r.curve.model,
      params: r.curve.params,
      r2: r.curve.r2,
      n: r.curve.n,
      minSpend: r.curve.minSpend,
      maxSpend: r.curve.maxSpend,
      residualSd: r.curve.residualSd,
      // An assumed curve is its own basis: every number rests on it (fitBasis: the account's).
      basis: r.curve.assumed ? 'assumed' : r.curve.basis,
      ...(r.curve.basis === 'whole-room' ? { organicGmvPerDay: r.curve.organicGmvPerDay ?? null, sStarInterval: r.curve.sStarInterval ?? null } : {}),
      ...(r.curve.calibration ? { calibration: r.curve.calibration } : {}),
      ...(r.curve.assumed
        ? {
            fitBasis: r.curve.basis,
            why: pick(r.curve.assumed.why, lang),
            assumed: { source: r.curve.assumed.source, paidRoiInitial: r.curve.assumed.paidRoiInitial, saturationSpend: r.curve.assumed.saturationSpend },
            sStarRange: r.curve.assumed.sStarRange,
            identifyBy: pick(r.curve.assumed.identifyBy, lang),
          }
        : {}),
    },
    lift: { lambda: r.lift.lambda, theta: r.lift.theta, identified: r.lift.identified },
    scenarios: r.scenarios.map((s) => ({
      name: s.name,
      action: pick(actionText(s), lang),
      confidence: confidenceJson(r, s, lang, bt),
      economics: {
        unitMargin: s.economics.unitMargin,
        breakEvenRoi: s.economics.breakEvenRoi,
        targetMarginalRoi: s.economics.targetMarginalRoi,
        breakEvenRoiNet: s.economics.breakEvenRoiNet,
        roomBreakEvenRoi: s.economics.roomBreakEvenRoi,
        targets: { ...s.economics.targets },
      },
      lift: s.lift ?? null,
      kpis: {
        totalSpend: s.kpis.totalSpend,
        totalGmv: s.kpis.totalGmv,
        totalProfit: s.kpis.totalProfit,
        roi: s.kpis.roi,
        incrementalRoi: s.kpis.incrementalRoi,
        peakCapital: s.kpis.peakCapital,
        minCash: s.kpis.minCash,
        paybackDay: s.kpis.paybackDay,
        returnOnCapital: s.kpis.returnOnCapital,
        sustainableSpend: s.kpis.sustainableSpend,
      },
      ...(s.risk
        ? {
            risk: {
              runs: s.risk.runs,
              seed: s.risk.seed,
              profitP10: s.risk.profitP10,
              profitP50: s.risk.profitP50,
              profitP90: s.risk.profitP90,
              peakCapitalP90: s.risk.peakCapitalP90,
              pLoss: s.risk.pLoss,
              pCashShort: s.risk.pCashShort,
              // What the paid spend adds over organic-only (docs/model.md): whether the spend itself pays.
              ...(s.risk.pLossIncremental !== undefined
                ? {
                    pLossIncremental: s.risk.pLossIncremental,
                    incrementalProfitP10: s.risk.incrementalProfitP10 ?? null,
                    incrementalProfitP50: s.risk.incrementalProfitP50 ?? null,
                    incrementalProfitP90: s.risk.incrementalProfitP90 ?? null,
                  }
                : {}),
            },
          }
        : {}),
      ...(s.events ? { events: s.events } : {}),
      days: planByPeriod(s.days, period).map(dayJson),
    })),
    ...(bt ? { backtest: backtestJson(bt) } : {}),
    ...(history ? { flaggedDays: flaggedDaysJson(history) } : {}),
  };
}

const T = {
  action: text('Do this', '操作建议'),
  baseline: text('Baseline (organic, last {n} days)', '基线（自然流，最近 {n} 天）'),
  ready: text('Readiness: READY — a base conversion model exists.', '准备度：已就绪——已有稳定的基础转化模型。'),
  readyNoViews: text(
    'Readiness: READY — organic orders per day and organic GMV are steady enough (conversion unknown: no views).',
    '准备度：已就绪——日均自然订单与自然成交足够稳定（无观看数，转化率未知）。',
  ),
  notReady: text('Readiness: NOT READY', '准备度：未就绪'),
  curve: text('Paid response curve', '付费响应曲线'),
  curveRoom: text('Incremental response curve (whole room)', '投放增量曲线（整体）'),
  kpis: text('Scenarios', '方案对比'),
  plan: text('Plan: {name}, first two weeks', '计划：{name}，前两周'),
  planWeeks: text('Plan: {name}, by week', '计划：{name}，按周'),
  notes: text('Notes', '说明'),
  other: text('(other scenarios: --scenario NAME)', '（其他方案：--scenario 名称）'),
  events: text('Events in the plan: {name}', '计划中的大促：{name}'),
} as const;

const fill = (t: Text, lang: Lang, vars: Record<string, string | number>): string =>
  pick(t, lang).replace(/\{(\w+)\}/gu, (_, k: string) => String(vars[k] ?? ''));

const pct = (x: number | null, d = 1): string => (x === null ? '—' : `${formatNumber(100 * x, d)}%`);
const ratio = (x: number | null, d = 2): string => (x === null ? '—' : formatNumber(x, d));
const money = (x: number | null): string => (x === null ? '—' : formatNumber(x, 0));

function baselineLines(r: PlanReport, lang: Lang): string[] {
  const b = r.baseline;
  const rows: [Text, string][] = [
    [text('organic CVR', '自然转化率'), pct(b.cvr, 2)],
    [text('AOV', '客单价'), formatMoney(b.aov)],
    [text('GPM (GMV per 1,000 organic views)', 'GPM（千次自然观看成交）'), b.gpm === null ? '—' : formatMoney(b.gpm)],
    [text('refund rate', '退款率'), pct(b.refundRate)],
    [text('organic GMV per day', '日均自然成交'), money(b.organicGmvPerDay)],
    [text('CVR variation (cv)', '转化率波动（变异系数）'), pct(b.cvrCv)],
    [text('trend (per day)', '趋势（每天）'), pct(b.trend, 2)],
  ];
  // Without views readiness judges organic GMV stability: show the number it judged.
  if (b.cvrCv === null) rows.splice(6, 0, [text('organic GMV variation (cv)', '自然成交波动（变异系数）'), pct(b.organicGmvCv)]);
  const out = [fill(T.baseline, lang, { n: b.days }), renderTable(['', ''], rows.map(([k, v]) => [pick(k, lang), v]), { right: [1], indent: '  ' }).split('\n').slice(2).join('\n')];
  if (b.ready) out.push(pick(b.cvrCv === null ? T.readyNoViews : T.ready, lang));
  else {
    out.push(pick(T.notReady, lang));
    for (const reason of b.reasons) out.push(`  - ${pick(reason, lang)}`);
    if (b.fixFirst) out.push(`  ${pick(b.fixFirst, lang)}`);
  }
  for (const note of b.notes) out.push(`  ${pick(note, lang)}`);
  if (b.whatIf) out.push(`  ${pick(b.whatIf.label, lang)}`);
  if (b.checks && measuredOrganic(b.checks)) {
    out.push(`  ${pick(text('Readiness checks', '准备度检查'), lang)} — ${pick(VERDICT_LABEL[b.verdict ?? 'ready'], lang)}`);
    for (const x of b.checks) {
      if (x.status === 'unknown') continue;
      out.push(`    ${pick(STATUS_LABEL[x.status], lang)} · ${pick(x.name, lang)}: ${pick(x.valueText, lang)} (${pick(x.thresholdText, lang)}; ${pick(x.source, lang)})`);
    }
  }
  for (const c of b.carriers ?? []) {
    const name = c.names.join('/');
    const organic = c.organicGmvPerDay === null ? '' : ` · ${pick(text('outside ad time', '非投放时段'), lang)} ${money(c.organicGmvPerDay)}`;
    out.push(`  ${name}: ${money(c.gmvPerDay)}/${pick(text('day', '天'), lang)} (${pct(c.share)})${organic} · ${pick(text('trend', '趋势'), lang)} ${pct(c.trend, 2)}`);
  }
  return out;
}

function curveLines(r: PlanReport, lang: Lang): string[] {
  const c = r.curve;
  const params = Object.entries(c.params)
    .map(([k, v]) => `${k} = ${formatNumber(v, k === 'a' || k === 'b' ? 3 : 2)}`)
    .join(', ');
  const range = c.minSpend !== null && c.maxSpend !== null ? `${formatMoney(c.minSpend)} – ${formatMoney(c.maxSpend)}` : '—';
  const lines = [
    `${pick(c.basis === 'whole-room' ? T.curveRoom : T.curve, lang)}${lang === 'zh-CN' ? '：' : ': '}${c.model} (${params})`,
    `  R² ${ratio(c.r2, 3)} · n ${c.n} · ${pick(text('spend seen', '历史消耗范围'), lang)} ${range} · ${pick(text('residual sd (log)', '残差标准差（对数）'), lang)} ${ratio(c.residualSd, 3)}`,
  ];
  if (c.basis === 'whole-room') {
    const o = c.organicGmvPerDay;
    const iv = c.sStarInterval;
    lines.push(
      `  ${pick(text('basis: whole room (organic + incremental)', '口径：整体（自然 + 投放增量）'), lang)} · ${pick(text('organic GMV per day', '日均自然成交'), lang)} ${o === null || o === undefined ? pick(text('not identified', '无法识别'), lang) : money(o)}` +
        (iv ? ` · S* ${pick(text('range', '区间'), lang)} ${money(iv[0])} – ${money(iv[1])}` : ''),
    );
  }
  if (c.note) lines.push(`  ${pick(c.note, lang)}`);
  lines.push(`  ${pick(r.lift.note, lang)}`);
  return lines;
}

function kpiTable(r: PlanReport, lang: Lang): string {
  const s = r.scenarios;
  const row = (label: Text, f: (x: ScenarioReport) => string): string[] => [pick(label, lang), ...s.map(f)];
  const rows: string[][] = [
    row(kpiLabel('unit_margin'), (x) => pct(x.economics.unitMargin)),
    row(text('break-even ROI (incremental, pay / net)', '保本投产比（增量，支付 / 净成交）'), (x) => `${ratio(x.economics.breakEvenRoi)} / ${ratio(x.economics.breakEvenRoiNet)}`),
    row(text('whole-room break-even 整体ROI (pay)', '整体ROI 保本线（支付）'), (x) => ratio(x.economics.roomBreakEvenRoi)),
    row(text('整体ROI target (pay / net)', '整体ROI 目标（支付 / 净成交）'), (x) => `${ratio(x.economics.targets.roomRoi)} / ${ratio(x.economics.targets.roomRoiNet)}`),
    row(kpiLabel('daily_budget'), (x) => money(x.economics.targets.dailyBudget)),
    row(kpiLabel('target_marginal_roi'), (x) => ratio(x.economics.targetMarginalRoi)),
    row(text('organic lift λ / θ used', '采用的自然流撬动 λ / θ'), (x) => (x.lift ? `${ratio(x.lift.lambda, 3)} / ${ratio(x.lift.theta, 2)}` : '—')),
    row(kpiLabel('sustainable_spend'), (x) => money(x.kpis.sustainableSpend)),
    row(kpiLabel('total_spend'), (x) => money(x.kpis.totalSpend)),
    row(kpiLabel('total_gmv'), (x) => money(x.kpis.totalGmv)),
    row(kpiLabel('total_profit'), (x) => money(x.kpis.totalProfit)),
    // What the ads add (the organic business's own profit is in the total above).
    row(text('profit the ads add (vs no ads)', '投放带来的增量利润（相对不投放）'), (x) => money(x.kpis.incrementalProfit ?? null)),
    // On the whole room the paid GMV is the incremental GMV: the two ROIs are one number, shown once.
    ...(r.curve.basis === 'whole-room'
      ? [row(text('incremental ROI (incremental GMV / spend)', '增量投产比（投放增量成交 / 消耗）'), (x) => ratio(x.kpis.incrementalRoi))]
      : [row(kpiLabel('roi'), (x) => ratio(x.kpis.roi)), row(kpiLabel('incremental_roi'), (x) => ratio(x.kpis.incrementalRoi))]),
    row(kpiLabel('peak_capital'), (x) => money(x.kpis.peakCapital)),
    row(kpiLabel('min_cash'), (x) => money(x.kpis.minCash)),
    // Past the horizon a payback is no day of the plan: said so (src/model/action paybackText).
    row(kpiLabel('payback_day'), (x) => (x.kpis.paybackDay === null ? '—' : x.kpis.paybackDay > x.days.length ? pick(paybackText(x.kpis.paybackDay, x.days.length), lang) : String(x.kpis.paybackDay))),
    row(kpiLabel('return_on_capital'), (x) => pct(x.kpis.returnOnCapital, 0)),
  ];
  if (s.some((x) => x.risk)) {
    rows.push(
      row(text('profit P10 / P50 / P90', '利润 P10 / P50 / P90'), (x) => (x.risk ? `${money(x.risk.profitP10)} / ${money(x.risk.profitP50)} / ${money(x.risk.profitP90)}` : '—')),
      row(text('peak capital P90', '峰值占用资金 P90'), (x) => (x.risk ? money(x.risk.peakCapitalP90) : '—')),
      row(text('P(loss)', '亏损概率'), (x) => (x.risk ? pct(x.risk.pLoss) : '—')),
      row(text('P(cash short)', '资金不足概率'), (x) => (x.risk ? pct(x.risk.pCashShort) : '—')),
    );
  }
  return renderTable(['', ...s.map((x) => x.name)], rows, { right: s.map((_, i) => i + 1), indent: '  ' });
}

/** The terminal's plan columns: the descriptor list less total GMV (paid + organic are shown). */
const TABLE_COLUMNS = PLAN_DAY_COLUMNS.filter((c) => c.key !== 'gmv');

function dayCellText(d: PlanDay, c: PlanDayColumn, lang: Lang): string {
  if (c.field === 'phase' && d.phase !== undefined) return pick(PHASE_LABELS[d.phase], lang);
  const v = planDayValue(d, c);
  if (typeof v !== 'number') return v === null || v === undefined ? '—' : String(v);
  return c.kind === 'ratio' ? ratio(v) : c.kind === 'count' ? formatNumber(v, 0) : money(v);
}

/** On a whole-room account the curve's GMV is what spend adds to the room, not attributed paid GMV. */
const WHOLE_ROOM_LABELS: Partial<Record<PlanDayColumn['key'], Text>> = {
  paid_gmv: text('incremental GMV', '投放增量成交'),
  roi: text('ROI (incr.)', '增量投产比'),
};

function planTable(days: readonly PlanDay[], lang: Lang, wholeRoom: boolean): string {
  // The event columns only when a shown day is inside a planned window.
  const cols = days.some((d) => d.event !== undefined) ? TABLE_COLUMNS : TABLE_COLUMNS.filter((c) => c.field !== 'event' && c.field !== 'phase');
  const head = cols.map((c) => pick((wholeRoom ? WHOLE_ROOM_LABELS[c.key] : undefined) ?? c.label, lang));
  const rows = days.map((d) => cols.map((c) => dayCellText(d, c, lang)));
  const right = cols.flatMap((c, i) => (c.kind === 'date' || c.kind === 'label' ? [] : [i]));
  return renderTable(head, rows, { right, indent: '  ' });
}

export function planHuman(read: WorkbookRead, r: PlanReport, period: Period, lang: Lang, bt?: BacktestReport): string {
  const days = read.history.history.days;
  const c = lang === 'zh-CN' ? '：' : ': ';
  const out: string[] = [
    `${read.fileName} · ${read.historySheet} · ${days[0]?.date ?? ''} – ${days[days.length - 1]?.date ?? ''}`,
    '',
    ...r.scenarios.map((s) => `${pick(T.action, lang)}${r.scenarios.length > 1 ? ` [${s.name}]` : ''}${c}${pick(actionText(s), lang)}`),
    // One confidence statement, for the scenario the back-test ran under (the first).
    ...(r.scenarios[0] ? [`${r.scenarios.length > 1 ? `[${r.scenarios[0].name}] ` : ''}${pick(confidenceOf(r.curve, r.scenarios[0], bt ?? null).text, lang)}`] : []),
    '',
    ...baselineLines(r, lang),
    '',
    ...curveLines(r, lang),
    ...(bt ? [backtestLine(bt, lang)] : []),
    '',
    `${pick(T.kpis, lang)}${c.trim()}`,
    kpiTable(r, lang),
  ];
  const calendar = calendarIssueLines(read.events, lang);
  out.push('', ...calendar, ...(calendar.length > 0 ? [''] : []), ...flaggedLines(read.history.history, lang));
  const withEvents = r.scenarios.filter((s) => s.events);
  for (const s of withEvents) out.push('', `${fill(T.events, lang, { name: s.name })}`, ...eventPlanLines(s.events ?? [], lang));
  const notes = r.scenarios.flatMap((s) => s.notes.map((n) => `  [${s.name}] ${pick(n, lang)}`));
  if (notes.length > 0) out.push('', `${pick(T.notes, lang)}${c.trim()}`, ...notes);
  const first = r.scenarios[0];
  if (first) {
    const shown = period === 'week' ? planByPeriod(first.days, 'week') : first.days.slice(0, 14);
    out.push('', `${fill(period === 'week' ? T.planWeeks : T.plan, lang, { name: first.name })}${r.scenarios.length > 1 ? ` ${pick(T.other, lang)}` : ''}`);
    out.push(planTable(shown, lang, first.curveBasis === 'whole-room'));
  }
  return `${out.join('\n')}\n`;
}

/** The first column's missing inputs filled with labelled category defaults, from what the history supplies. */
function firstPlanDefaults(history: History, scenarios: readonly Scenario[]) {
  return withCategoryDefaults(scenarios, suppliedByHistory(history), recentGmvPerDay(history));
}

export const plan: Command = {
  name: 'plan',
  summary: text("Plan a merchant's paid-traffic scaling from its file", '根据商家文件制定付费流量放量计划'),
  usage: USAGE,
  options: [
    { flag: '--scenario NAME', help: text('plan only this scenario (a column of the assumptions table); default: all, side by side', '只规划该方案（假设表中的一列）；默认：全部方案并列') },
    { flag: '--horizon DAYS', help: text(`plan length in days, ${ASSUMPTIONS.horizon_days.min}–${ASSUMPTIONS.horizon_days.max} (default: the table's horizon_days, else ${String(ASSUMPTIONS.horizon_days.default)})`, `计划天数，${ASSUMPTIONS.horizon_days.min}–${ASSUMPTIONS.horizon_days.max}（默认：假设表的 horizon_days，否则 ${String(ASSUMPTIONS.horizon_days.default)}）`) },
    { flag: '--runs N', help: text(`Monte Carlo runs for P10/P50/P90 and P(loss), ${RUN_OPTIONS.runs.min}–${RUN_OPTIONS.runs.max}; 0 = no risk (default ${RUN_OPTIONS.runs.default})`, `蒙特卡洛模拟次数（用于 P10/P50/P90 与亏损概率），${RUN_OPTIONS.runs.min}–${RUN_OPTIONS.runs.max}；0 = 不做风险模拟（默认 ${RUN_OPTIONS.runs.default}）`) },
    { flag: '--seed S', help: text(`random seed: the same seed gives the same risk numbers (default ${RUN_OPTIONS.seed.default})`, `随机种子：相同种子给出相同的风险结果（默认 ${RUN_OPTIONS.seed.default}）`) },
    { flag: '--period day|week', help: text('plan rows by day (first two weeks shown) or by week (all weeks); default day', '计划按天（显示前两周）或按周（显示全部周）；默认按天') },
    { flag: '--defaults', help: text('fill missing inputs (goods cost rate, cash, refund rate) with labelled category defaults for a first plan', '用标注的行业默认值补齐缺少的输入（商品成本率、可用资金、退款率），先出一版方案') },
    SHEET_OPTION,
    ASSUMPTIONS_OPTION,
    EVENTS_OPTION,
  ],
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      scenario: { type: 'string' },
      horizon: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      period: { type: 'string' },
      sheet: { type: 'string' },
      assumptions: { type: 'string' },
      events: { type: 'string' },
      defaults: { type: 'boolean' },
      ...COMMON_OPTIONS,
    });
    const lang = startCommand(values, io, plan);
    if (lang === null) return EXIT.ok;
    // Several files are one merchant (罗盘 + 千川 exports), joined on the date by the reader.
    if (positionals.length === 0) throw new UsageError('missing <file>');
    const horizon = values.horizon === undefined ? undefined : boundedOption('horizon', values.horizon, assumptionBounds('horizon_days'), lang);
    const runs = boundedOption('runs', values.runs, RUN_OPTIONS.runs, lang);
    const seed = boundedOption('seed', values.seed, RUN_OPTIONS.seed, lang);
    let period: Period;
    try {
      period = checkPeriod(values.period);
    } catch {
      throw new UsageError(pick(text(`--period must be day or week, not "${values.period}"`, `--period 应为 day 或 week，而不是“${values.period}”`), lang));
    }
    // Failures go to the one error path (src/cli/failure.ts): JSON on stdout with --json, exit 1.
    {
      const read = await loadMerchantFiles(positionals, await readOptions(values));
      const shared = values.assumptions !== undefined ? await loadAssumptionsFile(values.assumptions) : undefined;
      // A plain export (no table anywhere): the engine says at once what is missing; --defaults
      // gives a first plan on labelled category defaults instead.
      const own = read.assumptions || shared ? scenariosFor(read, shared) : [{ name: 'Base', values: {} }];
      const defaulted = values.defaults ? firstPlanDefaults(read.history.history, own) : null;
      const scenarios = defaulted?.scenarios ?? own;
      if (defaulted?.label) io.stderr(`${pick(text('note: ', '提示：'), lang)}${pick(defaulted.label, lang)}\n`);
      // No table at all: what is missing, at once, and the two ways on from the command line.
      const lacking = !read.assumptions && !shared && !values.defaults ? missingInputs({}, suppliedByHistory(read.history.history)) : [];
      if (lacking.length > 0) {
        throw new AdplanError(
          'input',
          missingInputsText(
            lacking,
            text(
              `${read.fileName} has no assumptions table: add one, pass --assumptions FILE, or --defaults for a first plan on labelled category defaults.`,
              `${read.fileName} 中没有假设表：可以添加假设表、用 --assumptions 指定假设文件，或用 --defaults 按标注的行业默认值先出一版。`,
            ),
          ),
          lacking[0]!.key,
        );
      }
      const report = buildPlanReport({
        history: read.history.history,
        scenarios,
        ...(values.scenario !== undefined ? { scenario: values.scenario } : {}),
        ...(horizon !== undefined ? { horizonDays: horizon } : {}),
        runs,
        seed,
      });
      // How much to trust it (docs/model.md), under the scenario planned first.
      const bt = backtest(read.history.history, selectScenarios(scenarios, values.scenario)[0]!);
      // Exit 0, but a plan on an assumed curve is never silent about it.
      const assumed = report.curve.assumed;
      if (assumed) {
        io.stderr(
          `${pick(
            text(
              `warning: the response curve could not be identified from the data (${assumed.why['en-US'].replace(/\.$/u, '')}); this plan rests on an assumed curve — see its notes.`,
              `警告：无法从数据识别投放响应曲线（${assumed.why['zh-CN'].replace(/。$/u, '')}）；本方案基于假定曲线——见说明。`,
            ),
            lang,
          )}\n`,
        );
      }
      const labelled = defaulted?.label ? { ...report, scenarios: report.scenarios.map((x) => ({ ...x, notes: [defaulted.label!, ...x.notes] })) } : report;
      io.stdout(
        values.json
          ? `${JSON.stringify({ ...planJson(read.fileName, read.historySheet, labelled, period, lang, bt, read.history.history), ...(defaulted?.label ? { categoryDefaults: Object.fromEntries(defaulted.filled.map((x) => [x.key, x.value])) } : {}) }, null, 2)}\n`
          : planHuman(read, labelled, period, lang, bt),
      );
      return EXIT.ok;
    }
  },
};
