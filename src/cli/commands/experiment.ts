/**
 * adplan experiment design <file>… [--lift 0.15 | --days 42] [--kind switchback|step] [--start DATE]
 *                                  [--out plan.xlsx [--force]] [--scenario NAME] [--sheet NAME] [--assumptions FILE]
 * adplan experiment analyse <file>… [--schedule FILE] [--sheet NAME]
 * A target test on one room (docs/experiment.md): the design with its dated schedule (written as
 * the 实验计划 sheet with --out), and the reading of a test once run. Translation only: the
 * logic is in src/model/experiment and src/data/experiment.
 */
import { existsSync } from 'node:fs';
import { findScheduleSheet, readScheduleOf, type ScheduleRead } from '../../data/experiment';
import { experimentPlanWorkbook } from '../experiment-workbook';
import { loadAssumptionsFile, loadMerchantFiles, openRegularFile } from '../../data/node';
import { openSheets } from '../../data/formats';
import { scenariosFor } from '../../data/assumptions';
import type { DataIssue } from '../../data/table';
import { pick, text, type Lang } from '../../i18n/text';
import { planFor } from '../../model/engine';
import { AdplanError, isAdplanError } from '../../model/core';
import { analyseExperiment, designExperiment, scheduleFromLog, type Estimate, type ExperimentDesign, type ExperimentResult, type PlanContext, type Schedule } from '../../model/experiment';
import type { History } from '../../model/core';
import { saveWorkbook } from '../../portfolio/save-workbook';
import { COMMON_OPTIONS, integerOption, parseCommandArgs, UsageError } from '../args';
import { ASSUMPTIONS_OPTION, EXIT, SHEET_OPTION, startCommand, type Command } from '../command';
import { formatNumber, renderTable } from '../../text';
import type { CliIo } from '../io';

const USAGE =
  'adplan experiment design <file>… [--lift 0.15 | --days 42] [--kind switchback|step] [--start DATE] [--out FILE.xlsx [--force]] [--scenario NAME] [--sheet NAME] [--assumptions FILE] [--json] [--lang zh-CN|en-US]\n' +
  '       adplan experiment analyse <file>… [--schedule FILE] [--sheet NAME] [--json] [--lang zh-CN|en-US]';

const money = (x: number): string => formatNumber(x, 0);
const pct = (x: number): string => `${formatNumber(100 * x, 1)}%`;
const est = (e: Estimate, d = 0): string => `${formatNumber(e.value, d)} ± ${formatNumber(e.se, d)} (${formatNumber(e.lo, d)} – ${formatNumber(e.hi, d)})`;

function checkDate(raw: string, lang: Lang): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/u.test(raw) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  if (!ok) throw new UsageError(pick(text(`--start must be a date YYYY-MM-DD, not "${raw}"`, `--start 应为日期 YYYY-MM-DD，而不是“${raw}”`), lang));
  return raw;
}

function liftOption(raw: string | undefined, lang: Lang): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw.replace(/%$/u, '')) / (raw.endsWith('%') ? 100 : 1);
  if (!(v > 0 && v < 5)) throw new UsageError(pick(text(`--lift must be a share like 0.15 (or 15%), not "${raw}"`, `--lift 应为比例，如 0.15（或 15%），而不是“${raw}”`), lang));
  return v;
}

/** The plan's numbers a design's cost and value need; null (and why) when the files cannot be planned. */
function planContext(history: History, scenarios: () => Parameters<typeof planFor>[0]['scenarios'], scenario: string | undefined, lang: Lang): { plan: PlanContext | null; why: string | null } {
  try {
    const p = planFor({ history, scenarios: scenarios(), ...(scenario !== undefined ? { scenario } : {}) }).plans[0]!;
    const cap = (p.curve.maxSpend ?? 0) * p.assumptions.max_extrapolation;
    return { plan: { unitMargin: p.unitMargin, targetMarginalRoi: p.targetMarginalRoi, sStar: p.setup.sustainableSpend, cap: cap > 0 ? cap : Infinity }, why: null };
  } catch (e) {
    if (isAdplanError(e) && e.kind !== 'lookup') return { plan: null, why: pick(e.text, lang) };
    throw e;
  }
}

