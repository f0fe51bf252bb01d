/**
 * Issue 11 item 4: every default and bound comes from the one registry. Each test changes the
 * registry and checks that the surface follows (a restated literal would not).
 */
import { checkAssumptionValue } from '../../src/data/assumptions';
import { isDescriptiveHeader as readerDescriptive } from '../../src/data/assumptions';
import { civilFromDays, isoToDays } from '../../src/data/cells';
import { assumptionProblem, checkAssumption } from '../../src/model/settings';
import { ASSUMPTIONS, type AssumptionSpec } from '../../src/model/settings';
import { addDays, dayIndex } from '../../src/model/core';
import { analyse } from '../../src/model/engine';
import { thresholdsOf } from '../../src/model/readiness';
import { PLAN_DAY_COLUMNS } from '../../src/model/report';
import { KPI_METRICS, KPIS } from '../../src/model/report';
import { PLAN_COLUMNS, KPI_METRICS as SHEET_KPIS } from '../../src/taskpane/state/planSheet';
import { isDescriptiveHeader as paneDescriptive } from '../../src/taskpane/state/assumptionsTable';
import { generateMerchant } from '../../src/sample/merchant';

type Mutable = { -readonly [K in keyof AssumptionSpec]: AssumptionSpec[K] };

/** Run `body` with one registry entry changed, then restore it. */
function withSpec<T>(key: keyof typeof ASSUMPTIONS, patch: Partial<AssumptionSpec>, body: () => T): T {
  const spec = ASSUMPTIONS[key] as Mutable;
  const saved = { ...spec };
  Object.assign(spec, patch);
  try {
    return body();
  } finally {
    Object.assign(spec, saved);
  }
}

describe('defaults come from the ASSUMPTIONS registry', () => {
  const { history } = generateMerchant(3);

  it('the baseline window of analyse() is the registry default', () => {
    expect(analyse(history).baseline.days).toBe(28);
    expect(withSpec('baseline_days', { default: 14 }, () => analyse(history).baseline.days)).toBe(14);
  });

  it('readiness thresholds without scenario values are the registry defaults', () => {
    expect(thresholdsOf({})).toEqual({ minDays: 14, maxCvrCv: 0.35, maxRefundRate: 0.5, minOrdersPerDay: 3 });
    expect(withSpec('min_days', { default: 21 }, () => thresholdsOf({}).minDays)).toBe(21);
    expect(thresholdsOf({ max_cvr_cv: 0.2 }).maxCvrCv).toBe(0.2);
  });
});

describe('one bounds check', () => {
  it('the reader, the pane and the engine say the same thing about the same value', () => {
    const problem = assumptionProblem('cogs_rate', 1.4);
    expect(problem?.['en-US']).toBe('cogs_rate must be ≥ 0 (0%) and ≤ 1 (100%), found 1.4 (did you mean 1.4%?)');
    expect(problem?.['zh-CN']).toContain('应 ≥ 0（0%） 且 ≤ 1（100%），此处为 1.4（是否想写 1.4%？）');
    expect(checkAssumptionValue(ASSUMPTIONS.cogs_rate, 1.4)).toEqual(problem);
    expect(() => checkAssumption('cogs_rate', 1.4)).toThrow(problem?.['en-US']);
  });

  it('a rate typed as a percentage (the pane) is echoed as one, without the "did you mean" hint', () => {
    const typed = checkAssumptionValue(ASSUMPTIONS.cogs_rate, 1.4, true);
    expect(typed?.['en-US']).toBe('cogs_rate must be ≥ 0% and ≤ 100%, found 140%');
    expect(typed?.['zh-CN']).toMatch(/应 ≥ 0% 且 ≤ 100%，此处为 140%$/u);
  });

  it('follows the registry bounds (horizon_days)', () => {
    expect(assumptionProblem('horizon_days', 731)).not.toBeNull();
    expect(withSpec('horizon_days', { max: 1000 }, () => assumptionProblem('horizon_days', 731))).toBeNull();
  });

  it('rejects NaN and Infinity', () => {
    expect(assumptionProblem('fee_rate', Number.NaN)).not.toBeNull();
    expect(assumptionProblem('fee_rate', Number.POSITIVE_INFINITY)).not.toBeNull();
  });
});

describe('one vocabulary', () => {
  it('descriptive header words are the reader\'s list, shared by the pane', () => {
    for (const h of ['中文名', 'Unit', '备注', 'English', 'notes']) {
      expect(paneDescriptive(h)).toBe(true);
      expect(readerDescriptive(h)).toBe(true);
    }
    expect(paneDescriptive('Base')).toBe(false);
  });

  it('plan-day columns and KPIs on the plan sheet come from the model\'s descriptors', () => {
    expect(PLAN_COLUMNS).toEqual(PLAN_DAY_COLUMNS.map((c) => c.key));
    expect(KPI_METRICS).toEqual(KPIS.map((k) => k.metric));
    for (const m of SHEET_KPIS) expect(KPI_METRICS).toContain(m);
  });
});

describe('one calendar', () => {
  it('the reader and the model count days the same way, across leap years and centuries', () => {
    for (const d of ['1900-03-01', '1970-01-01', '2000-02-29', '2024-02-29', '2100-03-01', '2026-12-31']) {
      expect(isoToDays(d)).toBe(dayIndex(d));
      expect(civilFromDays(dayIndex(d))).toBe(d);
      // An independent reference: the platform's UTC calendar.
      expect(dayIndex(d)).toBe(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86400000);
    }
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
