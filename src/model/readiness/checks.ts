/**
 * Readiness v2: ordered checks, each with the measured value, the threshold, where the threshold
 * comes from and the fix (docs/model.md "Readiness v2"). A check whose measure is not in the
 * exports is "unknown", never a guess, and never fails. Order = what a provider fixes first:
 * no base model at all, then traffic structure and content, then stability, refunds, margin.
 */
import { text, type Text } from '../../i18n/text';
import { ASSUMPTIONS, type AssumptionKey, type AssumptionValues } from '../settings';
import type { BaselineMetrics } from '../fit';
import { MAX_ORGANIC_GMV_CV, type ReadinessThresholds } from './readiness';
import { sourceText, type OrganicThresholds, type Sourced } from './benchmarks';
import type { OrganicMeasures } from './measures';
import type { CheckId, CheckStatus, ReadinessCheck, Verdict } from '../report';



export const fires = (c: ReadinessCheck): boolean => c.status === 'warn' || c.status === 'fail';

/** Checks whose failure means there is no base model yet: fixing one lever will not do. */
const NOT_YET: ReadonlySet<CheckId> = new Set<CheckId>(['history_days', 'organic_orders', 'unit_margin']);

// Not carrier_mix: 成交分析 载体 rows are an existing export, and the mix is shown, never judged.
const ORGANIC: ReadonlySet<CheckId> = new Set<CheckId>(['paid_share', 'stay', 'uv_value', 'interaction', 'video_save', 'video_completion', 'video_gmv']);

/** True when some traffic, content or short-video measure was in the exports (readiness v2 speaks). */
export const measuredOrganic = (checks: readonly ReadinessCheck[]): boolean => checks.some((c) => ORGANIC.has(c.id) && c.status !== 'unknown');

export function verdictOf(checks: readonly ReadinessCheck[]): Verdict {
  if (checks.some((c) => fires(c) && NOT_YET.has(c.id))) return 'not_yet';
  return checks.some(fires) ? 'fix_first' : 'ready';
}

export const VERDICT_LABEL: Readonly<Record<Verdict, Text>> = {
  ready: text('ready', '可以放量'),
  fix_first: text('fix first', '先修再放量'),
  not_yet: text('not yet', '暂不放量'),
};

export const STATUS_LABEL: Readonly<Record<CheckStatus, Text>> = {
  pass: text('pass', '通过'),
  warn: text('fix', '需改进'),
  fail: text('severe', '严重'),
  unknown: text('unknown', '未知'),
  info: text('info', '仅供参考'),
};

const same = (s: string): Text => text(s, s);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
/** Seconds to one decimal, ".0" dropped: a threshold of 49.5 s is not shown as 50 s. */
const s1 = (x: number): string => String(Math.round(x * 10) / 10);
const secs = (x: number): Text => text(`${s1(x)} s`, `${s1(x)} 秒`);
const money = (x: number): string => `¥${x.toFixed(2)}`;
const num = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
const UNKNOWN = text('unknown', '未知');

function unknown(id: CheckId, name: Text, thresholdText: Text, source: Text, needs: Text): ReadinessCheck {
  return { id, name, status: 'unknown', value: null, threshold: null, valueText: UNKNOWN, thresholdText, source, fix: needs };
}

/** The source of a threshold that is an AdPlan default (not a practitioner benchmark). */
function defaultSource(key: AssumptionKey, given: boolean): Text {
  const zh = ASSUMPTIONS[key].zh;
  return given ? text(`your value (${key})`, `你的设定（${zh}）`) : text(`AdPlan default (${key})`, `AdPlan 默认值（${zh}）`);
}

const exportNeeded = (what: string): Text =>
  text(`not in the exports: add the 罗盘 ${what} export to measure it`, `导出中没有该指标：加入罗盘 ${what} 导出后才能判断`);

