/**
 * The assumption keys (docs/data.md "Assumptions table"): one registry that the reader, the engine,
 * the functions and the task pane all use, so a key, its label, unit, range and default are
 * said once.
 */

export type AssumptionUnit =
  | 'rate' // fraction, 0.05 = 5 %
  | 'rate_per_day' // fraction per day, may be negative
  | 'money' // sheet currency
  | 'days' // whole days
  | 'orders' // orders per day
  | 'ratio' // a multiple (ROI, extrapolation factor)
  | 'sd' // a standard deviation on the log scale
  | 'seconds' // a duration in seconds
  | 'choice'; // one of `choices`, stored as its index (the table may say the name)

export interface AssumptionSpec {
  key: AssumptionKey;
  zh: string;
  en: string;
  unit: AssumptionUnit;
  /** null: no fixed default (required, derived from history, or "no limit"; see `whenMissing`). */
  default: number | null;
  /** 'category': the practitioner default of the `category` key (readiness benchmarks), else unknown. */
  whenMissing: 'default' | 'required' | 'history' | 'unlimited' | 'derived' | 'estimated' | 'category';
  min: number;
  max: number;
  /** Whole numbers only (days). */
  integer?: boolean;
  /** min is exclusive (e.g. AOV > 0). */
  minExclusive?: boolean;
  /** unit 'choice': the names (value = index), with zh-CN labels. */
  choices?: readonly AssumptionChoice[];
  /** A readiness practitioner benchmark: each readiness check names it as its source; it never moves a plan number. */
  benchmark?: boolean;
}

export interface AssumptionChoice {
  name: string;
  zh: string;
}

export const ASSUMPTION_KEYS = [
  'cogs_rate',
  'refund_rate',
  'fee_rate',
  'commission_rate',
  'shipping_per_order',
  'return_shipping',
  'resale_rate',
  'aov',
  'fixed_cost_per_day',
  'cash_available',
  'cash_reserve',
  'settlement_days',
  'prepay_days',
  'inventory_days',
  'capacity_orders_per_day',
  'max_daily_spend',
  'ramp_rate',
  'start_spend',
  'safety_margin',
  'max_extrapolation',
  'lift_lambda',
  'lift_theta',
  'organic_drift',
  'horizon_days',
  'baseline_days',
  'paid_roi_initial',
  'saturation_spend',
  'min_days',
  'max_cvr_cv',
  'max_refund_rate',
  'min_orders_per_day',
  'curve_uncertainty',
  'daily_noise',
  'curve_basis',
  'uni_roi_scope',
  'grant_share',
  'refund_1h_rate',
  'event_plan',
  'event_stock_days',
  'delivery_mode',
  'target_rule',
  'platform_suggested_roi',
  'event_handling',
  'category',
  'paid_share_warn',
  'paid_share_severe',
  'stay_benchmark',
  'stay_gap_warn',
  'stay_gap_severe',
  'uv_value_benchmark',
  'uv_value_ratio',
  'min_interaction_rate',
  'min_video_save_rate',
  'min_video_completion_rate',
] as const;

export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

const BIG = 1e12;

export const CURVE_BASIS_CHOICES: readonly AssumptionChoice[] = [
  { name: 'auto', zh: '自动' },
  { name: 'direct', zh: '直接成交' },
  { name: 'whole-room', zh: '整体' },
];
/** How the fits treat event days (order = the stored code: 0 model, 1 exclude, 2 ignore). */
export const EVENT_HANDLING_CHOICES: readonly AssumptionChoice[] = [
  { name: 'model', zh: '建模' },
  { name: 'exclude', zh: '剔除' },
  { name: 'ignore', zh: '忽略' },
];
export const ROI_SCOPE_CHOICES: readonly AssumptionChoice[] = [
  { name: 'room', zh: '整体' },
  { name: 'attributed', zh: '归因' },
];

