/**
 * Several sources for one merchant (a 罗盘 sheet and a 千川 file…) joined on the date over the
 * dates all of them cover. Each measure is taken once, from one source, by the documented rule
 * (docs/data.md "Several files or sheets"): whole-room GMV, orders and views from the most
 * complete shop export (罗盘 before 千川, whose 整体成交金额 is 千川's view of the room); spend from
 * the source that also has paid GMV, else from 千川 before 罗盘. Pure, used by the CLI and the pane.
 */
import { text } from '../../i18n/text';
import { AdplanError } from '../../model/core';
import type { DayRecord, History, IsoDate } from '../../model/core';
import type { FamilyId } from '../families';
import { gmvMeasureOf } from '../table';
import { clean } from '../cells';
import { totalsOf } from '../history';
import type { DataIssue, HistoryField, HistoryReadResult } from '../table';

export interface Source {
  file: string;
  /** null for a CSV (no sheets). */
  sheet: string | null;
  read: HistoryReadResult;
}

export interface SourceInfo {
  file: string;
  sheet: string | null;
  family: FamilyId;
  firstDate: IsoDate | null;
  lastDate: IsoDate | null;
  rows: number;
}

export type MeasureKey =
  | 'gmv'
  | 'orders'
  | 'views'
  | 'spend'
  | 'paid_gmv'
  | 'refund_amount'
  | 'net_gmv'
  | 'refund_1h_rate'
  | 'organic_gmv_observed'
  | 'attributed_paid_gmv'
  | 'grant_spend';

export interface MeasureInfo {
  /** Header as found (for organic GMV: the GMV header of the 非投放时段 rows). */
  header: string;
  /** Label of the source it was read from (`file` or `file › sheet`). */
  source: string;
  /** gmv: which GMV measure (gmv, pay_amount, room_gmv, net_gmv); views: count or unique. */
  measure?: string;
}

export interface JoinedHistory {
  read: HistoryReadResult;
  family: FamilyId;
  sources: SourceInfo[];
  measures: Partial<Record<MeasureKey, MeasureInfo>>;
  /** The dates every source covers; null for a single source. */
  overlap: { from: IsoDate; to: IsoDate; days: number } | null;
}

export const sourceLabel = (s: Source): string => (s.sheet ? (s.file ? `${s.file} › ${s.sheet}` : s.sheet) : s.file);
const familyOf = (s: Source): FamilyId => s.read.family ?? 'generic';
const SIDE_FAMILY_IDS: ReadonlySet<FamilyId> = new Set<FamilyId>(['compass_traffic_sources', 'compass_short_video']);

const GMV_ORDER: readonly FamilyId[] = [
  'compass_deal', 'compass_live_sessions', 'compass_self_service', 'compass_overview', 'generic',
  'baiying_session', 'qianchuan_uni_live', 'qianchuan_uni_dimension', 'qianchuan_standard',
  'compass_traffic_sources', 'compass_short_video',
];
const SPEND_ORDER: readonly FamilyId[] = [
  'qianchuan_uni_live', 'qianchuan_uni_dimension', 'qianchuan_standard', 'generic', 'baiying_session',
  'compass_deal', 'compass_live_sessions', 'compass_self_service', 'compass_overview',
  'compass_traffic_sources', 'compass_short_video',
];

function ranked(sources: readonly Source[], order: readonly FamilyId[], has: (s: Source) => boolean): Source | undefined {
  let best: Source | undefined;
  for (const s of sources) {
    if (!has(s)) continue;
    if (!best || order.indexOf(familyOf(s)) < order.indexOf(familyOf(best))) best = s;
  }
  return best;
}

const hasField = (f: HistoryField) => (s: Source): boolean => s.read.fields[f] !== undefined;
const hasDayField = (k: keyof DayRecord) => (s: Source): boolean => s.read.history.days.some((d) => d[k] !== undefined);

interface Choice {
  gmv: Source;
  views?: Source;
  spend?: Source;
  paid?: Source;
  refund?: Source;
  net?: Source;
  refund1h?: Source;
  organic?: Source;
  attributed?: Source;
  grant?: Source;
  /** Traffic, content, short-video and carrier measures (optional day fields). */
  traffic?: Source;
  content?: Source;
  video?: Source;
  carriers?: Source;
}

