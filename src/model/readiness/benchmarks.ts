/**
 * The benchmarks readiness v2 compares a room with: practitioner defaults per category, every one
 * an assumption key the merchant may override (docs/model.md "Readiness v2"). They have no stated
 * provenance, so each check says where its threshold came from.
 */
import { text, type Text } from '../../i18n/text';
import { ASSUMPTIONS, CATEGORY_CHOICES, type AssumptionKey, type AssumptionValues } from '../settings';
import { valueOrDefault, checkAssumption } from '../settings';

export type Category = 'apparel' | 'food' | 'beauty' | 'home' | 'daily' | 'other';

/** Average stay (人均观看时长, seconds) a provider expects of a room in each category. */
export const STAY_SECONDS: Readonly<Record<Category, number>> = {
  apparel: 58,
  food: 46,
  beauty: 63,
  home: 61,
  daily: 42,
  other: 55,
};

/**
 * UV value (GMV per viewer) per category: no practitioner figure is known, so none is built in;
 * the UV check is "unknown" until the merchant sets uv_value_benchmark (never a guess).
 */
export const UV_VALUE: Readonly<Record<Category, number | null>> = {
  apparel: null,
  food: null,
  beauty: null,
  home: null,
  daily: null,
  other: null,
};

/** A threshold and where it came from. */
export interface Sourced {
  value: number;
  key: AssumptionKey;
  /** 'given': the merchant's own value; 'default': the registry's; 'category': the category's practitioner default. */
  from: 'given' | 'default' | 'category';
}

export interface OrganicThresholds {
  category: Category;
  categoryLabel: Text;
  paidShareWarn: Sourced;
  paidShareSevere: Sourced;
  stayBenchmark: Sourced;
  stayGapWarn: Sourced;
  stayGapSevere: Sourced;
  /** null: no benchmark (the check is unknown). */
  uvValueBenchmark: Sourced | null;
  uvValueRatio: Sourced;
  minInteractionRate: Sourced;
  minVideoSaveRate: Sourced;
  minVideoCompletionRate: Sourced;
}

export function categoryOf(v: AssumptionValues): Category {
  const i = valueOrDefault('category', v.category);
  return (CATEGORY_CHOICES[i]?.name ?? 'other') as Category;
}

export function categoryLabel(c: Category): Text {
  const choice = CATEGORY_CHOICES.find((x) => x.name === c);
  const zh = choice?.zh ?? '其他';
  return text(c === 'other' ? 'other categories' : zh, zh);
}

function sourced(key: AssumptionKey, given: number | undefined): Sourced {
  return given === undefined ? { value: valueOrDefault(key, undefined), key, from: 'default' } : { value: checkAssumption(key, given), key, from: 'given' };
}

function byCategory(key: AssumptionKey, given: number | undefined, fallback: number | null): Sourced | null {
  if (given !== undefined) return { value: checkAssumption(key, given), key, from: 'given' };
  return fallback === null ? null : { value: fallback, key, from: 'category' };
}

/** A scenario's organic thresholds: its own values (checked), else the defaults of its category. */
export function organicThresholdsOf(v: AssumptionValues): OrganicThresholds {
  const category = categoryOf(v);
  return {
    category,
    categoryLabel: categoryLabel(category),
    paidShareWarn: sourced('paid_share_warn', v.paid_share_warn),
    paidShareSevere: sourced('paid_share_severe', v.paid_share_severe),
    stayBenchmark: byCategory('stay_benchmark', v.stay_benchmark, STAY_SECONDS[category]) as Sourced,
    stayGapWarn: sourced('stay_gap_warn', v.stay_gap_warn),
    stayGapSevere: sourced('stay_gap_severe', v.stay_gap_severe),
    uvValueBenchmark: byCategory('uv_value_benchmark', v.uv_value_benchmark, UV_VALUE[category]),
    uvValueRatio: sourced('uv_value_ratio', v.uv_value_ratio),
    minInteractionRate: sourced('min_interaction_rate', v.min_interaction_rate),
    minVideoSaveRate: sourced('min_video_save_rate', v.min_video_save_rate),
    minVideoCompletionRate: sourced('min_video_completion_rate', v.min_video_completion_rate),
  };
}

/** Where a threshold came from, in words (the key named so the merchant can override it). */
export function sourceText(s: Sourced, category: Text): Text {
  const k = s.key;
  const zh = ASSUMPTIONS[k].zh;
  if (s.from === 'given') return text(`your value (${k})`, `你的设定（${zh}）`);
  if (s.from === 'category') {
    return text(
      `practitioner default for ${category['en-US']}, no stated provenance (override: ${k})`,
      `从业者经验值（${category['zh-CN']}），无公开出处（可改：${zh}）`,
    );
  }
  return text(`practitioner default, no stated provenance (override: ${k})`, `从业者经验值，无公开出处（可改：${zh}）`);
}