export function paidShareCheck(m: OrganicMeasures['paidShare'], t: OrganicThresholds): ReadinessCheck {
  const name = text('Paid share of traffic', '付费流量占比');
  const warn = t.paidShareWarn.value;
  const severe = t.paidShareSevere.value;
  const thresholdText = same(`≤ ${pct(warn)} (severe > ${pct(severe)})`);
  const thresholdZh = `≤ ${pct(warn)}（> ${pct(severe)} 为严重）`;
  const source = sourceText(t.paidShareWarn, t.categoryLabel);
  const th = text(thresholdText['en-US'], thresholdZh);
  if (m === null) return unknown('paid_share', name, th, source, exportNeeded('流量来源'));
  const basis = m.basis === 'viewers' ? text('viewers (人数)', '观看人数') : text('views (次数)', '观看次数');
  const status = m.value > severe ? 'fail' : m.value > warn ? 'warn' : 'pass';
  return {
    id: 'paid_share',
    name,
    status,
    value: m.value,
    threshold: warn,
    valueText: text(`${pct(m.value)} of ${basis['en-US']}`, `${pct(m.value)}（${basis['zh-CN']}）`),
    thresholdText: th,
    source,
    fix:
      status === 'pass'
        ? null
        : text(
            'Fix how the room converts the traffic it already gets (script, offer, stay) before scaling: paid traffic is carrying the room (先修承接再放量).',
            '先修承接再放量：直播间已依赖付费流量，先提升话术、货盘与停留，把现有流量接住。',
          ),
  };
}

export function stayCheck(stay: number | null, t: OrganicThresholds): ReadinessCheck {
  const name = text('Average stay (人均观看时长)', '人均观看时长');
  const b = t.stayBenchmark.value;
  const warnAt = b * (1 - t.stayGapWarn.value);
  const severeAt = b * (1 - t.stayGapSevere.value);
  const cat = t.categoryLabel;
  const th = text(
    `${cat['en-US']} ${secs(b)['en-US']}: warn below ${secs(warnAt)['en-US']} (−${pct(t.stayGapWarn.value)}), severe below ${secs(severeAt)['en-US']}`,
    `${cat['zh-CN']} ${secs(b)['zh-CN']}：低于 ${secs(warnAt)['zh-CN']}（−${pct(t.stayGapWarn.value)}）警示，低于 ${secs(severeAt)['zh-CN']} 为严重`,
  );
  const source = sourceText(t.stayBenchmark, cat);
  if (stay === null) return unknown('stay', name, th, source, exportNeeded('直播明细（人均观看时长）'));
  const status = stay < severeAt ? 'fail' : stay < warnAt ? 'warn' : 'pass';
  return {
    id: 'stay',
    name,
    status,
    value: stay,
    threshold: warnAt,
    valueText: text(`${secs(stay)['en-US']} vs ${cat['en-US']} ${secs(b)['en-US']}`, `${secs(stay)['zh-CN']}，${cat['zh-CN']}基准 ${secs(b)['zh-CN']}`),
    thresholdText: th,
    source,
    fix:
      status === 'pass'
        ? null
        : text(
            'Lengthen stay: a hook in the first 30 s, regular benefit moments (福袋, 限时价), tighter product rotation.',
            '提升停留：开场 30 秒内抛出钩子，定时福利（福袋、限时价），缩短过款节奏。',
          ),
  };
}

export function uvValueCheck(uv: number | null, t: OrganicThresholds): ReadinessCheck {
  const name = text('UV value (GMV per viewer)', 'UV价值（人均成交）');
  const b = t.uvValueBenchmark;
  const ratio = t.uvValueRatio.value;
  if (b === null) {
    return {
      id: 'uv_value',
      name,
      status: 'unknown',
      value: uv,
      threshold: null,
      valueText: uv === null ? UNKNOWN : same(money(uv)),
      thresholdText: text('no benchmark', '无基准'),
      source: text(
        'no practitioner figure for this category: set uv_value_benchmark (a comparable room\'s UV value)',
        '该类目没有从业者经验值：请设定 UV价值基准（同类直播间的 UV价值）',
      ),
      fix: null,
    };
  }
  const floor = ratio * b.value;
  const th = text(`≥ ${money(floor)} (${pct(ratio)} of ${money(b.value)})`, `≥ ${money(floor)}（基准 ${money(b.value)} 的 ${pct(ratio)}）`);
  const source = sourceText(b as Sourced, t.categoryLabel);
  if (uv === null) return unknown('uv_value', name, th, source, exportNeeded('直播明细（UV价值）'));
  const status = uv < floor ? 'warn' : 'pass';
  return {
    id: 'uv_value',
    name,
    status,
    value: uv,
    threshold: floor,
    valueText: same(money(uv)),
    thresholdText: th,
    source,
    fix:
      status === 'pass'
        ? null
        : text('Raise sales per viewer: price ladder and bundles, product-card clicks, the main product shown longer.', '提升人均成交：价格梯度与组合装，引导商品点击，主推款讲解更久。'),
  };
}