function choose(sources: readonly Source[]): Choice {
  const gmv = ranked(sources, GMV_ORDER, () => true) as Source;
  const prefer = (has: (s: Source) => boolean): Source | undefined => (has(gmv) ? gmv : ranked(sources, GMV_ORDER, has));
  const paid = prefer(hasField('paid_gmv'));
  const spend = paid ?? ranked(sources, SPEND_ORDER, hasField('spend'));
  const c: Choice = { gmv };
  const set = <K extends keyof Choice>(k: K, v: Choice[K] | undefined): void => {
    if (v) c[k] = v;
  };
  set('views', prefer((s) => hasField('views')(s) || hasField('organic_views')(s)));
  set('spend', spend);
  set('paid', paid);
  set('refund', prefer(hasField('refund_amount')));
  set('net', prefer(hasField('net_gmv')));
  set('refund1h', prefer(hasField('refund_1h_rate')));
  set('organic', prefer(hasDayField('organicGmvObserved')));
  set('attributed', prefer(hasField('attributed_paid_gmv')));
  set('grant', spend && hasField('grant_spend')(spend) ? spend : prefer(hasField('grant_spend')));
  set('traffic', prefer(hasDayField('traffic')));
  set('content', prefer(hasDayField('content')));
  set('video', prefer(hasDayField('video')));
  set('carriers', prefer(hasDayField('carriers')));
  return c;
}

function info(s: Source): SourceInfo {
  const days = s.read.history.days;
  return {
    file: s.file,
    sheet: s.sheet,
    family: familyOf(s),
    firstDate: days[0]?.date ?? null,
    lastDate: days[days.length - 1]?.date ?? null,
    rows: s.read.rowsRead,
  };
}

function measuresOf(c: Choice): Partial<Record<MeasureKey, MeasureInfo>> {
  const out: Partial<Record<MeasureKey, MeasureInfo>> = {};
  const put = (k: MeasureKey, s: Source | undefined, f: HistoryField, measure?: string): void => {
    const header = s?.read.fields[f];
    if (s && header !== undefined) out[k] = { header, source: sourceLabel(s), ...(measure ? { measure } : {}) };
  };
  put('gmv', c.gmv, 'gmv', gmvMeasureOf(c.gmv.read.fields.gmv));
  put('orders', c.gmv, 'orders');
  const v = c.views;
  put('views', v, v?.read.fields.views !== undefined ? 'views' : 'organic_views', v?.read.history.viewsMeasure);
  put('spend', c.spend, 'spend');
  put('paid_gmv', c.paid, 'paid_gmv');
  put('refund_amount', c.refund, 'refund_amount');
  put('net_gmv', c.net, 'net_gmv');
  put('refund_1h_rate', c.refund1h, 'refund_1h_rate');
  put('organic_gmv_observed', c.organic, 'gmv');
  if (out.organic_gmv_observed) out.organic_gmv_observed.header = `非投放时段 × ${out.organic_gmv_observed.header}`;
  put('attributed_paid_gmv', c.attributed, 'attributed_paid_gmv');
  put('grant_spend', c.grant, 'grant_spend');
  return out;
}

const byDate = (s: Source | undefined): Map<IsoDate, DayRecord> => new Map((s?.read.history.days ?? []).map((d) => [d.date, d]));

