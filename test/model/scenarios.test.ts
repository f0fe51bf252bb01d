import { ASSUMPTIONS } from '../../src/model/settings';
import { AdplanError } from '../../src/model/core';
import { DEFAULT_PRESETS, inheritScenarios, resolveAssumptions } from '../../src/model/economics';

const fromHistory = { refundRate: 0.18, aov: 95 };

describe('scenario resolution (MODEL §10, DATA assumptions table)', () => {
  it('applies defaults, history values and "no limit"', () => {
    const r = resolveAssumptions({ cogs_rate: 0.4, cash_available: 50000 }, fromHistory);
    expect(r.fee_rate).toBe(0.05);
    expect(r.settlement_days).toBe(15);
    expect(r.ramp_rate).toBe(0.2);
    expect(r.refund_rate).toBe(0.18);
    expect(r.aov).toBe(95);
    expect(r.capacity_orders_per_day).toBeNull();
    expect(r.max_daily_spend).toBeNull();
    expect(r.lift_lambda).toBeNull();
    expect(r.start_spend).toBeNull();
  });

  it('a given value beats history', () => {
    const r = resolveAssumptions({ cogs_rate: 0.4, cash_available: 1, refund_rate: 0.3, aov: 120 }, fromHistory);
    expect([r.refund_rate, r.aov]).toEqual([0.3, 120]);
  });

  it('names a missing required key with its zh-CN label', () => {
    const e = (() => {
      try {
        resolveAssumptions({ cash_available: 1 }, fromHistory);
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(AdplanError);
    expect((e as AdplanError).kind).toBe('input');
    expect((e as AdplanError).field).toBe('cogs_rate');
    expect((e as AdplanError).text['zh-CN']).toContain(ASSUMPTIONS.cogs_rate.zh);
    expect(() => resolveAssumptions({ cogs_rate: 0.4 }, fromHistory)).toThrow(/cash_available/);
    // Refund rate and AOV are required when the history cannot supply them.
    expect(() => resolveAssumptions({ cogs_rate: 0.4, cash_available: 1 }, { refundRate: null, aov: 95 })).toThrow(/refund_rate/);
    expect(() => resolveAssumptions({ cogs_rate: 0.4, cash_available: 1, refund_rate: 0.1 }, { refundRate: null, aov: null })).toThrow(/aov/);
  });

  it('checks ranges and whole days', () => {
    expect(() => resolveAssumptions({ cogs_rate: 1.4, cash_available: 1 }, fromHistory)).toThrow(/cogs_rate must be ≥ 0 \(0%\) and ≤ 1 \(100%\), found 1.4/);
    expect(() => resolveAssumptions({ cogs_rate: 0.4, cash_available: 1, settlement_days: 2.5 }, fromHistory)).toThrow(/whole number of days/);
    expect(() => resolveAssumptions({ cogs_rate: 0.4, cash_available: 1, ramp_rate: 0 }, fromHistory)).toThrow(/ramp_rate/);
    expect(() => resolveAssumptions({ cogs_rate: 0.4, cash_available: 100, cash_reserve: 200 }, fromHistory)).toThrow(/cash_reserve/);
  });

  it('blanks inherit the first column', () => {
    const s = inheritScenarios([
      { name: 'Base', values: { cogs_rate: 0.4, ramp_rate: 0.2 } },
      { name: 'Fast', values: { ramp_rate: 0.5 } },
    ]);
    expect(s[1]).toEqual({ name: 'Fast', values: { cogs_rate: 0.4, ramp_rate: 0.5 } });
  });

  it('default presets: Conservative asks more, assumes no lift; Aggressive the opposite', () => {
    const [base, cons, aggr] = DEFAULT_PRESETS;
    expect([base!.name, cons!.name, aggr!.name]).toEqual(['Base', 'Conservative', 'Aggressive']);
    expect(cons!.values.safety_margin!).toBeGreaterThan(base!.values.safety_margin!);
    expect(aggr!.values.safety_margin!).toBeLessThan(base!.values.safety_margin!);
    expect(cons!.values.lift_lambda).toBe(0);
    expect(cons!.values.ramp_rate!).toBeLessThan(base!.values.ramp_rate!);
    expect(aggr!.values.max_extrapolation!).toBeGreaterThan(base!.values.max_extrapolation!);
    // Every preset value is inside its key's range.
    for (const p of DEFAULT_PRESETS) {
      expect(() => resolveAssumptions({ cogs_rate: 0.4, cash_available: 1, ...p.values }, fromHistory)).not.toThrow();
    }
  });
});