function designHuman(file: string, d: ExperimentDesign, planWhy: string | null, lang: Lang): string {
  const c = lang === 'zh-CN' ? '：' : ': ';
  const kind = pick(d.kind === 'switchback' ? text('switchback (alternating target blocks, random order)', '交替实验（目标区块随机交替）') : text('target steps', '阶梯目标实验'), lang);
  const basis = pick(d.current.basis === 'net' ? text('net ROI', '净成交ROI') : text('pay ROI', '支付ROI'), lang);
  const lines = [
    `${file} · ${pick(text('experiment design', '实验设计'), lang)}${c}${kind} · ${d.first} – ${d.last}${lang === 'zh-CN' ? `（${d.totalDays} 天）` : ` (${d.totalDays} days)`}`,
    '',
    `${pick(text('Verdict', '结论'), lang)}${c}${pick(d.feasible ? text('the test can succeed', '实验可行') : text('this test cannot succeed in 8 weeks', '该实验无法在 8 周内完成'), lang)}`,
    `  ${pick(text('detects', '可检测'), lang)} ${pct(d.lift)} ${pick(text('room-GMV lift with power', '整体成交提升，把握'), lang)} ${pct(d.power)} · ${pick(text('kept days per arm', '每组有效天数'), lang)} ${d.keptPerArm} · ${pick(text('textbook formula', '公式估算'), lang)} ${formatNumber(d.formulaDaysPerArm, 1)} ${pick(text('days per arm', '天/组'), lang)}`,
    `${pick(text('Now', '当前'), lang)}${c}${pick(text('spend', '日消耗'), lang)} ${money(d.current.spend)} · ${pick(text('room GMV', '整体成交'), lang)} ${money(d.current.gmv)} · ${pick(text('target', '目标'), lang)} ${d.current.target.toFixed(2)} (${basis}${d.current.targetSource === 'observed' ? pick(text(', observed ROI: no target log', '，按实际ROI：无目标记录'), lang) : ''})`,
    `${pick(text('Levels', '档位'), lang)}${c}${d.schedule.levels.map((t) => t.toFixed(2)).join(' → ')}` +
      (d.spendLevels ? ` (${pick(text('expected spend', '预计日消耗'), lang)} ${d.spendLevels.map(money).join(' → ')})` : ''),
  ];
  if (d.cost) {
    lines.push(
      `${pick(text('Cost', '成本'), lang)}${c}${d.cost.against === 'plan' ? `${pick(text('profit given up against the plan', '相对计划少赚'), lang)} ${money(d.cost.profit)} · ` : ''}${pick(text('extra spend', '额外消耗'), lang)} ${money(d.cost.extraSpend)}`,
    );
  }
  if (d.value) {
    lines.push(
      `${pick(text('Value', '价值'), lang)}${c}S* ${pick(text('range', '区间'), lang)} ${money(d.value.before[0])} – ${money(d.value.before[1])} → ${money(d.value.after[0])} – ${money(d.value.after[1])} (${pick(text('width', '宽度'), lang)} ×${formatNumber(d.value.ratio, 2)})`,
    );
  } else if (planWhy) {
    lines.push(`${pick(text('Cost and value', '成本与价值'), lang)}${c}${pick(text('not computed: the files cannot be planned — ', '未计算：无法据此制定计划——'), lang)}${planWhy}`);
  }
  lines.push('', ...d.notes.map((n) => `  ${pick(n, lang)}`), '');
  // One line per block (the target to set from a date, until the next line); --out writes every day.
  const head = [text('from', '起始日期'), text('to', '结束日期'), text('target', 'ROI目标'), text('days dropped', '剔除天数')].map((t) => pick(t, lang));
  const blocks: string[][] = [];
  for (const s of d.schedule.days) {
    const cur = blocks[blocks.length - 1];
    if (!cur || s.change) blocks.push([s.date, s.date, s.target.toFixed(2), s.drop ? '1' : '0']);
    else {
      cur[1] = s.date;
      if (s.drop) cur[3] = String(Number(cur[3]) + 1);
    }
  }
  lines.push(`${pick(text('Schedule (set the target on the first day of each line)', '实验安排（每行第一天调整目标）'), lang)}${c.trim()}`, renderTable(head, blocks, { right: [2, 3], indent: '  ' }));
  return `${lines.join('\n')}\n`;
}

