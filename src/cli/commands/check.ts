/**
 * adplan check <file>… [--sheet NAME] [--json] [--lang zh-CN|en-US]
 * What the reader made of a merchant's file(s): export family, column mapping, measures and their
 * sources, days, totals, issues. Several files are one merchant, joined on the date.
 * Exit 0 usable, 1 unusable, 2 usage.
 */
import { pick, text, type Lang } from '../../i18n/text';
import { countIssues } from '../../data/table';
import { FIELDS } from '../../data/table';
import { familyById } from '../../data/families';
import { loadMerchantFiles } from '../../data/node';
import type { MerchantRead } from '../../data/merchant';
import type { DataIssue } from '../../data/table';
import { channelTotals, videoTotals } from '../../data/history';
import { COMMON_OPTIONS, parseCommandArgs, UsageError } from '../args';
import { EXIT, SHEET_OPTION, startCommand, type Command } from '../command';
import { formatCount, formatMoney, renderTable } from '../../text';
import type { CliIo } from '../io';

const USAGE = 'adplan check <file>… [--sheet NAME] [--json] [--lang zh-CN|en-US]';
const MAX_ISSUES_SHOWN = 60;

const L = {
  file: text('File', '文件'),
  sheet: text('Sheet', '工作表'),
  headerRow: text('header on row', '表头在第'),
  headerRowSuffix: text('', ' 行'),
  columns: text('Columns (field ← header)', '列映射（字段 ← 表头）'),
  measure: text('Views measure', '观看口径'),
  family: text('Export family', '导出类型'),
  sources: text('Sources', '数据源'),
  overlap: text('joined over', '合并区间'),
  measures: text('Measures (field ← header, source)', '口径（字段 ← 表头，来源）'),
  days: text('Days', '天数'),
  rows: text('rows read', '读取行'),
  skipped: text('skipped', '跳过'),
  totals: text('Totals (valid days)', '合计（有效日）'),
  assumptions: text('Assumptions', '投放假设'),
  issues: text('Issues', '问题'),
  none: text('none', '无'),
  more: text('more — see --json', '条未显示——见 --json'),
  usable: text('Usable: the history can be planned from.', '可用：可以据此历史数据做计划。'),
  head: [text('severity', '级别'), text('row', '行'), text('cell', '单元格'), text('column', '列'), text('value', '值'), text('message', '说明')],
} as const;

const MEASURE = {
  count: text('view count (次数)', '观看次数'),
  unique: text('unique viewers (人数)', '观看人数（去重）'),
  unknown: text('unknown (次数 or 人数?)', '未知（次数还是人数？）'),
} as const;

const SEVERITY = {
  error: text('error', '错误'),
  warning: text('warning', '警告'),
  info: text('info', '提示'),
} as const;

const SEVERITY_PLURAL = {
  error: text('errors', '错误'),
  warning: text('warnings', '警告'),
  info: text('notes', '提示'),
} as const;

function issueJson(x: DataIssue, lang: Lang) {
  return {
    severity: x.severity,
    row: x.row ?? null,
    column: x.column ?? null,
    value: x.value ?? null,
    message: pick(x.message, lang),
    address: x.address ?? null,
    sheet: x.sheet ?? null,
  };
}

/** Per-channel traffic, short-video totals and the days with content measures, when exported. */
function organicJson(days: MerchantRead['history']['history']['days']) {
  const channels = channelTotals(days);
  const video = videoTotals(days);
  const content = days.filter((d) => d.content).length;
  return {
    ...(channels.length > 0 ? { traffic: { days: days.filter((d) => d.traffic).length, channels } } : {}),
    ...(video ? { video } : {}),
    ...(content > 0 ? { content: { days: content } } : {}),
  };
}

export function checkJson(r: MerchantRead, lang: Lang) {
  const days = r.history.history.days;
  const j = r.joined;
  return {
    file: r.fileName,
    sheet: r.historySheet,
    fields: r.history.fields,
    days: days.length,
    firstDate: days[0]?.date ?? null,
    lastDate: days[days.length - 1]?.date ?? null,
    totals: r.history.totals,
    issues: r.history.issues.map((x) => issueJson(x, lang)),
    headerRow: r.history.headerRow,
    rowsRead: r.history.rowsRead,
    rowsSkipped: r.history.rowsSkipped,
    viewsMeasure: r.history.history.viewsMeasure,
    sheets: r.sheetNames,
    family: j.family,
    sources: j.sources,
    measures: j.measures,
    overlap: j.overlap,
    gmvMeasure: j.measures.gmv?.measure ?? 'unknown',
    // Present only when a traffic-sources / short-video / sessions-with-content export was read.
    ...organicJson(days),
    ...(r.encoding ? { encoding: r.encoding } : {}),
    assumptions: r.assumptions
      ? {
          sheet: r.assumptionsSheet ?? null,
          scenarios: r.assumptions.scenarios.map((s) => s.name),
          keys: [...new Set(r.assumptions.scenarios.flatMap((s) => Object.keys(s.values)))],
          issues: r.assumptions.issues.map((x) => issueJson(x, lang)),
        }
      : null,
  };
}

