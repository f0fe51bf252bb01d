/**
 * The traffic and content measures readiness v2 judges, over the baseline window: ratios of sums
 * (never means of daily ratios), each null when no day of the window carries it.
 */
import type { DayRecord, History, IsoDate } from '../core';

export interface OrganicMeasures {
  /** Paid channels' share of the live room's traffic, and whether 人数 or 次数 were summed. */
  paidShare: { value: number; basis: 'viewers' | 'views'; days: number } | null;
  /** Viewer-weighted 人均观看时长 (s). */
  staySeconds: number | null;
  /** GMV per viewer. */
  uvValue: number | null;
  /** Σ comments / Σ views (人数 when 次数 is not exported). */
  interactionRate: number | null;
  videoSaveRate: number | null;
  videoCompletionRate: number | null;
  /** Σ short-video GMV and plays over the window. */
  videoGmv: number | null;
  videoPlays: number | null;
  /** GMV share per carrier over the window (sums of the 不限 rows of each 载体). */
  carrierShares: { live: number; video: number; card: number; other: number } | null;
}

export const NO_MEASURES: OrganicMeasures = {
  paidShare: null,
  staySeconds: null,
  uvValue: null,
  interactionRate: null,
  videoSaveRate: null,
  videoCompletionRate: null,
  videoGmv: null,
  videoPlays: null,
  carrierShares: null,
};

/** Running Σ num / Σ den over the days where both are known. */
class Ratio {
  num = 0;
  den = 0;
  n = 0;
  add(num: number | null | undefined, den: number | null | undefined): void {
    if (num === null || num === undefined || den === null || den === undefined || !(den > 0)) return;
    this.num += num;
    this.den += den;
    this.n++;
  }
  get value(): number | null {
    return this.n > 0 && this.den > 0 ? this.num / this.den : null;
  }
}

function paidShareOf(days: readonly DayRecord[]): OrganicMeasures['paidShare'] {
  const byViewers = { paid: 0, all: 0, days: 0 };
  const byViews = { paid: 0, all: 0, days: 0 };
  for (const d of days) {
    if (!d.traffic || d.traffic.length === 0) continue;
    for (const [acc, k] of [[byViewers, 'viewers'], [byViews, 'views']] as const) {
      if (!d.traffic.every((c) => c[k] !== null)) continue;
      let all = 0;
      let paid = 0;
      for (const c of d.traffic) {
        all += c[k] ?? 0;
        if (c.class === 'paid') paid += c[k] ?? 0;
      }
      if (!(all > 0)) continue;
      acc.all += all;
      acc.paid += paid;
      acc.days++;
    }
  }
  // 人数 first: unique viewers are what a provider reads a traffic structure in.
  if (byViewers.days > 0) return { value: byViewers.paid / byViewers.all, basis: 'viewers', days: byViewers.days };
  if (byViews.days > 0) return { value: byViews.paid / byViews.all, basis: 'views', days: byViews.days };
  return null;
}

function carrierSharesOf(days: readonly DayRecord[]): OrganicMeasures['carrierShares'] {
  const s = { live: 0, video: 0, card: 0, other: 0 };
  let any = false;
  for (const d of days) {
    for (const c of d.carriers ?? []) {
      if (c.gmv === null) continue;
      s[c.carrier] += c.gmv;
      any = true;
    }
  }
  const total = s.live + s.video + s.card + s.other;
  if (!any || !(total > 0)) return null;
  return { live: s.live / total, video: s.video / total, card: s.card / total, other: s.other / total };
}

/** The measures over the days from..to (the baseline window). */
export function organicMeasures(history: History, from: IsoDate, to: IsoDate): OrganicMeasures {
  const days = history.days.filter((d) => d.date >= from && d.date <= to);
  const stay = new Ratio();
  const uv = new Ratio();
  const interaction = new Ratio();
  const save = new Ratio();
  const completion = new Ratio();
  let videoGmv: number | null = null;
  let videoPlays: number | null = null;
  for (const d of days) {
    const c = d.content;
    if (c) {
      if (c.staySeconds !== null && c.viewers !== null) stay.add(c.staySeconds * c.viewers, c.viewers);
      if (c.uvValue !== null && c.viewers !== null) uv.add(c.uvValue * c.viewers, c.viewers);
      interaction.add(c.comments, c.views ?? c.viewers);
    }
    const v = d.video;
    if (v) {
      save.add(v.saves, v.plays);
      if (v.completionRate !== null && v.plays !== null) completion.add(v.completionRate * v.plays, v.plays);
      if (v.gmv !== null) videoGmv = (videoGmv ?? 0) + v.gmv;
      if (v.plays !== null) videoPlays = (videoPlays ?? 0) + v.plays;
    }
  }
  return {
    paidShare: paidShareOf(days),
    staySeconds: stay.value,
    uvValue: uv.value,
    interactionRate: interaction.value,
    videoSaveRate: save.value,
    videoCompletionRate: completion.value,
    videoGmv,
    videoPlays,
    carrierShares: carrierSharesOf(days),
  };
}
