/**
 * The one prediction the back-test and the review are built on (docs/model.md): a model fitted on
 * the history up to a date D → predicted organic and incremental GMV for the days after D at a
 * given spend path. It is the plan's own model read back (planScenario's setup and organic base),
 * so a back-test checks exactly what the plan forecasts, and a whole-room account (curve basis
 * "whole-room", λ = 0, organic base = the fitted organic room) plugs in with no change here.
 */
import { text } from '../../i18n/text';
import type { Scenario } from '../settings';
import { addDays } from '../core';
import { analyse } from '../fit';
import { planScenario, type ScenarioPlan } from '../plan';
import { AdplanError } from '../core';
import type { History, IsoDate } from '../core';
import { responseOf } from '../transforms';
import { checkAssumption, DEFAULT_PRESETS } from '../economics';

/** Predicted GMV per day after the fit's last history day (index 0 = the day after). */
export interface Forecast {
  dates: IsoDate[];
  /** Paid (direct accounts) or incremental (whole-room) GMV the spend buys: the curve Gp(S). */
  incremental: Float64Array;
  /** Everything else: organic base (weekday, drift) plus the lift of paid traffic, capacity applied. */
  organic: Float64Array;
  total: Float64Array;
}

export interface Forecaster {
  plan: ScenarioPlan;
  /** Last history day the model saw. */
  lastDate: IsoDate;
  /** Days it can forecast (the plan's horizon). */
  horizon: number;
  forecast(spend: readonly number[]): Forecast;
}

/** The Base preset with stand-ins for the money keys a forecast never reads (cogs, cash). */
const NEUTRAL: Scenario = {
  name: DEFAULT_PRESETS[0]!.name,
  values: { ...DEFAULT_PRESETS[0]!.values, cogs_rate: 0, cash_available: 1e12 },
};

/** A back-test without an assumptions table forecasts under the Base preset. */
export function forecastScenario(s: Scenario | null): Scenario {
  if (!s) return NEUTRAL;
  const v = s.values;
  return {
    name: s.name,
    values: {
      ...v,
      cogs_rate: v.cogs_rate ?? 0,
      cash_available: v.cash_available ?? Math.max(1e12, v.cash_reserve ?? 0),
    },
  };
}

/** The model of `history` under scenario `s`, able to forecast `horizon` days past its end. */
export function forecasterOf(history: History, s: Scenario, horizon: number): Forecaster {
  const bd = s.values.baseline_days;
  const a = analyse(history, bd === undefined || bd === null ? 28 : checkAssumption('baseline_days', bd));
  const plan = planScenario(a, s, horizon);
  // Category defaults are nobody's model of this merchant: nothing to back-test.
  if (plan.curveReport.assumed?.source === 'category-defaults') {
    throw new AdplanError('input', text('No response curve to back-test: the plan would rest on category defaults.', '没有可回测的响应曲线：方案将基于行业默认值。'), 'curve');
  }
  return forecasterFromPlan(plan);
}

/** The plan's own equations (planner.ts) at any spend path: g = min(cap, base + λ·A + Gp(S)). */
export function forecasterFromPlan(plan: ScenarioPlan): Forecaster {
  const { setup } = plan;
  const base = plan.plan.organicBase;
  const cap = plan.plan.capGmv;
  return {
    plan,
    lastDate: setup.lastDate,
    horizon: setup.horizon,
    forecast(spend: readonly number[]): Forecast {
      if (spend.length > setup.horizon) {
        throw new AdplanError(
          'input',
          text(`Cannot forecast ${spend.length} days with a ${setup.horizon}-day model.`, `无法用 ${setup.horizon} 天的模型预测 ${spend.length} 天。`),
          'horizon_days',
        );
      }
      const n = spend.length;
      const incremental = new Float64Array(n);
      const organic = new Float64Array(n);
      const total = new Float64Array(n);
      const dates: IsoDate[] = [];
      let carry = setup.carry0;
      for (let t = 0; t < n; t++) {
        const paid = responseOf(spend[t]!, setup.curve.shape);
        carry = setup.theta * carry + paid;
        const g = Math.min(cap, base[t]! + setup.lambda * carry + paid);
        incremental[t] = Math.min(paid, g);
        organic[t] = g - incremental[t]!;
        total[t] = g;
        dates.push(addDays(setup.lastDate, t + 1));
      }
      return { dates, incremental, organic, total };
    },
  };
}
