/**
 * A synthetic industry belt for tests and measurements: merchant i of a belt seeded `beltSeed`
 * gets varied true parameters (scale, conversion, AOV, refunds, response curve, cash, costs) and
 * a kind, so every tier shows up. Pure; make-belt.ts writes the files.
 *  - ready:       90–120 days with a budget test (the common case);
 *  - no-paid:     never paid for traffic (assumed curve from paid_roi_initial/saturation_spend);
 *  - thin:        too few organic orders (not ready);
 *  - new:         10 days of history (not ready);
 *  - tight-cash:  little cash for its size (capital-bound);
 *  - thin-margin: high goods cost (little or no profitable paid spend).
 */
import type { AssumptionValues } from '../model/settings';
import { Rng } from '../model/numeric';
import { DEFAULT_PRESETS } from '../model/economics';
import type { MerchantTruth } from '../sample/merchant';

export type BeltKind = 'ready' | 'no-paid' | 'thin' | 'new' | 'tight-cash' | 'thin-margin';

export interface BeltMerchant {
  index: number;
  kind: BeltKind;
  /** generateMerchant(seed, truth). */
  seed: number;
  truth: Partial<MerchantTruth>;
  /** The Base column; Conservative/Aggressive are the default presets over it. */
  base: AssumptionValues;
}

/** Share of each kind, in the order drawn (cumulative). */
const KINDS: readonly [BeltKind, number][] = [
  ['ready', 0.6],
  ['no-paid', 0.1],
  ['thin', 0.08],
  ['new', 0.06],
  ['tight-cash', 0.1],
  ['thin-margin', 0.06],
];

function kindOf(u: number): BeltKind {
  let acc = 0;
  for (const [k, share] of KINDS) {
    acc += share;
    if (u < acc) return k;
  }
  return 'ready';
}

const logUniform = (rng: Rng, lo: number, hi: number): number => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.uniform());
const between = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng.uniform();
// toFixed drops the float noise of step multiples (0.35000000000000003 → 0.35).
const round = (x: number, step: number): number => Number((Math.round(x / step) * step).toFixed(6));

export function beltMerchant(beltSeed: number, index: number): BeltMerchant {
  // One independent stream per merchant: merchant i is the same whatever N is.
  const rng = new Rng((Math.imul(beltSeed | 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) | 0);
  const kind = kindOf(rng.uniform());
  const organicViewsPerDay = kind === 'thin' ? between(rng, 80, 200) : logUniform(rng, 2000, 20000);
  const organicCvr = between(rng, 0.006, 0.02);
  const aov = round(logUniform(rng, 40, 300), 1);
  const refundRate = between(rng, 0.08, 0.4);
  const organicGmv = organicViewsPerDay * organicCvr * aov;
  const k = Math.max(100, round(organicGmv * between(rng, 0.08, 0.3), 10));
  const initialRoi = between(rng, 4, 10);
  const days = kind === 'new' ? 10 : 90 + Math.floor(rng.uniform() * 31);
  const truth: Partial<MerchantTruth> = {
    days,
    organicViewsPerDay,
    organicCvr,
    aov,
    refundRate,
    curve: { gmax: round(k * initialRoi, 10), k, a: round(between(rng, 0.7, 1.3), 0.05) },
    spend:
      kind === 'no-paid'
        ? null
        : {
            pattern: rng.uniform() < 0.7 ? 'sweep' : 'walk',
            startDay: kind === 'new' ? 3 : Math.floor(days * between(rng, 0.3, 0.6)),
            lowMultiple: 0.25,
            highMultiple: between(rng, 2, 4),
            stepSd: 0.15,
            pauseProbability: 0.05,
          },
  };
  const cashDays = kind === 'tight-cash' ? between(rng, 2, 6) : between(rng, 25, 90);
  const base: AssumptionValues = {
    cogs_rate: kind === 'thin-margin' ? round(between(rng, 0.6, 0.7), 0.01) : round(between(rng, 0.25, 0.45), 0.01),
    fee_rate: 0.05,
    shipping_per_order: round(between(rng, 3, 8), 0.5),
    return_shipping: 6,
    resale_rate: 0.8,
    fixed_cost_per_day: round(organicGmv * between(rng, 0.02, 0.08), 10),
    cash_available: round(k * cashDays, 1000) || 1000,
    cash_reserve: round(k * cashDays * 0.1, 100),
    settlement_days: [7, 10, 15, 15, 20][Math.floor(rng.uniform() * 5)] ?? 15,
    prepay_days: 1,
    inventory_days: Math.floor(rng.uniform() * 8),
    horizon_days: 90,
    // Used only when the history has no usable paid response (never paid, or too narrow a band).
    paid_roi_initial: round(between(rng, 3, 9), 0.1),
    saturation_spend: k,
  };
  return { index, kind, seed: (beltSeed * 100_003 + index) | 0, truth, base };
}

/** Assumptions sheet cells: key | Base | presets (blank = inherit Base). */
export function beltAssumptionCells(base: AssumptionValues): (string | number | null)[][] {
  const presets = DEFAULT_PRESETS.filter((p) => p.name !== 'Base');
  const basePreset = DEFAULT_PRESETS.find((p) => p.name === 'Base')?.values ?? {};
  const baseValues: AssumptionValues = { ...basePreset, ...base };
  const keys = [...new Set([...Object.keys(baseValues), ...presets.flatMap((p) => Object.keys(p.values))])] as (keyof AssumptionValues)[];
  return [
    ['key', 'Base', ...presets.map((p) => p.name)],
    ...keys.map((key) => [key, baseValues[key] ?? null, ...presets.map((p) => p.values[key] ?? null)]),
  ];
}
