/**
 * Readiness v2: each check fires exactly when its measured value crosses its threshold
 * (properties over random values and thresholds), names value, threshold and source in both
 * languages, says "unknown" without the measure, and leaves a merchant without the new exports
 * with today's readiness.
 */
import fc from 'fast-check';
import type { AssumptionValues } from '../../src/model/settings';
import { analyse, buildPlanReport, readinessOf } from '../../src/model/engine';
import { carrierBase } from '../../src/model/fit';
import type { DayRecord, History } from '../../src/model/core';
import { assessReadiness, thresholdsOf } from '../../src/model/readiness';
import { organicThresholdsOf, STAY_SECONDS } from '../../src/model/readiness';
import {
  fires,
  measuredOrganic,
  interactionCheck,
  paidShareCheck,
  stayCheck,
  uvValueCheck,
  verdictOf,
  videoCompletionCheck,
  videoGmvCheck,
  videoSaveCheck,
} from '../../src/model/readiness';
import type { ReadinessCheck } from '../../src/model/report';
import { generateMerchant } from '../../src/sample/merchant';
import { classify } from '../../src/portfolio/tiers';

const rate = fc.double({ min: 0, max: 1, noNaN: true });
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Both languages carry the value and the threshold text, and the source names its key. */
function speaksBoth(c: ReadinessCheck, key: string, zhKey: string): void {
  for (const lang of ['en-US', 'zh-CN'] as const) {
    expect(c.valueText[lang].length).toBeGreaterThan(0);
    expect(c.thresholdText[lang].length).toBeGreaterThan(0);
  }
  expect(c.source['en-US']).toContain(key);
  expect(c.source['zh-CN']).toContain(zhKey);
  expect(c.source['en-US']).toMatch(/practitioner default|your value/u);
  expect(c.source['zh-CN']).toMatch(/从业者经验值|你的设定/u);
}

