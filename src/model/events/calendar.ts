/**
 * The built-in e-commerce calendar (2024–2028): 年货节, the 春节 logistics pause, 38节, 618, 七夕,
 * 双11 and 双12, each as phase windows (蓄水 build, 预热 warm-up, 爆发 peak, 返场 encore, 回落
 * hangover). Every window is a default (isDefault): the user's calendar replaces an event's windows
 * or adds events (mergeCalendars). Shapes follow the platform's 2025 calendar; docs/model.md
 * "The e-commerce calendar" gives the dates and where they come from.
 */
import { text, type Text } from '../../i18n/text';
import { addDays, dayIndex, type EventPhase, type EventWindow, type IsoDate } from '../core';

export const CALENDAR_YEARS = [2024, 2025, 2026, 2027, 2028] as const;

/**
 * 春节 (lunar new year's day, 正月初一) by year, tabled from the published lunar calendar. ICU's
 * Chinese calendar says 2027-02-07: that year's new moon falls at 23:56 Beijing time on 02-06
 * (the annular eclipse of 2027-02-06), so the first lunar day is 02-06.
 */
export const SPRING_FESTIVAL: Readonly<Record<number, IsoDate>> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
};

/** 七夕 (lunar 7th month, 7th day) by year. */
export const QIXI: Readonly<Record<number, IsoDate>> = {
  2024: '2024-08-10',
  2025: '2025-08-29',
  2026: '2026-08-19',
  2027: '2027-08-08',
  2028: '2028-08-26',
};

/** Phase names as a merchant writes them (zh) and as the JSON says them (en). */
export const PHASE_LABELS: Readonly<Record<EventPhase, Text>> = {
  build: text('build-up', '蓄水'),
  warmup: text('warm-up', '预热'),
  peak: text('peak', '爆发'),
  encore: text('encore', '返场'),
  hangover: text('hangover', '回落'),
  pause: text('pause', '停发'),
};

export const EVENT_PHASES: readonly EventPhase[] = ['build', 'warmup', 'peak', 'encore', 'hangover', 'pause'];

/** A phase from its zh or en name (蓄水, 预热, 爆发, 返场, 回落, 停发/暂停/休息; build, warm-up, …), else null. */
export function phaseOf(name: string): EventPhase | null {
  const s = name.trim().toLowerCase().replace(/[\s_-]+/gu, '');
  const aliases: Record<string, EventPhase> = {
    build: 'build', buildup: 'build', 蓄水: 'build', 蓄水期: 'build',
    warmup: 'warmup', 预热: 'warmup', 预热期: 'warmup', 预售: 'warmup',
    peak: 'peak', 爆发: 'peak', 爆发期: 'peak', 正式: 'peak', 高峰: 'peak',
    encore: 'encore', 返场: 'encore', 返场期: 'encore',
    hangover: 'hangover', 回落: 'hangover', 回落期: 'hangover',
    pause: 'pause', 停发: 'pause', 暂停: 'pause', 休息: 'pause', 停运: 'pause', 春节停发: 'pause',
  };
  return aliases[s] ?? null;
}

type Span = [EventPhase, IsoDate, IsoDate];

const md = (y: number, m: number, d: number): IsoDate => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** One year's built-in events, each as its phase spans. */
function eventsOf(y: number): { name: string; spans: Span[] }[] {
  const ny = SPRING_FESTIVAL[y]!;
  const qx = QIXI[y]!;
  const rel = (d: IsoDate, n: number): IsoDate => addDays(d, n);
  return [
    {
      // 年货节 runs up to the shipping cut-off before 春节.
      name: '年货节',
      spans: [
        ['build', rel(ny, -35), rel(ny, -22)],
        ['warmup', rel(ny, -21), rel(ny, -15)],
        ['peak', rel(ny, -14), rel(ny, -10)],
        ['hangover', rel(ny, -9), rel(ny, -4)],
      ],
    },
    // Couriers stop around the eve: from 3 days before to 3 days after 正月初一.
    { name: '春节', spans: [['pause', rel(ny, -3), rel(ny, 3)]] },
    { name: '38节', spans: [['warmup', md(y, 3, 1), md(y, 3, 5)], ['peak', md(y, 3, 6), md(y, 3, 8)]] },
    {
      name: '618',
      spans: [
        ['build', md(y, 5, 13), md(y, 5, 26)],
        ['warmup', md(y, 5, 27), md(y, 6, 14)],
        ['peak', md(y, 6, 15), md(y, 6, 18)],
        ['encore', md(y, 6, 19), md(y, 6, 21)],
        ['hangover', md(y, 6, 22), md(y, 6, 28)],
      ],
    },
    { name: '七夕', spans: [['warmup', rel(qx, -9), rel(qx, -3)], ['peak', rel(qx, -2), qx]] },
    {
      name: '双11',
      spans: [
        ['build', md(y, 9, 20), md(y, 10, 8)],
        ['warmup', md(y, 10, 9), md(y, 11, 7)],
        ['peak', md(y, 11, 8), md(y, 11, 11)],
        ['encore', md(y, 11, 12), md(y, 11, 14)],
        ['hangover', md(y, 11, 15), md(y, 11, 21)],
      ],
    },
    {
      name: '双12',
      spans: [
        ['warmup', md(y, 12, 1), md(y, 12, 9)],
        ['peak', md(y, 12, 10), md(y, 12, 12)],
        ['hangover', md(y, 12, 13), md(y, 12, 17)],
      ],
    },
  ];
}

/** Every built-in window, ascending by first day. */
export const BUILTIN_CALENDAR: readonly EventWindow[] = CALENDAR_YEARS.flatMap((y) =>
  eventsOf(y).flatMap((e) => e.spans.map(([phase, first, last]): EventWindow => ({ name: e.name, phase, first, last, isDefault: true }))),
).sort((a, b) => dayIndex(a.first) - dayIndex(b.first));

/** Windows overlapping [first, last], in order. */
export function windowsOver(windows: readonly EventWindow[], first: IsoDate, last: IsoDate): EventWindow[] {
  const lo = dayIndex(first);
  const hi = dayIndex(last);
  return windows.filter((w) => dayIndex(w.last) >= lo && dayIndex(w.first) <= hi);
}

/** Events are one name, whatever the spacing or case the user wrote (双 11 = 双11). */
export function eventKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** An event in a year: the year of a window's last day (年货节's 蓄水 starts in December). */
const yearKey = (w: EventWindow): string => `${eventKey(w.name)}|${w.last.slice(0, 4)}`;

/**
 * The calendar the engine runs on: the user's rows replace every built-in window of an event they
 * name in the same year (of its last day), and add events the built-ins do not have; built-ins that
 * overlap a user window of another event are dropped (the user's calendar wins a clash).
 */
export function mergeCalendars(builtin: readonly EventWindow[], user: readonly EventWindow[]): EventWindow[] {
  const named = new Set(user.map(yearKey));
  const ranges = user.map((w) => [dayIndex(w.first), dayIndex(w.last)] as const);
  const kept = builtin.filter((w) => {
    if (named.has(yearKey(w))) return false;
    const a = dayIndex(w.first);
    const b = dayIndex(w.last);
    return !ranges.some(([x, y]) => a <= y && x <= b);
  });
  return [...kept, ...user.map((w) => ({ ...w, isDefault: false }))].sort((p, q) => dayIndex(p.first) - dayIndex(q.first));
}
