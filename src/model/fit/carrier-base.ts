/**
 * The organic base per carrier (直播, 短视频, 商品卡, other) when 成交分析 gives 载体 rows: GMV per
 * day, its 非投放时段 (organic) part and its own trend over the baseline window. Ads and their
 * lift act on the live carrier; 短视频 and 商品卡 are carried at their window level (docs/model.md
 * "Organic base by carrier").
 */
import { dayIndex } from '../core';
import type { CarrierDay, History, IsoDate } from '../core';
import type { CarrierBase } from '../report';


const KINDS: readonly CarrierDay['carrier'][] = ['live', 'video', 'card', 'other'];

function relativeSlope(xs: readonly { x: number; y: number }[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((s, p) => s + p.x, 0) / n;
  const my = xs.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of xs) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) * (p.x - mx);
  }
  return sxx > 0 && my > 0 ? sxy / sxx / my : 0;
}

/** Per carrier over from..to; null when no day of the window has 载体 rows. */
export function carrierBase(history: History, from: IsoDate, to: IsoDate): CarrierBase[] | null {
  const days = history.days.filter((d) => d.date >= from && d.date <= to && d.carriers && d.carriers.length > 0);
  if (days.length === 0) return null;
  const x0 = dayIndex(days[0]!.date);
  const out: CarrierBase[] = [];
  let all = 0;
  for (const kind of KINDS) {
    const names = new Set<string>();
    let gmv = 0;
    let organic: number | null = null;
    const series: { x: number; y: number }[] = [];
    for (const d of days) {
      let y = 0;
      let seen = false;
      for (const c of d.carriers ?? []) {
        if (c.carrier !== kind) continue;
        names.add(c.name);
        seen = true;
        y += c.gmv ?? 0;
        if (c.organicGmv !== null) organic = (organic ?? 0) + c.organicGmv;
      }
      if (!seen) continue;
      gmv += y;
      series.push({ x: dayIndex(d.date) - x0, y });
    }
    if (names.size === 0) continue;
    all += gmv;
    out.push({ carrier: kind, names: [...names], days: days.length, gmvPerDay: gmv / days.length, organicGmvPerDay: organic === null ? null : organic / days.length, share: 0, trend: relativeSlope(series) });
  }
  for (const c of out) c.share = all > 0 ? (c.gmvPerDay * c.days) / all : 0;
  return out;
}