/** A rate that should reach a minimum: warn below it, unknown without the export that measures it. */
function minRateCheck(id: CheckId, name: Text, rate: number | null, min: Sourced, t: OrganicThresholds, needs: string, fix: Text): ReadinessCheck {
  const th = same(`≥ ${pct(min.value)}`);
  const source = sourceText(min, t.categoryLabel);
  if (rate === null) return unknown(id, name, th, source, exportNeeded(needs));
  const status = rate < min.value ? 'warn' : 'pass';
  return { id, name, status, value: rate, threshold: min.value, valueText: same(pct(rate)), thresholdText: th, source, fix: status === 'pass' ? null : fix };
}

export function interactionCheck(rate: number | null, t: OrganicThresholds): ReadinessCheck {
  return minRateCheck('interaction', text('Interaction rate (comments / views)', '互动率（评论 / 观看）'), rate, t.minInteractionRate, t, '直播明细（评论次数）',
    text('Ask questions the viewers answer in comments; reply by name; comment prompts tied to benefits.', '多抛可回答的问题，点名回复评论，用福利引导评论。'));
}

export function videoSaveCheck(rate: number | null, t: OrganicThresholds): ReadinessCheck {
  return minRateCheck('video_save', text('Short-video save rate', '短视频收藏率'), rate, t.minVideoSaveRate, t, '短视频',
    text('Make videos worth keeping: usable tips, clear product proof, a reason to come back.', '做值得收藏的视频：实用干货、清楚的产品证明、回看理由。'));
}

export function videoCompletionCheck(rate: number | null, t: OrganicThresholds): ReadinessCheck {
  return minRateCheck('video_completion', text('Short-video completion rate', '短视频完播率'), rate, t.minVideoCompletionRate, t, '短视频（完播率）',
    text('Tighten the first 3–5 seconds: show the result first, cut the intro.', '压缩前 3–5 秒：先给结果，去掉铺垫。'));
}

export function carrierCheck(s: OrganicMeasures['carrierShares']): ReadinessCheck {
  const name = text('Carrier mix (直播 / 短视频 / 商品卡)', '载体结构（直播 / 短视频 / 商品卡）');
  const source = text('成交分析 载体 rows', '成交分析 载体类型行');
  if (s === null) return unknown('carrier_mix', name, same('—'), source, exportNeeded('成交分析（载体类型）'));
  const v = `${pct(s.live)} / ${pct(s.video)} / ${pct(s.card)}`;
  return {
    id: 'carrier_mix',
    name,
    status: 'info',
    value: s.live,
    threshold: null,
    valueText: same(v),
    thresholdText: text('shown, not judged: ads touch the live carrier only', '仅展示，不判定：广告只作用于直播载体'),
    source,
    fix: null,
  };
}



export function videoGmvCheck(gmv: number | null, plays: number | null): ReadinessCheck {
  const name = text('Short videos sell organically', '短视频自然成交');
  const th = text('> ¥0 over the window', '窗口内 > ¥0');
  const source = text('practitioner rule: boost only videos that already sell organically', '从业者经验：只给已经自然出单的视频加热');
  if (gmv === null) return unknown('video_gmv', name, th, source, exportNeeded('短视频（短视频成交金额）'));
  const status = gmv > 0 || !(plays !== null && plays > 0) ? 'pass' : 'warn';
  return {
    id: 'video_gmv',
    name,
    status,
    value: gmv,
    threshold: 0,
    valueText: same(money(gmv)),
    thresholdText: th,
    source,
    fix: status === 'pass' ? null : text('Find a video that sells on its own before paying to push any.', '先找到能自然出单的视频，再花钱加热。'),
  };
}

