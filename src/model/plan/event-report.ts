/**
 * Per event in the plan horizon: budget and ROI target per phase, the event days' incremental
 * profit, the capital they tie up (stock-up included) and whether fulfilment capacity binds.
 * Event days are those of the applied windows; an event is one name in one year (its last day's).
 */
import { addTradeFlows, capitalMetrics, flowsLength } from './cash';
import type { EventPhasePlan, EventPlanReport } from '../report';
import type { PlanResult, PlanSetup } from './planner';
import { eventKey, isStocked } from '../events';

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Plan-day indices (0-based) of each event, in order of first day. */
export function eventDayGroups(setup: PlanSetup): { key: string; days: number[] }[] {
  const ev = setup.events;
  if (!ev) return [];
  const groups = new Map<string, number[]>();
  ev.days.forEach((e, i) => {
    if (!e) return;
    const key = `${eventKey(e.window.name)}|${e.window.last.slice(0, 4)}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.entries()].map(([key, days]) => ({ key, days }));
}

/** Incremental profit of the given plan days (index 0-based). */
export function eventIncrementalProfit(setup: PlanSetup, plan: PlanResult, days: readonly number[]): number {
  const ev = setup.events!;
  let p = 0;
  for (const i of days) p += ev.unitMargin[i]! * (plan.gmv[i]! - plan.organicOnlyGmv[i]!) - plan.spend[i]!;
  return p;
}

export function eventReports(setup: PlanSetup, plan: PlanResult): EventPlanReport[] {
  const ev = setup.events;
  if (!ev) return [];
  const A = setup.assumptions;
  const len = flowsLength(plan.terms, setup.horizon);
  return eventDayGroups(setup).map(({ days }) => {
    const phases: EventPhasePlan[] = [];
    const inc = new Float64Array(len);
    const none = new Float64Array(len);
    let stockUp = 0;
    let capacityDays = 0;
    let budget = 0;
    let isDefault = true;
    let roomGmv = 0;
    for (const i of days) {
      const e = ev.days[i]!;
      const t = i + 1;
      const s = plan.spend[i]!;
      const g = plan.gmv[i]!;
      isDefault &&= e.window.isDefault === true;
      addTradeFlows(ev.terms[i]!, inc, t, s, g);
      addTradeFlows(ev.terms[i]!, none, t, 0, plan.organicOnlyGmv[i]!);
      if (A.event_stock_days > 0 && isStocked(e.window.phase)) stockUp += A.cogs_rate * g;
      if (plan.limits[i] === 'capacity' || g >= ev.capGmv[i]! * (1 - 1e-9)) capacityDays++;
      budget += s;
      let ph = phases[phases.length - 1];
      if (!ph || ph.phase !== e.window.phase) {
        const m = e.multipliers;
        ph = {
          phase: e.window.phase,
          first: plan.days[i]!.date,
          last: plan.days[i]!.date,
          days: 0,
          budget: 0,
          gmv: 0,
          roiTarget: null,
          targetMarginalRoi: finiteOrNull(ev.targetMroi[i]!),
          organicMultiplier: m.organic,
          responseMultiplier: m.response,
          refundMultiplier: m.refund,
          capacityMultiplier: m.capacity,
          costMultiplier: m.cost,
          multiplierSource: e.source,
        };
        phases.push(ph);
        roomGmv = 0;
      }
      ph.last = plan.days[i]!.date;
      ph.days++;
      ph.budget += s;
      ph.gmv += g;
      roomGmv += A.uni_roi_scope === 1 ? plan.paidGmv[i]! : g;
      ph.roiTarget = ph.budget > 0 ? roomGmv / ph.budget : null;
    }
    for (let d = 0; d < len; d++) inc[d] = inc[d]! - none[d]!;
    const first = ev.days[days[0]!]!.window;
    const last = ev.days[days[days.length - 1]!]!.window;
    return {
      name: first.name,
      first: first.first,
      last: last.last,
      isDefault,
      phases,
      budget,
      incrementalProfit: eventIncrementalProfit(setup, plan, days),
      peakCapital: capitalMetrics(inc).peakCapital,
      stockUp,
      capacityDays,
      capacityBinds: capacityDays > 0,
    };
  });
}
