/**
 * The built-in calendar: lunar dates against the published calendar and ICU's Chinese calendar,
 * phase order and no overlaps, and the user-over-built-in merge rule.
 */
import { BUILTIN_CALENDAR, CALENDAR_YEARS, mergeCalendars, phaseOf, QIXI, SPRING_FESTIVAL, windowsOver } from '../../../src/model/events';
import { dayIndex, type EventWindow } from '../../../src/model/core';

/** The lunar month/day ICU gives a date (Node ships full ICU). */
function lunar(date: string): { month: number; day: number } {
  const f = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  const parts = f.formatToParts(new Date(`${date}T12:00:00Z`));
  return { month: Number(parts.find((p) => p.type === 'month')?.value), day: Number(parts.find((p) => p.type === 'day')?.value) };
}

describe('lunar dates', () => {
  it('春节 and 七夕 are the published dates', () => {
    expect(SPRING_FESTIVAL).toEqual({ 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26' });
    expect(QIXI).toEqual({ 2024: '2024-08-10', 2025: '2025-08-29', 2026: '2026-08-19', 2027: '2027-08-08', 2028: '2028-08-26' });
  });

  it('七夕 is lunar 7/7 in ICU; 春节 is lunar 1/1 except 2027, whose new moon is 23:56 Beijing time on 02-06', () => {
    for (const y of CALENDAR_YEARS) expect(lunar(QIXI[y]!)).toEqual({ month: 7, day: 7 });
    for (const y of CALENDAR_YEARS.filter((x) => x !== 2027)) expect(lunar(SPRING_FESTIVAL[y]!)).toEqual({ month: 1, day: 1 });
    // ICU puts 2027's 正月初一 one day later: the eve (12/30) is 02-06 there.
    expect(lunar('2027-02-06')).toEqual({ month: 12, day: 30 });
  });
});

describe('the built-in windows', () => {
  it('covers every event in every year, all labelled defaults, with first ≤ last', () => {
    for (const y of CALENDAR_YEARS) {
      const names = new Set(BUILTIN_CALENDAR.filter((w) => w.last.startsWith(String(y))).map((w) => w.name));
      expect([...names].sort()).toEqual(['38节', '618', '七夕', '双11', '双12', '年货节', '春节'].sort());
    }
    for (const w of BUILTIN_CALENDAR) {
      expect(w.isDefault).toBe(true);
      expect(dayIndex(w.first)).toBeLessThanOrEqual(dayIndex(w.last));
    }
  });

  it('has no two windows on one day', () => {
    const sorted = BUILTIN_CALENDAR.slice().sort((a, b) => dayIndex(a.first) - dayIndex(b.first));
    for (let i = 1; i < sorted.length; i++) expect(dayIndex(sorted[i]!.first)).toBeGreaterThan(dayIndex(sorted[i - 1]!.last));
  });

  it('puts 双11 2025 peak on 11-08 … 11-11, the 春节 2026 pause around 02-17 and 七夕 2026 peak ending on 08-19', () => {
    const find = (name: string, phase: string, year: string): EventWindow | undefined => BUILTIN_CALENDAR.find((w) => w.name === name && w.phase === phase && w.last.startsWith(year));
    expect(find('双11', 'peak', '2025')).toMatchObject({ first: '2025-11-08', last: '2025-11-11' });
    expect(find('春节', 'pause', '2026')).toMatchObject({ first: '2026-02-14', last: '2026-02-20' });
    expect(find('七夕', 'peak', '2026')).toMatchObject({ first: '2026-08-17', last: '2026-08-19' });
    // 2025's 双11 ran 10-09 → 11-11 (warm-up and peak), with build-up from September.
    expect(find('双11', 'warmup', '2025')).toMatchObject({ first: '2025-10-09', last: '2025-11-07' });
    expect(find('年货节', 'peak', '2025')).toMatchObject({ first: '2025-01-15', last: '2025-01-19' });
  });

  it('phases read in zh and en', () => {
    expect(['蓄水', '预热', '爆发', '返场', '回落', '停发', 'warm-up', 'Peak', 'build_up'].map(phaseOf)).toEqual(['build', 'warmup', 'peak', 'encore', 'hangover', 'pause', 'warmup', 'peak', 'build']);
    expect(phaseOf('高潮期x')).toBeNull();
  });
});

describe('mergeCalendars', () => {
  const user: EventWindow[] = [
    { name: '双 11', phase: 'peak', first: '2026-11-01', last: '2026-11-11' },
    { name: '店庆', phase: 'peak', first: '2026-09-01', last: '2026-09-03' },
    { name: '开学季', phase: 'warmup', first: '2026-10-01', last: '2026-10-05' },
  ];
  const merged = mergeCalendars(BUILTIN_CALENDAR, user);

  it("replaces an event's built-in windows in that year, keeps them in other years", () => {
    const d11 = merged.filter((w) => w.name.replace(/\s/gu, '') === '双11');
    expect(d11.filter((w) => w.last.startsWith('2026'))).toEqual([{ ...user[0], isDefault: false }]);
    expect(d11.filter((w) => w.last.startsWith('2025')).length).toBe(5);
  });

  it('adds new events, and drops built-ins of other events that overlap a user window', () => {
    expect(merged).toContainEqual({ ...user[1], isDefault: false });
    // 开学季 10-01…10-05 overlaps the built-in 双11 2026 build-up, which is already replaced; nothing else is there.
    expect(windowsOver(merged, '2026-10-01', '2026-10-05')).toEqual([{ ...user[2], isDefault: false }]);
  });
});