/** Today's checks as rows: the same conditions as assessReadiness, with value, threshold and source. */
export function baseChecks(m: BaselineMetrics, t: ReadinessThresholds, v: AssumptionValues, refundRate: number | null, unitMargin: number | null): ReadinessCheck[] {
  const given = (k: AssumptionKey): boolean => v[k] !== undefined && v[k] !== null;
  const rows: ReadinessCheck[] = [];
  const days = m.historyDays < t.minDays;
  rows.push({
    id: 'history_days',
    name: text('Days of usable history', '可用历史天数'),
    status: days ? 'fail' : 'pass',
    value: m.historyDays,
    threshold: t.minDays,
    valueText: text(`${m.historyDays} days`, `${m.historyDays} 天`),
    thresholdText: text(`≥ ${t.minDays} days`, `≥ ${t.minDays} 天`),
    source: defaultSource('min_days', given('min_days')),
    fix: days ? text(`Keep trading on organic traffic and export at least ${t.minDays} days.`, `先依靠自然流量经营，积累至少 ${t.minDays} 天数据。`) : null,
  });
  const orders = m.organicOrdersPerDay < t.minOrdersPerDay;
  rows.push({
    id: 'organic_orders',
    name: text('Organic orders per day', '日均自然订单'),
    status: orders ? 'fail' : 'pass',
    value: m.organicOrdersPerDay,
    threshold: t.minOrdersPerDay,
    valueText: same(num(m.organicOrdersPerDay)),
    thresholdText: same(`≥ ${t.minOrdersPerDay}`),
    source: defaultSource('min_orders_per_day', given('min_orders_per_day')),
    fix: orders ? text('Optimise natural-recommendation traffic (short videos, script, product selection).', '先优化自然推荐流量（短视频、话术、选品）。') : null,
  });
  const cv = m.cvrCv ?? m.organicGmvCv;
  const max = m.cvrCv === null ? MAX_ORGANIC_GMV_CV : t.maxCvrCv;
  const unstable = cv > max;
  rows.push({
    id: 'stability',
    name: m.cvrCv === null ? text('Organic GMV stability (no views)', '自然成交稳定性（无观看数）') : text('Organic conversion stability', '自然转化稳定性'),
    status: unstable ? 'fail' : 'pass',
    value: cv,
    threshold: max,
    valueText: same(pct(cv)),
    thresholdText: same(`≤ ${pct(max)}`),
    source: m.cvrCv === null ? text('AdPlan bound for GMV without views', 'AdPlan 对无观看数成交的上限') : defaultSource('max_cvr_cv', given('max_cvr_cv')),
    fix: unstable ? text('Stabilise the room (consistent hosts, schedule and offer).', '先稳定直播间（固定主播、开播时间和货盘）。') : null,
  });
  if (refundRate === null) {
    rows.push(unknown('refunds', text('Refund rate', '退款率'), same(`≤ ${pct(t.maxRefundRate)}`), defaultSource('max_refund_rate', given('max_refund_rate')), text('no refunds in the export and no refund_rate given', '导出中没有退款，也未设定退款率')));
  } else {
    const high = refundRate > t.maxRefundRate;
    rows.push({
      id: 'refunds',
      name: text('Refund rate', '退款率'),
      status: high ? 'fail' : 'pass',
      value: refundRate,
      threshold: t.maxRefundRate,
      valueText: same(pct(refundRate)),
      thresholdText: same(`≤ ${pct(t.maxRefundRate)}`),
      source: defaultSource('max_refund_rate', given('max_refund_rate')),
      fix: high ? text('Reduce refunds (quality, honest descriptions, after-sales).', '先降低退款（品质、如实描述、售后）。') : null,
    });
  }
  if (unitMargin === null) {
    rows.push(unknown('unit_margin', text('Unit margin', '单位贡献率'), same('> 0'), text('unit economics', '单位经济'), text('not judged: unit economics need a complete assumptions table (cogs_rate, cash_available …)', '未判断：单位经济需要完整的假设表（商品成本率、可用资金等）')));
  } else {
    const loss = !(unitMargin > 0);
    rows.push({
      id: 'unit_margin',
      name: text('Unit margin', '单位贡献率'),
      status: loss ? 'fail' : 'pass',
      value: unitMargin,
      threshold: 0,
      valueText: same(unitMargin.toFixed(4)),
      thresholdText: same('> 0'),
      source: text('unit economics (price, costs, fees, refunds)', '单位经济（售价、成本、费用、退款）'),
      fix: loss ? text('Fix prices, costs or refunds so each sale earns a margin.', '调整售价、成本或退款，让每笔成交都有利润。') : null,
    });
  }
  return rows;
}

/** The organic checks in their order. */
export function organicChecks(m: OrganicMeasures, t: OrganicThresholds): ReadinessCheck[] {
  return [
    paidShareCheck(m.paidShare, t),
    stayCheck(m.staySeconds, t),
    uvValueCheck(m.uvValue, t),
    interactionCheck(m.interactionRate, t),
    carrierCheck(m.carrierShares),
    videoSaveCheck(m.videoSaveRate, t),
    videoCompletionCheck(m.videoCompletionRate, t),
    videoGmvCheck(m.videoGmv, m.videoPlays),
  ];
}

/** All checks in order: no base model first, then the organic levers, then stability, refunds, margin. */
export function orderedChecks(base: readonly ReadinessCheck[], organic: readonly ReadinessCheck[]): ReadinessCheck[] {
  const head = base.filter((c) => c.id === 'history_days' || c.id === 'organic_orders');
  const tail = base.filter((c) => c.id !== 'history_days' && c.id !== 'organic_orders');
  return [...head, ...organic, ...tail];
}