/** Which event windows change a plan: the user's (confirmed) only, the built-in calendar too, or none. */
export const EVENT_PLAN_CHOICES: readonly AssumptionChoice[] = [
  { name: 'confirmed', zh: '仅已确认' },
  { name: 'all', zh: '含内置日历' },
  { name: 'none', zh: '不调整' },
];
export const DELIVERY_MODE_CHOICES: readonly AssumptionChoice[] = [
  { name: 'cost', zh: '控成本' },
  { name: 'volume', zh: '放量' },
];
export const TARGET_RULE_CHOICES: readonly AssumptionChoice[] = [
  { name: 'profit', zh: '利润优先' },
  { name: 'sustainable', zh: '可持续消耗' },
];

/** The merchant's category: it picks the readiness benchmarks (docs/model.md "Readiness v2"). */
export const CATEGORY_CHOICES: readonly AssumptionChoice[] = [
  { name: 'apparel', zh: '服饰' },
  { name: 'food', zh: '食品' },
  { name: 'beauty', zh: '美妆' },
  { name: 'home', zh: '家居' },
  { name: 'daily', zh: '日用' },
  { name: 'other', zh: '其他' },
];

function spec(
  key: AssumptionKey,
  zh: string,
  en: string,
  unit: AssumptionUnit,
  def: number | null,
  whenMissing: AssumptionSpec['whenMissing'],
  min: number,
  max: number,
  extra: Partial<Pick<AssumptionSpec, 'integer' | 'minExclusive' | 'choices' | 'benchmark'>> = {},
): AssumptionSpec {
  return { key, zh, en, unit, default: def, whenMissing, min, max, ...extra };
}

/**
 * Labelled category defaults for the assumed response curve, used when the data cannot identify
 * the curve and the table leaves paid_roi_initial / saturation_spend blank: an initial
 * (incremental) ROI typical of live-commerce 千川 rooms, and half-saturation at the largest daily
 * spend seen (the room shows no saturation inside its own evidence). Every plan on them says so.
 */
export const CATEGORY_CURVE = { paidRoiInitial: 4, saturationOfMaxSpend: 1 } as const;