describe('each check fires exactly when its value crosses its threshold', () => {
  it('paid share: warn above paid_share_warn, severe above paid_share_severe', () => {
    fc.assert(
      fc.property(rate, rate, rate, (share, a, b) => {
        const [warn, severe] = a <= b ? [a, b] : [b, a];
        const c = paidShareCheck({ value: share, basis: 'viewers', days: 7 }, organicThresholdsOf({ paid_share_warn: warn, paid_share_severe: severe }));
        expect(fires(c)).toBe(share > warn);
        expect(c.status === 'fail').toBe(share > severe);
        expect(c.value).toBe(share);
        expect(c.threshold).toBe(warn);
        expect(c.valueText['en-US']).toContain(pct(share));
        expect(c.valueText['zh-CN']).toContain(pct(share));
        expect(c.thresholdText['zh-CN']).toContain(pct(warn));
        expect(c.fix === null).toBe(!fires(c));
      }),
    );
  });

  it('stay: below the category benchmark by more than stay_gap_warn (severe beyond stay_gap_severe)', () => {
    const categories = [0, 1, 2, 3, 4, 5];
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.constantFrom(...categories), fc.double({ min: 0, max: 0.5, noNaN: true }), (stay, cat, gap) => {
        const t = organicThresholdsOf({ category: cat, stay_gap_warn: gap, stay_gap_severe: Math.min(1, gap + 0.2) });
        const b = t.stayBenchmark.value;
        const c = stayCheck(stay, t);
        expect(fires(c)).toBe(stay < b * (1 - gap));
        expect(c.status === 'fail').toBe(stay < b * (1 - Math.min(1, gap + 0.2)));
        expect(c.valueText['en-US']).toContain(`${Math.round(stay * 10) / 10} s`);
        expect(c.valueText['zh-CN']).toContain(`${Math.round(stay * 10) / 10} 秒`);
        speaksBoth(c, 'stay_benchmark', '人均观看时长基准');
      }),
    );
  });

  it('UV value: below uv_value_ratio × uv_value_benchmark; no benchmark ⇒ unknown', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 50, noNaN: true }), rate, (uv, bench, ratio) => {
        const c = uvValueCheck(uv, organicThresholdsOf({ uv_value_benchmark: bench, uv_value_ratio: ratio }));
        expect(fires(c)).toBe(uv < ratio * bench);
        expect(c.threshold).toBeCloseTo(ratio * bench, 12);
        speaksBoth(c, 'uv_value_benchmark', 'UV价值基准');
        expect(uvValueCheck(uv, organicThresholdsOf({})).status).toBe('unknown');
      }),
    );
  });

  it('interaction, save and completion rates: below their minimum', () => {
    fc.assert(
      fc.property(rate, rate, (v, min) => {
        const cases = [
          [interactionCheck(v, organicThresholdsOf({ min_interaction_rate: min })), 'min_interaction_rate', '互动率下限'],
          [videoSaveCheck(v, organicThresholdsOf({ min_video_save_rate: min })), 'min_video_save_rate', '短视频收藏率下限'],
          [videoCompletionCheck(v, organicThresholdsOf({ min_video_completion_rate: min })), 'min_video_completion_rate', '短视频完播率下限'],
        ] as const;
        for (const [c, key, zh] of cases) {
          expect(fires(c)).toBe(v < min);
          expect(c.valueText['en-US']).toBe(pct(v));
          expect(c.thresholdText['zh-CN']).toBe(`≥ ${pct(min)}`);
          speaksBoth(c, key, zh);
        }
      }),
    );
  });

  it('short-video GMV: fires when videos are played but sell nothing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.nat(), (gmv, plays) => {
        expect(fires(videoGmvCheck(gmv, plays))).toBe(gmv === 0 && plays > 0);
      }),
    );
  });

  it('a missing measure is unknown and never fires', () => {
    const t = organicThresholdsOf({});
    for (const c of [paidShareCheck(null, t), stayCheck(null, t), interactionCheck(null, t), videoSaveCheck(null, t), videoCompletionCheck(null, t), videoGmvCheck(null, null)]) {
      expect(c.status).toBe('unknown');
      expect(c.valueText).toEqual({ 'en-US': 'unknown', 'zh-CN': '未知' });
    }
  });

  it('the category benchmarks are FIELD.md §6 practitioner values', () => {
    expect(STAY_SECONDS).toEqual({ apparel: 58, food: 46, beauty: 63, home: 61, daily: 42, other: 55 });
    expect(organicThresholdsOf({}).category).toBe('other');
    expect(organicThresholdsOf({ category: 1 }).stayBenchmark).toEqual({ value: 46, key: 'stay_benchmark', from: 'category' });
    expect(organicThresholdsOf({ category: 1, stay_benchmark: 50 }).stayBenchmark.from).toBe('given');
  });
});

/** A seeded merchant with content measures of known truth: stay s seconds and paid share p every day. */
function withOrganic(history: History, stay: number, paid: number): History {
  const days: DayRecord[] = history.days.map((d) => ({
    ...d,
    traffic: [
      { channel: '推荐feed', class: 'natural', viewers: Math.round(1000 * (1 - paid)), views: null, gmv: null },
      { channel: '千川PC版', class: 'paid', viewers: Math.round(1000 * paid), views: null, gmv: null },
    ],
    content: { viewers: 1000, views: 1500, staySeconds: stay, comments: 60, likes: 300, newFollowers: 10, exposureViewRate: null, productClickRate: null, clickOrderRate: null, uvValue: null, gpm: null },
  }));
  return { ...history, days };
}

