/**
 * Scenarios (docs/model.md): one value column of the assumptions table resolved into the full set
 * of numbers the engine needs, applying each key's `whenMissing` from the ASSUMPTIONS registry.
 */
import { text } from '../../i18n/text';
import {
  ASSUMPTIONS,
  ASSUMPTION_KEYS,
  type AssumptionKey,
  type AssumptionValues,
  type Scenario,
} from '../settings';
import type { UnitEconomics } from './economics';
import { checkAssumption } from '../settings';
import { AdplanError } from '../core';
import { missingInputs, missingInputsText } from '../settings';

/** Keys that may stay null after resolution: "no limit", "derived", "estimated", or needed only without paid history. */
export type OptionalKey =
  | 'refund_1h_rate'
  | 'capacity_orders_per_day'
  | 'max_daily_spend'
  | 'start_spend'
  | 'lift_lambda'
  | 'lift_theta'
  | 'curve_uncertainty'
  | 'paid_roi_initial'
  | 'saturation_spend'
  | 'platform_suggested_roi';

export type ResolvedAssumptions = { readonly [K in Exclude<AssumptionKey, OptionalKey>]: number } & {
  readonly [K in OptionalKey]: number | null;
};

/** What history supplies for `whenMissing: 'history'` keys. */
export interface HistoryDefaults {
  refundRate: number | null;
  aov: number | null;
  /** 1-hour refund share of GMV from 1小时内退款率 / 净成交金额; absent or null: not exported. */
  refund1hRate?: number | null;
}

const OPTIONAL: ReadonlySet<AssumptionKey> = new Set<AssumptionKey>([
  'refund_1h_rate',
  'capacity_orders_per_day',
  'max_daily_spend',
  'start_spend',
  'lift_lambda',
  'lift_theta',
  'curve_uncertainty',
  'paid_roi_initial',
  'saturation_spend',
  'platform_suggested_roi',
]);

function missing(key: AssumptionKey, why: string, whyZh: string): AdplanError {
  const s = ASSUMPTIONS[key];
  return new AdplanError(
    'input',
    text(
      `Assumption ${key} (${s.en}) is required${why}: add it to the assumptions table.`,
      `缺少假设“${s.zh}”${whyZh}：请在假设表中填写。`,
    ),
    key,
  );
}

export { checkAssumption } from '../settings';

/**
 * Resolve one scenario. Required keys missing ⇒ AdplanError('input') naming the key and its
 * zh-CN label; `history` keys fall back to the baseline, then are required.
 */
export function resolveAssumptions(values: AssumptionValues, fromHistory: HistoryDefaults): ResolvedAssumptions {
  // Everything still missing, said at once (not one key per attempt).
  const lacking = missingInputs(values, fromHistory);
  if (lacking.length > 0) throw new AdplanError('input', missingInputsText(lacking), lacking[0]!.key);
  const out: Partial<Record<AssumptionKey, number | null>> = {};
  for (const key of ASSUMPTION_KEYS) {
    const given = values[key];
    if (given !== undefined && given !== null) {
      out[key] = checkAssumption(key, given);
      continue;
    }
    const s = ASSUMPTIONS[key];
    switch (s.whenMissing) {
      case 'default':
        out[key] = s.default;
        break;
      case 'history': {
        const h = key === 'refund_rate' ? fromHistory.refundRate : key === 'aov' ? fromHistory.aov : key === 'refund_1h_rate' ? (fromHistory.refund1hRate ?? null) : null;
        if (h === null && OPTIONAL.has(key)) {
          out[key] = null;
          break;
        }
        if (h === null || !Number.isFinite(h) || (key === 'aov' && !(h > 0))) {
          throw missing(key, ' (the history does not supply it)', '(历史数据无法提供)');
        }
        out[key] = key === 'refund_rate' || key === 'refund_1h_rate' ? Math.min(h, ASSUMPTIONS[key].max) : h;
        break;
      }
      case 'required':
        if (!OPTIONAL.has(key)) throw missing(key, '', '');
        out[key] = null;
        break;
      default:
        out[key] = null;
    }
  }
  if ((out.cash_reserve ?? 0) > (out.cash_available ?? 0)) {
    throw new AdplanError(
      'input',
      text(
        `cash_reserve (${String(out.cash_reserve)}) is above cash_available (${String(out.cash_available)}): the plan would start short of cash.`,
        `最低现金储备（${String(out.cash_reserve)}）高于可用资金（${String(out.cash_available)}）：计划一开始就资金不足。`,
      ),
      'cash_reserve',
    );
  }
  return out as ResolvedAssumptions;
}

/** The unit-economics inputs of a resolved scenario. */
export function unitEconomicsOf(r: ResolvedAssumptions): UnitEconomics {
  return {
    cogsRate: r.cogs_rate,
    refundRate: r.refund_rate,
    feeRate: r.fee_rate,
    commissionRate: r.commission_rate,
    shippingPerOrder: r.shipping_per_order,
    returnShipping: r.return_shipping,
    resaleRate: r.resale_rate,
    aov: r.aov,
  };
}

/** A blank in a later column takes the first column's value (the reader does this too; idempotent). */
export function inheritScenarios(scenarios: readonly Scenario[]): Scenario[] {
  const first = scenarios[0];
  if (!first) return [];
  return scenarios.map((s, i) => (i === 0 ? s : { name: s.name, values: { ...first.values, ...definedOnly(s.values) } }));
}

function definedOnly(v: AssumptionValues): AssumptionValues {
  const out: AssumptionValues = {};
  for (const k of ASSUMPTION_KEYS) {
    const x = v[k];
    if (x !== undefined && x !== null) out[k] = x;
  }
  return out;
}

/**
 * The presets a table created by the add-in starts with (merchant-specific keys such as
 * cogs_rate and cash_available are left for the user). Base uses the registry defaults and the
 * estimated lift; Conservative asks more margin, ramps slower, assumes no organic lift, a slowly
 * eroding organic base and little extrapolation; Aggressive the opposite. See docs/model.md.
 */
export const DEFAULT_PRESETS: readonly Scenario[] = [
  {
    name: 'Base',
    values: { safety_margin: 0.15, ramp_rate: 0.2, organic_drift: 0, max_extrapolation: 2 },
  },
  {
    name: 'Conservative',
    values: { safety_margin: 0.3, ramp_rate: 0.1, lift_lambda: 0, lift_theta: 0, organic_drift: -0.002, max_extrapolation: 1.5 },
  },
  {
    name: 'Aggressive',
    values: { safety_margin: 0.05, ramp_rate: 0.35, organic_drift: 0.001, max_extrapolation: 3 },
  },
];

/**
 * 大促冲刺 (event push): plans every event window in the horizon, the built-in calendar's included
 * (event_plan all), with the Aggressive preset's margin and ramp and two weeks' stock-up. Offered
 * beside the three presets; see docs/model.md "Plans through event windows".
 */
export const EVENT_PRESET: Scenario = {
  name: 'Event push',
  values: { event_plan: 1, event_stock_days: 14, safety_margin: 0.05, ramp_rate: 0.35, organic_drift: 0, max_extrapolation: 2.5 },
};

/** Lists scenario names for a lookup error. */
export function unknownScenario(name: string, valid: readonly string[]): AdplanError {
  const list = valid.join(', ');
  return new AdplanError(
    'lookup',
    text(`Unknown scenario "${name}". Valid scenarios: ${list}.`, `未知方案“${name}”。可用方案：${list}。`),
    'scenario',
  );
}