/** One joined day: core numbers from the GMV source, the rest from each measure's source. */
function joinDay(g: DayRecord, c: Choice, maps: Record<keyof Choice, Map<IsoDate, DayRecord>>): { day: DayRecord; spendMissing: boolean } {
  const at = (k: keyof Choice): DayRecord | undefined => (c[k] ? maps[k].get(g.date) : undefined);
  const sp = at('spend');
  const spendMissing = c.spend !== undefined && c.spend !== c.gmv && sp === undefined;
  const spend = c.spend ? (sp?.spend ?? 0) : 0;
  const p = at('paid');
  let paidGmv: number | null = c.paid ? (p?.paidGmv ?? (spend > 0 ? null : 0)) : spend > 0 ? null : 0;
  if (paidGmv !== null) paidGmv = Math.min(paidGmv, g.gmv);
  const paidOrders = c.paid ? (p?.paidOrders ?? null) : null;
  const organicGmv = paidGmv === null ? null : clean(g.gmv - paidGmv);
  let organicOrders: number | null = null;
  if (paidOrders !== null) organicOrders = clean(Math.max(0, g.orders - paidOrders));
  else if (organicGmv !== null) organicOrders = g.gmv > 0 ? clean((g.orders * organicGmv) / g.gmv) : g.orders;
  const v = at('views');
  const views = v?.views ?? null;
  const organicViews = v ? (v.spend === spend ? v.organicViews : spend === 0 ? views : null) : null;
  const day: DayRecord = {
    date: g.date,
    views,
    organicViews,
    paidViews: v?.paidViews ?? null,
    orders: g.orders,
    gmv: g.gmv,
    refundAmount: at('refund')?.refundAmount ?? null,
    spend,
    paidGmv,
    paidOrders,
    organicGmv,
    organicOrders,
    buyers: g.buyers,
    impressions: g.impressions,
    clicks: g.clicks,
  };
  if (c.net) day.netGmv = at('net')?.netGmv ?? null;
  if (c.refund1h) day.refund1hRate = at('refund1h')?.refund1hRate ?? null;
  if (c.organic) day.organicGmvObserved = at('organic')?.organicGmvObserved ?? null;
  if (c.attributed) day.attributedPaidGmv = at('attributed')?.attributedPaidGmv ?? null;
  if (c.grant) day.grantSpend = at('grant')?.grantSpend ?? null;
  for (const k of ['traffic', 'content', 'video', 'carriers'] as const) {
    const v = c[k] ? at(k)?.[k] : undefined;
    if (v) (day as Record<typeof k, unknown>)[k] = v;
  }
  return { day, spendMissing };
}

const note = (message: ReturnType<typeof text>): DataIssue => ({ severity: 'info', message });

/**
 * Joins the sources of one merchant. One source comes back as read; several are joined over the
 * dates all cover (an error when they share none).
 */