function analyseHuman(file: string, r: ExperimentResult, lang: Lang): string {
  const c = lang === 'zh-CN' ? '：' : ': ';
  const head = [text('step', '调整'), text('days', '天数'), text('Δspend/day', '日消耗变化'), text('ΔGMV/day (90 %)', '日成交变化（90%）'), text('incremental ROI', '增量ROI')].map((t) => pick(t, lang));
  const rows = r.steps.map((s) => [`${s.fromTarget} → ${s.target}`, String(s.days), est(s.deltaSpend), est(s.deltaGmv), s.roi ? est(s.roi, 2) : '—']);
  const lines = [
    `${file} · ${pick(text('experiment', '实验'), lang)} ${r.first} – ${r.last} · ${r.keptDays} ${pick(text('days read', '天参与分析'), lang)}, ${r.droppedDays} ${pick(text('dropped (learning)', '天剔除（学习期）'), lang)}, ${r.blocks} ${pick(text('blocks', '个区块'), lang)}`,
    '',
    `${pick(text('Verdict', '结论'), lang)}${c}${pick(r.verdict === 'conclusive' ? text('conclusive', '结论明确') : text('inconclusive', '结论不明确'), lang)}`,
    ...r.why.map((w) => `  ${pick(w, lang)}`),
    '',
    renderTable(head, rows, { right: [1], indent: '  ' }),
  ];
  if (r.observations.length > 0) {
    lines.push('', pick(text('As a 实验结果 row (calibrates the curve when the sheet is in the workbook):', '写入“实验结果”表的一行（工作簿中有该表时用于校准曲线）：'), lang));
    lines.push(renderTable(['期间', '调整前消耗', '消耗变化', '成交变化', 'σ', '来源'], r.observations.map((o) => [`${o.first}~${o.last}`, money(o.spendBefore), money(o.deltaSpend), money(o.deltaGmv), money(o.sigma), o.source]), { right: [1, 2, 3, 4], indent: '  ' }));
  }
  return `${lines.join('\n')}\n`;
}

/** The schedule to read: --schedule's 实验计划 sheet (else its first), the workbook's own, else the target log. */
async function scheduleFor(path: string | undefined, own: ScheduleRead | undefined, history: History): Promise<{ schedule: Schedule; issues: DataIssue[] }> {
  let read: ScheduleRead | undefined = own;
  if (path !== undefined) {
    const src = await openRegularFile(path, path, 'schedule');
    try {
      const { sheets } = await openSheets(src, path);
      const sheet = findScheduleSheet(sheets) ?? sheets[0];
      if (!sheet) throw new AdplanError('input', text(`${path} has no sheet.`, `${path} 中没有工作表。`), 'schedule');
      read = readScheduleOf(sheet);
    } finally {
      await src.close();
    }
  }
  if (read?.schedule) return { schedule: read.schedule, issues: read.issues };
  const last = history.days[history.days.length - 1]?.date;
  const fromLog = history.targetLog && last ? scheduleFromLog(history.targetLog, last) : null;
  if (fromLog) return { schedule: fromLog, issues: read?.issues ?? [] };
  const why = read?.issues.find((i) => i.severity === 'error')?.message;
  throw new AdplanError(
    'input',
    text(
      `No schedule to read the test by${why ? ` (${why['en-US']})` : ''}: give --schedule FILE with a 实验计划 sheet, or a ROI目标记录 target log.`,
      `没有可用于分析的实验计划${why ? `(${why['zh-CN']})` : ''}：请用 --schedule 指定含“实验计划”表的文件，或提供 ROI目标记录。`,
    ),
    'schedule',
  );
}

const issueLine = (i: DataIssue, lang: Lang): string => `  ${i.severity} ${[i.sheet, i.address].filter(Boolean).join('!')} ${pick(i.message, lang)}`;