export const ASSUMPTIONS: Readonly<Record<AssumptionKey, AssumptionSpec>> = {
  cogs_rate: spec('cogs_rate', '商品成本率', 'Cost of goods (share of price)', 'rate', null, 'required', 0, 1),
  refund_rate: spec('refund_rate', '退款率', 'Refund rate', 'rate', null, 'history', 0, 0.99),
  fee_rate: spec('fee_rate', '技术服务费率', 'Platform service fee rate', 'rate', 0.05, 'default', 0, 1),
  commission_rate: spec('commission_rate', '达人佣金率', 'Creator commission rate', 'rate', 0, 'default', 0, 1),
  shipping_per_order: spec('shipping_per_order', '单均运费', 'Shipping per order', 'money', 0, 'default', 0, BIG),
  return_shipping: spec('return_shipping', '退货运费', 'Return shipping per refunded order', 'money', 0, 'default', 0, BIG),
  resale_rate: spec('resale_rate', '退货可再售比例', 'Share of returns resold', 'rate', 0.8, 'default', 0, 1),
  aov: spec('aov', '客单价', 'Average order value', 'money', null, 'history', 0, BIG, { minExclusive: true }),
  fixed_cost_per_day: spec('fixed_cost_per_day', '日固定成本', 'Fixed cost per day', 'money', 0, 'default', 0, BIG),
  cash_available: spec('cash_available', '可用资金', 'Cash available', 'money', null, 'required', 0, BIG),
  cash_reserve: spec('cash_reserve', '最低现金储备', 'Minimum cash reserve', 'money', 0, 'default', 0, BIG),
  settlement_days: spec('settlement_days', '回款周期（天）', 'Settlement lag (days)', 'days', 15, 'default', 0, 120, { integer: true }),
  prepay_days: spec('prepay_days', '广告预充值天数', 'Ad top-up lead (days)', 'days', 1, 'default', 0, 60, { integer: true }),
  inventory_days: spec('inventory_days', '备货提前天数', 'Inventory lead (days)', 'days', 0, 'default', 0, 180, { integer: true }),
  capacity_orders_per_day: spec('capacity_orders_per_day', '日发货与售后能力（单）', 'Fulfilment capacity (orders/day)', 'orders', null, 'unlimited', 0, BIG, { minExclusive: true }),
  max_daily_spend: spec('max_daily_spend', '日预算上限', 'Daily budget cap', 'money', null, 'unlimited', 0, BIG),
  ramp_rate: spec('ramp_rate', '日预算最大增幅', 'Max daily budget increase', 'rate', 0.2, 'default', 0, 10, { minExclusive: true }),
  start_spend: spec('start_spend', '起始日预算', 'Starting daily budget', 'money', null, 'derived', 0, BIG),
  safety_margin: spec('safety_margin', '安全边际', 'Safety margin', 'rate', 0.15, 'default', 0, 5),
  max_extrapolation: spec('max_extrapolation', '最大外推倍数', 'Max extrapolation (× largest observed spend)', 'ratio', 2, 'default', 1, 100),
  lift_lambda: spec('lift_lambda', '自然流撬动系数', 'Organic lift (λ)', 'ratio', null, 'estimated', 0, 10),
  lift_theta: spec('lift_theta', '撬动衰减', 'Lift carry-over (θ)', 'rate', null, 'estimated', 0, 0.99),
  organic_drift: spec('organic_drift', '自然流日变化率', 'Organic drift per day', 'rate_per_day', 0, 'default', -0.2, 0.2),
  horizon_days: spec('horizon_days', '计划天数', 'Plan horizon (days)', 'days', 90, 'default', 1, 730, { integer: true }),
  baseline_days: spec('baseline_days', '基线天数', 'Baseline window (days)', 'days', 28, 'default', 1, 3650, { integer: true }),
  paid_roi_initial: spec('paid_roi_initial', '初始投产比', 'Initial paid ROI (no paid history)', 'ratio', null, 'required', 0, BIG, { minExclusive: true }),
  saturation_spend: spec('saturation_spend', '饱和日消耗', 'Half-saturation daily spend', 'money', null, 'required', 0, BIG, { minExclusive: true }),
  min_days: spec('min_days', '准备度-最少天数', 'Readiness: minimum days', 'days', 14, 'default', 1, 3650, { integer: true }),
  max_cvr_cv: spec('max_cvr_cv', '准备度-转化率波动上限', 'Readiness: max CVR variation', 'ratio', 0.35, 'default', 0, 100),
  max_refund_rate: spec('max_refund_rate', '准备度-退款率上限', 'Readiness: max refund rate', 'rate', 0.5, 'default', 0, 1),
  min_orders_per_day: spec('min_orders_per_day', '准备度-日均自然订单下限', 'Readiness: min organic orders/day', 'orders', 3, 'default', 0, BIG),
  curve_uncertainty: spec('curve_uncertainty', '曲线不确定度', 'Curve uncertainty (log sd)', 'sd', null, 'estimated', 0, 5),
  daily_noise: spec('daily_noise', '日波动', 'Daily noise (log sd)', 'sd', 0.15, 'default', 0, 5),
  // docs/model.md (全域). curve_basis auto: whole-room when the history has spend without a paid measure.
  curve_basis: spec('curve_basis', '曲线口径', 'Curve basis (auto / direct / whole-room)', 'choice', 0, 'default', 0, 2, { integer: true, choices: CURVE_BASIS_CHOICES }),
  uni_roi_scope: spec('uni_roi_scope', '全域ROI口径', '全域 ROI scope (room / attributed)', 'choice', 0, 'default', 0, 1, { integer: true, choices: ROI_SCOPE_CHOICES }),
  grant_share: spec('grant_share', '赠款占比', 'Share of spend paid from grants (no cash)', 'rate', 0, 'default', 0, 1),
  refund_1h_rate: spec('refund_1h_rate', '1小时内退款率', '1-hour refund rate (净成交 basis)', 'rate', null, 'history', 0, 0.99),
  // 大促 (docs/model.md "Plans through event windows"): built-in windows are flagged, planned only on request.
  event_plan: spec('event_plan', '大促计划口径', 'Event windows planned (confirmed / all / none)', 'choice', 0, 'default', 0, 2, { integer: true, choices: EVENT_PLAN_CHOICES }),
  event_stock_days: spec('event_stock_days', '大促备货提前天数', 'Event stock-up lead (days before the window)', 'days', 14, 'default', 0, 180, { integer: true }),
  // 全域 target decision (docs/model.md "The target table"): 控成本 budget is a cap, 放量 budget is the spend.
  delivery_mode: spec('delivery_mode', '投放模式', 'Delivery mode (cost = 控成本 / volume = 放量)', 'choice', 0, 'default', 0, 1, { integer: true, choices: DELIVERY_MODE_CHOICES }),
  target_rule: spec('target_rule', '目标推荐规则', 'Target rule (profit / sustainable)', 'choice', 0, 'default', 0, 1, { integer: true, choices: TARGET_RULE_CHOICES }),
  platform_suggested_roi: spec('platform_suggested_roi', '平台建议净成交ROI', "Platform's suggested 净成交ROI target", 'ratio', null, 'unlimited', 0, 1000, { minExclusive: true }),
  // Event days in the fits: model (a multiplier per phase), exclude (left out), ignore (normal days).
  event_handling: spec('event_handling', '活动日处理', 'Event days in the fits (model / exclude / ignore)', 'choice', 0, 'default', 0, 2, { integer: true, choices: EVENT_HANDLING_CHOICES }),
  // Readiness v2: practitioner defaults without stated provenance (docs/model.md), every one overridable.
  category: spec('category', '商品类目', 'Category (picks the readiness benchmarks)', 'choice', 5, 'default', 0, 5, { integer: true, choices: CATEGORY_CHOICES , benchmark: true }),
  paid_share_warn: spec('paid_share_warn', '准备度-付费流量占比警戒', 'Readiness: paid share of traffic, warn above', 'rate', 0.5, 'default', 0, 1, { benchmark: true }),
  paid_share_severe: spec('paid_share_severe', '准备度-付费流量占比上限', 'Readiness: paid share of traffic, severe above', 'rate', 0.7, 'default', 0, 1, { benchmark: true }),
  stay_benchmark: spec('stay_benchmark', '准备度-人均观看时长基准（秒）', 'Readiness: average stay benchmark (s)', 'seconds', null, 'category', 0, 3600, { minExclusive: true , benchmark: true }),
  stay_gap_warn: spec('stay_gap_warn', '准备度-观看时长低于基准警戒', 'Readiness: stay below benchmark, warn beyond', 'rate', 0.1, 'default', 0, 1, { benchmark: true }),
  stay_gap_severe: spec('stay_gap_severe', '准备度-观看时长低于基准上限', 'Readiness: stay below benchmark, severe beyond', 'rate', 0.3, 'default', 0, 1, { benchmark: true }),
  uv_value_benchmark: spec('uv_value_benchmark', '准备度-UV价值基准', 'Readiness: UV value benchmark (GMV per viewer)', 'money', null, 'category', 0, BIG, { minExclusive: true , benchmark: true }),
  uv_value_ratio: spec('uv_value_ratio', '准备度-UV价值最低倍数', 'Readiness: UV value, min share of benchmark', 'rate', 0.75, 'default', 0, 1, { benchmark: true }),
  min_interaction_rate: spec('min_interaction_rate', '准备度-互动率下限', 'Readiness: min interaction rate (comments / views)', 'rate', 0.03, 'default', 0, 1, { benchmark: true }),
  min_video_save_rate: spec('min_video_save_rate', '准备度-短视频收藏率下限', 'Readiness: min short-video save rate', 'rate', 0.05, 'default', 0, 1, { benchmark: true }),
  min_video_completion_rate: spec('min_video_completion_rate', '准备度-短视频完播率下限', 'Readiness: min short-video completion rate', 'rate', 0.6, 'default', 0, 1, { benchmark: true }),
};

/** Choice names of a choice key, or null when the key is numeric. */
export function choiceName(key: AssumptionKey, value: number): string | null {
  return ASSUMPTIONS[key].choices?.[value]?.name ?? null;
}

/**
 * One scenario's values as the user gave them (after inheritance from the first column).
 * A key absent from the map was not given: the engine applies `whenMissing`.
 */
export type AssumptionValues = Partial<Record<AssumptionKey, number>>;

export interface Scenario {
  name: string;
  values: AssumptionValues;
}