describe('seeded merchants', () => {
  const { history } = generateMerchant(7);

  it('without the new exports: today\'s readiness, unchanged, and every organic check unknown', () => {
    const a = analyse(history);
    const r = readinessOf(a, null);
    const today = assessReadiness(a.baseline, thresholdsOf({}), a.baseline.refundRate, null);
    expect({ ready: r.ready, reasons: r.reasons, notes: r.notes, fixFirst: r.fixFirst }).toEqual(today);
    const organic = (r.checks ?? []).filter((c) => !['history_days', 'organic_orders', 'stability', 'refunds', 'unit_margin'].includes(c.id));
    expect(organic.every((c) => c.status === 'unknown' || c.id === 'uv_value')).toBe(true);
    expect(r.verdict === 'ready').toBe(r.ready);
    expect(verdictOf(r.checks ?? [])).toBe(r.verdict);
  });

  it.each([
    // stay, paid share, category (食品 = 1, 46 s: warn below 41.4 s), expected stay / paid share status
    [31, 0.4, 1, 'fail', 'pass'],
    [40, 0.55, 1, 'warn', 'warn'],
    [45, 0.75, 1, 'pass', 'fail'],
  ] as const)('stay %d s, paid share %d: statuses follow the thresholds', (stay, paid, category, stayStatus, paidStatus) => {
    const values: AssumptionValues = { category };
    const a = analyse(withOrganic(history, stay, paid));
    const r = readinessOf(a, { name: 'Base', values });
    const byId = new Map((r.checks ?? []).map((c) => [c.id, c]));
    expect(byId.get('stay')?.status).toBe(stayStatus);
    expect(byId.get('paid_share')?.status).toBe(paidStatus);
    expect(byId.get('paid_share')?.value).toBeCloseTo(Math.round(1000 * paid) / 1000, 9);
    // 60 comments / 1500 views = 4 % ≥ 3 %.
    expect(byId.get('interaction')?.status).toBe('pass');
    const fired = (stayStatus as string) !== 'pass' || (paidStatus as string) !== 'pass';
    if (fired) {
      expect(r.ready).toBe(false);
      expect(r.verdict).not.toBe('ready');
      const zh = r.reasons.map((x) => x['zh-CN']).join('\n');
      if ((stayStatus as string) !== 'pass') expect(zh).toContain(`人均观看时长 ${stay} 秒，食品基准 46 秒`);
    }
  });

  it('the first fix names the lever and the gap when the organic lever is what fails first', () => {
    const a = analyse(withOrganic(history, 31, 0.4));
    const r = readinessOf(a, { name: 'Base', values: { category: 1 } });
    // The seeded merchant has a base model (120 days, organic orders well above 3/day): the lever is what fails first.
    expect(r.checks?.slice(0, 2).map((c) => c.status)).toEqual(['pass', 'pass']);
    expect(r.verdict).toBe('fix_first');
    expect(r.fixFirst?.['en-US']).toContain('31 s vs 食品 46 s');
    expect(r.fixFirst?.['zh-CN']).toContain('31 秒，食品基准 46 秒');
  });
});

describe('what to do before paying for traffic: the what-if plan', () => {
  const own = { cogs_rate: 0.4, cash_available: 150000, shipping_per_order: 6, return_shipping: 6, category: 1 };
  const { history } = generateMerchant(7);

  it('fix first on stay: the first screen names the gap and the plan with the benchmark value, labelled', () => {
    const r = buildPlanReport({ history: withOrganic(history, 31, 0.4), scenarios: [{ name: 'Base', values: own }], runs: 0 });
    expect(r.baseline.verdict).toBe('fix_first');
    const w = r.baseline.whatIf;
    expect(w).toMatchObject({ lever: 'stay', measured: 31, benchmark: 46 });
    // The baseline's organic GMV per day is a ratio of sums: scaling every organic day by 46/31 scales it by 46/31.
    expect(w!.organicGmvPerDay.whatIf / w!.organicGmvPerDay.now).toBeCloseTo(46 / 31, 9);
    expect(w!.totalGmv.whatIf).toBeGreaterThan(w!.totalGmv.now);
    const note = r.scenarios[0]!.notes[0]!;
    expect(note['en-US']).toMatch(/^Not ready to scale paid traffic — Fix first: Lengthen stay/u);
    expect(note['en-US']).toContain('31 s vs 食品 46 s');
    expect(note['en-US']).toContain('What-if, not a forecast');
    expect(note['zh-CN']).toContain('假设情景（不是预测）');
    expect(note['zh-CN']).toContain('食品基准 46 秒（现为 31 秒');
  });

  it('no what-if when readiness passes or the lever has no benchmark value to plan with', () => {
    expect(buildPlanReport({ history: withOrganic(history, 50, 0.4), scenarios: [{ name: 'Base', values: own }], runs: 0 }).baseline.whatIf).toBeUndefined();
    expect(buildPlanReport({ history, scenarios: [{ name: 'Base', values: own }], runs: 0 }).baseline.whatIf).toBeUndefined();
  });
});