function issueTable(issues: readonly DataIssue[], lang: Lang): string {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  const rows = shown.map((x) => [
    pick(SEVERITY[x.severity], lang),
    x.row !== undefined ? String(x.row) : '',
    x.address ?? '',
    x.column ?? '',
    x.value ?? '',
    pick(x.message, lang),
  ]);
  let out = renderTable(
    L.head.map((h) => pick(h, lang)),
    rows,
    { right: [1], maxWidth: { 3: 24, 4: 20 }, indent: '  ' },
  );
  if (issues.length > shown.length) out += `\n  … ${issues.length - shown.length} ${pick(L.more, lang)}`;
  return out;
}

function counts(issues: readonly DataIssue[], lang: Lang): string {
  const n = (s: DataIssue['severity']) => countIssues(issues, s);
  return (['error', 'warning', 'info'] as const).map((s) => `${pick(SEVERITY_PLURAL[s], lang)} ${n(s)}`).join(' · ');
}

export function checkHuman(r: MerchantRead, lang: Lang): string {
  const h = r.history;
  const days = h.history.days;
  const t = (x: (typeof L)[keyof typeof L]) => pick(x as Parameters<typeof pick>[0], lang);
  const lines: string[] = [];
  const c = lang === 'zh-CN' ? '：' : ': ';
  lines.push(`${t(L.file)}${c}${r.fileName}${r.encoding ? ` (${r.encoding})` : ''}`);
  lines.push(`${t(L.sheet)}${c}${r.historySheet} (${t(L.headerRow)} ${h.headerRow}${t(L.headerRowSuffix)})`);
  lines.push(`${t(L.family)}${c}${pick(familyById(r.joined.family).name, lang)} [${r.joined.family}]`);
  if (r.joined.sources.length > 1) {
    lines.push(`${t(L.sources)}${c.trim()}`);
    for (const s of r.joined.sources) {
      const name = s.sheet ? `${s.file} › ${s.sheet}` : s.file;
      lines.push(`  ${name} · ${pick(familyById(s.family).name, lang)} · ${s.firstDate ?? ''} – ${s.lastDate ?? ''} · ${t(L.rows)} ${s.rows}`);
    }
    const o = r.joined.overlap;
    if (o) lines.push(`  ${t(L.overlap)}${c}${o.from} – ${o.to} (${o.days})`);
  }
  const measures = Object.entries(r.joined.measures).map(([k, m]) => [k, '←', `${m.header}${m.measure ? ` [${m.measure}]` : ''}`, m.source]);
  lines.push(`${t(L.measures)}${c.trim()}`);
  lines.push(renderTable(['', '', '', ''], measures, { indent: '  ' }).split('\n').slice(2).join('\n'));
  lines.push(`${t(L.columns)}${c.trim()}`);
  const mapping = FIELDS.flatMap((f) => (h.fields[f.field] !== undefined ? [[f.field, '←', h.fields[f.field] as string]] : []));
  lines.push(renderTable(['field', '', 'header'], mapping, { indent: '  ' }).split('\n').slice(2).join('\n'));
  const noViews = text('none (no views column: CVR and GPM unknown)', '无（没有观看数列：转化率与 GPM 未知）');
  lines.push(`${t(L.measure)}${c}${pick(r.joined.measures.views ? MEASURE[h.history.viewsMeasure] : noViews, lang)}`);
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  lines.push(`${t(L.days)}${c}${days.length} (${first} – ${last}); ${t(L.rows)} ${h.rowsRead}, ${t(L.skipped)} ${h.rowsSkipped}`);
  const tot = h.totals;
  const totals: [string, string][] = [
    [pick(text('GMV', '成交金额'), lang), formatMoney(tot.gmv)],
    [pick(text('orders', '订单数'), lang), formatCount(tot.orders)],
    [pick(text('spend', '千川消耗'), lang), formatMoney(tot.spend)],
    [pick(text('paid GMV', '直接成交金额'), lang), tot.paidGmv !== null ? formatMoney(tot.paidGmv) : '—'],
    [pick(text('refunds', '退款金额'), lang), h.fields.refund_amount !== undefined ? formatMoney(tot.refundAmount) : '—'],
    [pick(text('views', '观看'), lang), r.joined.measures.views ? formatCount(tot.views) : '—'],
  ];
  lines.push(`${t(L.totals)}${c.trim()}`);
  lines.push(renderTable(['', ''], totals, { right: [1], indent: '  ' }).split('\n').slice(2).join('\n'));
  const channels = channelTotals(days);
  if (channels.length > 0) {
    const cls = { paid: text('paid', '付费'), natural: text('natural', '自然'), unknown: text('unknown', '未分类') } as const;
    const rows = channels.map((x) => [x.channel, pick(cls[x.class], lang), String(x.days), x.viewers === null ? '—' : formatCount(x.viewers), x.views === null ? '—' : formatCount(x.views), x.gmv === null ? '—' : formatMoney(x.gmv)]);
    lines.push(`${pick(text('Traffic sources (per channel, over the days)', '流量来源（各渠道，全部日期合计）'), lang)}${c.trim()}`);
    lines.push(renderTable([text('channel', '渠道'), text('class', '类别'), text('days', '天数'), text('viewers', '观看人数'), text('views', '观看次数'), text('GMV', '成交金额')].map((x) => pick(x, lang)), rows, { right: [2, 3, 4, 5], indent: '  ' }));
  }
  const video = videoTotals(days);
  if (video) {
    const v = (x: number | null): string => (x === null ? '—' : formatCount(x));
    const rate = video.completionRate === null ? '—' : `${(video.completionRate * 100).toFixed(1)}%`;
    lines.push(
      `${pick(text('Short videos', '短视频'), lang)}${c}${pick(text('plays', '播放量'), lang)} ${v(video.plays)} · ${pick(text('completion', '完播率'), lang)} ${rate} · ${pick(text('saves', '收藏'), lang)} ${v(video.saves)} · ${pick(text('GMV', '成交金额'), lang)} ${video.gmv === null ? '—' : formatMoney(video.gmv)} (${video.days})`,
    );
  }
  if (r.assumptions) {
    const names = r.assumptions.scenarios.map((s) => s.name).join(', ');
    lines.push(`${t(L.assumptions)}${c}${r.assumptionsSheet ?? ''} — ${names} (${counts(r.assumptions.issues, lang)})`);
    if (r.assumptions.issues.length > 0) lines.push(issueTable(r.assumptions.issues, lang));
  }
  lines.push(`${t(L.issues)}${c}${counts(h.issues, lang)}`);
  if (h.issues.length > 0) lines.push(issueTable(h.issues, lang));
  // A traffic or short-video export alone has no orders nor a paid split: readiness can use it, a plan cannot.
  const sideOnly = r.joined.sources.every((s) => s.family === 'compass_traffic_sources' || s.family === 'compass_short_video');
  lines.push(
    sideOnly
      ? pick(text('Read: traffic and content measures for readiness. To plan, add a 成交 export of the same days (罗盘 成交分析 / 经营概览 / 直播明细).', '已读取：流量与内容指标，可用于准备度检查。做计划请加入同期的成交导出（罗盘 成交分析 / 经营概览 / 直播明细）。'), lang)
      : t(L.usable),
  );
  return `${lines.join('\n')}\n`;
}

export const check: Command = {
  name: 'check',
  summary: text("Read a merchant's export and report what was understood", '读取商家导出的数据，报告识别结果与问题'),
  usage: USAGE,
  options: [
    SHEET_OPTION,
  ],
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      sheet: { type: 'string' },
      ...COMMON_OPTIONS,
    });
    const lang = startCommand(values, io, check);
    if (lang === null) return EXIT.ok;
    if (positionals.length === 0) throw new UsageError('missing <file>');
    // Failures (unreadable file, no usable history) go to the one error path (src/cli/failure.ts).
    const read: MerchantRead = await loadMerchantFiles(positionals, values.sheet !== undefined ? { sheet: values.sheet } : {});
    io.stdout(values.json ? `${JSON.stringify(checkJson(read, lang), null, 2)}\n` : checkHuman(read, lang));
    return EXIT.ok;
  },
};