export const experiment: Command = {
  name: 'experiment',
  summary: text('Design a target test for one room, or read one that ran', '为单个直播间设计目标实验，或分析已完成的实验'),
  usage: USAGE,
  options: [
    { flag: 'design | analyse', help: text('what to do (first argument)', '要做什么（第一个参数）') },
    { flag: '--lift SHARE', help: text('design: the room-GMV lift to detect at 80 % power (default 0.15)', '设计：以 80% 把握检测的整体成交提升（默认 0.15）') },
    { flag: '--days N', help: text('design: a fixed test length; the design says the lift it can detect', '设计：固定实验天数，给出可检测的提升') },
    { flag: '--kind switchback|step', help: text('design: alternating blocks or target steps (default: switchback when one ≤ 10 % change buys the lift)', '设计：交替区块或阶梯目标（默认：一次 ≤ 10% 的调整即可时用交替实验）') },
    { flag: '--start DATE', help: text('design: first test day (default: the day after the history)', '设计：实验第一天（默认：历史数据后一天）') },
    { flag: '--out FILE.xlsx', help: text('design: write the 实验计划 sheet to this workbook', '设计：把“实验计划”表写入该工作簿') },
    { flag: '--force', help: text('with --out: overwrite an existing file', '与 --out 同用：覆盖已有文件') },
    { flag: '--schedule FILE', help: text('analyse: the 实验计划 sheet the test ran by (default: the workbook’s own, else the target log)', '分析：实验所依据的“实验计划”表（默认：工作簿自带的，否则用目标记录）') },
    { flag: '--scenario NAME', help: text('design: the plan the cost and value are measured against (default: the table’s first)', '设计：计算成本与价值所依据的方案（默认：第一个方案）') },
    SHEET_OPTION,
    ASSUMPTIONS_OPTION,
  ],
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      lift: { type: 'string' },
      days: { type: 'string' },
      kind: { type: 'string' },
      start: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      schedule: { type: 'string' },
      scenario: { type: 'string' },
      sheet: { type: 'string' },
      assumptions: { type: 'string' },
      ...COMMON_OPTIONS,
    });
    const lang = startCommand(values, io, experiment);
    if (lang === null) return EXIT.ok;
    const [action, ...files] = positionals;
    if (action !== 'design' && action !== 'analyse' && action !== 'analyze') {
      throw new UsageError(pick(text(`the first argument must be design or analyse, not "${action ?? ''}"`, `第一个参数应为 design 或 analyse，而不是“${action ?? ''}”`), lang));
    }
    if (files.length === 0) throw new UsageError('missing <file>');
    const read = await loadMerchantFiles(files, values.sheet !== undefined ? { sheet: values.sheet } : {});
    const history = read.history.history;
    if (action === 'design') {
      if (values.kind !== undefined && values.kind !== 'switchback' && values.kind !== 'step') {
        throw new UsageError(pick(text(`--kind must be switchback or step, not "${values.kind}"`, `--kind 应为 switchback 或 step，而不是“${values.kind}”`), lang));
      }
      if (values.lift !== undefined && values.days !== undefined) throw new UsageError(pick(text('give --lift or --days, not both', '--lift 与 --days 只能给一个'), lang));
      if (values.out !== undefined && existsSync(values.out) && !values.force) {
        throw new UsageError(pick(text(`${values.out} already exists: choose another name or add --force`, `${values.out} 已存在：请换一个文件名或加 --force`), lang));
      }
      const days = values.days !== undefined ? integerOption('days', values.days, 56, 14, 365, lang) : undefined;
      const lift = liftOption(values.lift, lang);
      const shared = values.assumptions !== undefined ? await loadAssumptionsFile(values.assumptions) : undefined;
      const { plan, why } = planContext(history, () => scenariosFor(read, shared), values.scenario, lang);
      const d = designExperiment(history, {
        ...(lift !== undefined ? { lift } : {}),
        ...(days !== undefined ? { days } : {}),
        ...(values.kind === 'switchback' || values.kind === 'step' ? { kind: values.kind } : {}),
        ...(values.start !== undefined ? { start: checkDate(values.start, lang) } : {}),
        plan,
      });
      if (values.out !== undefined) await saveWorkbook(experimentPlanWorkbook(d, lang), values.out, values.force);
      if (values.json) {
        io.stdout(`${JSON.stringify({ ...d, noise: { ...d.noise, note: pick(d.noise.note, lang) }, notes: d.notes.map((n) => pick(n, lang)), ...(values.out !== undefined ? { out: values.out } : {}) }, null, 2)}\n`);
      } else {
        io.stdout(designHuman(read.fileName, d, why, lang));
        if (values.out !== undefined) io.stdout(`${pick(text('Written: ', '已写入：'), lang)}${values.out}\n`);
      }
      return EXIT.ok;
    }
    const { schedule, issues } = await scheduleFor(values.schedule, read.experimentSchedule, history);
    const r = analyseExperiment(history, schedule);
    if (values.json) {
      io.stdout(`${JSON.stringify({ ...r, why: r.why.map((w) => pick(w, lang)), issues: issues.map((i) => ({ ...i, message: pick(i.message, lang) })) }, null, 2)}\n`);
    } else {
      io.stdout(analyseHuman(read.fileName, r, lang));
      if (issues.length > 0) io.stdout(`${issues.map((i) => issueLine(i, lang)).join('\n')}\n`);
    }
    return EXIT.ok;
  },
};