describe('organic base by carrier (成交分析 载体 rows)', () => {
  it('GMV per day, organic part, share and trend per carrier over the window', () => {
    const days = ['2026-07-01', '2026-07-02', '2026-07-03'].map((date, i) => ({
      date,
      carriers: [
        { carrier: 'live' as const, name: '直播', gmv: 8000 + 1000 * i, organicGmv: 2000 },
        { carrier: 'card' as const, name: '商品卡', gmv: 2000, organicGmv: 1000 },
      ],
    }));
    const h = { days: days as unknown as DayRecord[], viewsMeasure: 'unknown' as const };
    const b = carrierBase(h, '2026-07-01', '2026-07-03')!;
    // live: (8000 + 9000 + 10000) / 3 = 9000/day, slope 1000/day over mean 9000; card flat 2000/day.
    expect(b.map((c) => [c.carrier, c.gmvPerDay, c.organicGmvPerDay])).toEqual([['live', 9000, 2000], ['card', 2000, 1000]]);
    expect(b[0]!.trend).toBeCloseTo(1000 / 9000, 12);
    expect(b[1]!.trend).toBe(0);
    expect(b[0]!.share).toBeCloseTo(27000 / 33000, 12);
    expect(carrierBase({ days: [], viewsMeasure: 'unknown' }, '2026-07-01', '2026-07-03')).toBeNull();
  });
});

describe('the portfolio tiers use readiness v2', () => {
  const own = { cogs_rate: 0.4, cash_available: 150000, shipping_per_order: 6, return_shipping: 6, category: 1 };
  const { history } = generateMerchant(7);
  const ctx = { currentSpend: 500, cashAvailable: 150000, cashReserve: 0 };

  it('a lever to fix: organic-first with the tier, the lever and its gap', () => {
    const r = buildPlanReport({ history: withOrganic(history, 31, 0.4), scenarios: [{ name: 'Base', values: own }], runs: 0 });
    const v = classify(r, r.scenarios[0]!, ctx);
    expect(v).toMatchObject({ status: 'not_ready', tier: 'organic-first' });
    expect(v.reason['en-US']).toMatch(/^Organic first \(fix first\): Average stay/u);
    expect(v.reason['zh-CN']).toContain('先做自然流（先修再放量）：人均观看时长 31 秒，食品基准 46 秒');
  });

  it('without the new exports the reason is today\'s', () => {
    const thin = generateMerchant(3, { organicViewsPerDay: 150 }).history;
    const r = buildPlanReport({ history: thin, scenarios: [{ name: 'Base', values: own }], runs: 0 });
    expect(classify(r, r.scenarios[0]!, ctx).reason['en-US']).toMatch(/^Organic first: Organic orders average/u);
  });
});

describe('an existing 成交分析 export with 载体 rows keeps today\'s readiness', () => {
  it('the carrier mix is shown (info), never fires, and does not switch the v2 wording on', () => {
    const { history } = generateMerchant(7);
    const h: History = {
      ...history,
      days: history.days.map((d) => ({ ...d, carriers: [{ carrier: 'live', name: '直播', gmv: d.gmv * 0.8, organicGmv: null }, { carrier: 'card', name: '商品卡', gmv: d.gmv * 0.2, organicGmv: null }] })),
    };
    const a = analyse(h);
    const r = readinessOf(a, null);
    const mix = r.checks?.find((c) => c.id === 'carrier_mix');
    expect(mix?.status).toBe('info');
    expect(mix?.value).toBeCloseTo(0.8, 9);
    expect(measuredOrganic(r.checks ?? [])).toBe(false);
    expect({ ready: r.ready, reasons: r.reasons, fixFirst: r.fixFirst }).toEqual((({ ready, reasons, fixFirst }) => ({ ready, reasons, fixFirst }))(readinessOf(analyse(history), null)));
  });
});