export function joinSources(sources: readonly Source[]): JoinedHistory {
  const first = sources[0];
  if (!first) throw new AdplanError('input', text('No history table to read.', '没有可读取的历史数据表。'), 'history');
  const c = choose(sources);
  const measures = measuresOf(c);
  const infos = sources.map(info);
  if (sources.length === 1) return { read: first.read, family: familyOf(first), sources: infos, measures, overlap: null };

  // Traffic and short-video exports only add day fields where they have days: they do not cut the history.
  const core = infos.filter((s) => !SIDE_FAMILY_IDS.has(s.family));
  const spanOf = core.length > 0 ? core : infos;
  const from = spanOf.reduce((m, s) => (s.firstDate && s.firstDate > m ? s.firstDate : m), '');
  const to = spanOf.reduce((m, s) => (s.lastDate && s.lastDate < m ? s.lastDate : m), '9999-12-31');
  if (from > to) {
    const spans = sources.map((s, i) => `${sourceLabel(s)} ${infos[i]?.firstDate} – ${infos[i]?.lastDate}`).join('; ');
    throw new AdplanError(
      'input',
      text(`The sources share no date, so they cannot be joined: ${spans}.`, `这些数据源没有共同的日期，无法合并：${spans}。`),
      'date',
    );
  }
  const maps = {} as Record<keyof Choice, Map<IsoDate, DayRecord>>;
  for (const k of Object.keys(c) as (keyof Choice)[]) maps[k] = byDate(c[k]);
  const days: DayRecord[] = [];
  let spendMissing = 0;
  for (const g of c.gmv.read.history.days) {
    if (g.date < from || g.date > to) continue;
    const j = joinDay(g, c, maps);
    if (j.spendMissing) spendMissing++;
    days.push(j.day);
  }
  if (days.length === 0) {
    throw new AdplanError('input', text(`No day of ${sourceLabel(c.gmv)} lies in ${from} – ${to}.`, `${sourceLabel(c.gmv)} 在 ${from} 至 ${to} 之间没有数据。`), 'date');
  }

  const issues: DataIssue[] = sources.flatMap((s) => s.read.issues);
  issues.push(
    note(
      text(
        `${sources.length} sources joined on the date over the dates all cover: ${from} – ${to}, ${days.length} day(s); days outside are left out`,
        `${sources.length} 个数据源按日期合并，取共同覆盖的日期：${from} 至 ${to}，共 ${days.length} 天；其余日期不计入`,
      ),
    ),
  );
  if (infos.some((s) => SIDE_FAMILY_IDS.has(s.family)) && core.length > 0) {
    issues.push(
      note(
        text(
          'traffic-source and short-video exports add their measures on the days they cover; they do not shorten the history',
          '流量来源与短视频导出只在其覆盖的日期上补充指标，不缩短历史',
        ),
      ),
    );
  }
  for (const [k, m] of Object.entries(measures)) {
    const others = sources.filter((s) => sourceLabel(s) !== m.source && k in measuresOf(choose([s])));
    const also = others.length > 0 ? others.map(sourceLabel).join(', ') : '';
    measureNote(issues, k, m, also);
  }
  const seen = new Map<FamilyId, Source>();
  for (const s of sources) {
    const f = familyOf(s);
    const prev = seen.get(f);
    if (prev && f !== 'generic') {
      issues.push({
        severity: 'warning',
        message: text(
          `${sourceLabel(prev)} and ${sourceLabel(s)} are the same kind of export: each measure is taken from one of them only. If they cover different 抖音号/accounts, export them together in one file so they are summed per day`,
          `${sourceLabel(prev)} 与 ${sourceLabel(s)} 是同一类导出：每个指标只取其中一个。若它们是不同的抖音号/账户，请合并导出为一个文件，以便按天相加`,
        ),
      });
    }
    seen.set(f, prev ?? s);
  }
  if (spendMissing > 0) {
    issues.push(
      note(
        text(
          `${spendMissing} day(s) have no row in ${sourceLabel(c.spend as Source)}: spend read as 0 (an ads export leaves out days without spend)`,
          `${spendMissing} 天在 ${sourceLabel(c.spend as Source)} 中没有行：消耗按 0 计（投放报表不列出无消耗的日子）`,
        ),
      ),
    );
  }
  const fields: Partial<Record<HistoryField, string>> = { ...c.gmv.read.fields };
  const take = (s: Source | undefined, ...fs: HistoryField[]): void => {
    for (const f of fs) {
      delete fields[f];
      const h = s?.read.fields[f];
      if (h !== undefined) fields[f] = h;
    }
  };
  take(c.views, 'views', 'organic_views', 'paid_views');
  take(c.spend, 'spend');
  take(c.paid, 'paid_gmv', 'paid_orders');
  take(c.refund, 'refund_amount');
  take(c.net, 'net_gmv');
  take(c.refund1h, 'refund_1h_rate');
  take(c.attributed, 'attributed_paid_gmv');
  take(c.grant, 'grant_spend');
  const history: History = {
    days,
    viewsMeasure: c.views?.read.history.viewsMeasure ?? 'unknown',
    gmvMeasure: gmvMeasureOf(c.gmv.read.fields.gmv),
  };
  const read: HistoryReadResult = {
    history,
    fields,
    headerRow: c.gmv.read.headerRow,
    issues,
    rowsRead: sources.reduce((n, s) => n + s.read.rowsRead, 0),
    rowsSkipped: sources.reduce((n, s) => n + s.read.rowsSkipped, 0),
    totals: totalsOf(days, c.paid !== undefined),
    family: familyOf(c.gmv),
  };
  // The account name from whichever export carries one (罗盘 exports usually do not).
  const merchantName = sources.find((s) => s.read.merchantName)?.read.merchantName;
  if (merchantName) read.merchantName = merchantName;
  return { read, family: familyOf(c.gmv), sources: infos, measures, overlap: { from, to, days: days.length } };
}

function measureNote(issues: DataIssue[], key: string, m: MeasureInfo, also: string): void {
  issues.push(
    note(
      text(
        `${key} ← ${m.header} (${m.source})${also ? `; also in ${also}, not used (taken once)` : ''}`,
        `${key} ← ${m.header}（${m.source}）${also ? `；${also} 中也有，未使用（只取一次）` : ''}`,
      ),
    ),
  );
}
