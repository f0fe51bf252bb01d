/**
 * The user's event calendar sheet: zh and en headers and phases, cell-addressed messages on bad
 * rows (last before first, unknown phase, overlap, text dates, bad multipliers) while the other
 * rows apply, and the windows reaching the plan through the workbook reader.
 */
import { readEventCalendar } from '../../src/data/events';
import { readEventsBuffer, readMerchantBuffers } from '../../src/data/merchant';
import { planFor } from '../../src/model/engine';
import { buildSampleWorkbook } from '../../src/sample/workbook';
import type { Cell } from '../../src/data/table';

const ZH: Cell[][] = [
  ['活动', '阶段', '开始日期', '结束日期', '自然流倍数', '投放倍数', '备注'],
  ['双11', '预热', '2026-10-20', '2026-11-07', null, null, ''],
  ['双11', '爆发', '2026/11/8', '2026年11月11日', 2.5, 1.4, '主会场'],
  ['双11', '返场', '2026-11-12', '2026-11-10', null, null, ''], // row 4: last before first
  ['店庆', '高潮', '2026-09-01', '2026-09-03', null, null, ''], // row 5: unknown phase
  ['双12', '爆发', '下周一', '2026-12-12', null, null, ''], // row 6: text date
  ['双11', 'peak', '2026-11-10', '2026-11-13', null, null, ''], // row 7: overlaps row 3
  ['双12', 'warm-up', '2026-12-01', '2026-12-09', '两倍', null, ''], // row 8: multiplier text
  [null, null, null, null, null, null, null],
  ['双12', 'Peak', 46367, 46368, null, null, ''], // Excel serials 2026-12-11, 12-12
];

describe('readEventCalendar', () => {
  const r = readEventCalendar(ZH, { sheet: '活动日历' });

  it('applies the good rows (zh and en phases, text and serial dates, multipliers)', () => {
    expect(r.windows).toEqual([
      { name: '双11', phase: 'warmup', first: '2026-10-20', last: '2026-11-07', isDefault: false },
      { name: '双11', phase: 'peak', first: '2026-11-08', last: '2026-11-11', organicMultiplier: 2.5, responseMultiplier: 1.4, isDefault: false },
      { name: '双12', phase: 'peak', first: '2026-12-11', last: '2026-12-12', isDefault: false },
    ]);
  });

  it('names the cell of every bad row', () => {
    expect(r.issues.map((i) => [i.address, i.sheet, i.severity])).toEqual([
      ['D4', '活动日历', 'error'],
      ['B5', '活动日历', 'error'],
      ['C6', '活动日历', 'error'],
      ['C7', '活动日历', 'error'],
      ['E8', '活动日历', 'error'],
    ]);
    const [end, phase, date, overlap, mult] = r.issues;
    expect(end!.message['zh-CN']).toBe('结束日期 2026-11-10 早于开始日期 2026-11-12');
    expect(phase!.message['en-US']).toMatch(/^unknown phase; expected one of 蓄水 \(build-up\)/u);
    expect(phase!.value).toBe('高潮');
    expect(date!.value).toBe('下周一');
    expect(overlap!.message['en-US']).toBe('overlaps 双11 爆发 2026-11-08 → 2026-11-11 (row 3): one day can be in one window only');
    expect(mult!.message['zh-CN']).toMatch(/倍数应为数字/u);
  });

  it('reads English headers, and says what is missing when the header is not there', () => {
    const en = readEventCalendar([['Event', 'Phase', 'Start', 'End'], ['618', 'build-up', '2026-05-13', '2026-05-26']]);
    expect(en.windows).toEqual([{ name: '618', phase: 'build', first: '2026-05-13', last: '2026-05-26', isDefault: false }]);
    const none = readEventCalendar([['活动', '日期'], ['618', '2026-06-18']]);
    expect(none.windows).toEqual([]);
    expect(none.issues[0]!.message['zh-CN']).toBe('活动日历需要表头行：活动、阶段、开始日期、结束日期');
  });
});

describe('the calendar reaches the plan', () => {
  it('a 活动日历 sheet in the workbook marks the plan days and prices them; built-ins alone do not', async () => {
    const { workbook, history } = buildSampleWorkbook(3);
    const last = history.days[history.days.length - 1]!.date; // 2024-05-29
    expect(last).toBe('2024-05-29');
    const bare = await readMerchantBuffers([{ data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), fileName: 's.xlsx' }]);
    expect(bare.events).toBeUndefined();
    expect(bare.history.history.events).toBeUndefined();
    const ws = workbook.addWorksheet('活动日历');
    ws.addRow(['活动', '阶段', '开始日期', '结束日期']);
    // An empty calendar: the built-in windows only (the fits see the same windows as below).
    const base = await readMerchantBuffers([{ data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), fileName: 's.xlsx' }]);
    expect(base.events?.read.windows).toEqual([]);
    // Not 618: a user 618 row would replace 618 2024's built-in build-up, which lies inside the history.
    ws.addRow(['店庆', '爆发', '2024-06-15', '2024-06-18']);
    ws.addRow(['店庆', '爆发', '2024-06-20', '2024-06-18']);
    const read = await readMerchantBuffers([{ data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer), fileName: 's.xlsx' }]);
    expect(read.events?.source).toBe('活动日历');
    expect(read.events?.read.issues.map((i) => i.address)).toEqual(['D3']);
    const events = read.history.history.events ?? [];
    expect(events.filter((w) => w.name === '店庆')).toEqual([{ name: '店庆', phase: 'peak', first: '2024-06-15', last: '2024-06-18', isDefault: false }]);
    // The built-in 618 peak on the same days is dropped (the user's window wins a clash); its build-up stays.
    expect(events.filter((w) => w.name === '618' && w.last.startsWith('2024')).map((w) => w.phase)).toEqual(['build', 'warmup', 'encore', 'hangover']);
    // The built-in 七夕 2024 stays (the user did not name it).
    expect(events.some((w) => w.name === '七夕' && w.isDefault)).toBe(true);

    const scenarios = read.assumptions!.scenarios;
    const withUser = planFor({ history: read.history.history, scenarios, scenario: 'Base' }).plans[0]!;
    const plain = planFor({ history: base.history.history, scenarios, scenario: 'Base' }).plans[0]!;
    const d = withUser.report.days.find((x) => x.date === '2024-06-16')!;
    expect(d).toMatchObject({ event: '店庆', phase: 'peak' });
    const p = plain.report.days.find((x) => x.date === '2024-06-16')!;
    expect(p.event).toBeUndefined();
    // Organic × 2 (the default) on the confirmed peak; the days before the window are the plain plan's.
    expect(d.organicGmv).toBeGreaterThan(1.5 * p.organicGmv);
    const pick = (x: { spend: number; gmv: number; profit: number }) => [x.spend, x.gmv, x.profit];
    expect(withUser.report.days.slice(0, 16).map(pick)).toEqual(plain.report.days.slice(0, 16).map(pick));
    // Stock for the 4 peak days is bought event_stock_days (14) before 06-15: cash is lower by its cost from 06-01.
    const peakGmv = withUser.report.days.filter((x) => x.phase === 'peak').reduce((t, x) => t + x.gmv, 0);
    const cashOn = (plan: typeof plain, date: string): number => plan.report.days.find((x) => x.date === date)!.cash;
    expect(cashOn(plain, '2024-05-31') - cashOn(withUser, '2024-05-31')).toBeCloseTo(0, 6);
    expect(cashOn(plain, '2024-06-05') - cashOn(withUser, '2024-06-05')).toBeCloseTo(withUser.assumptions.cogs_rate * peakGmv, 4);
    expect(withUser.report.events?.map((e) => [e.name, e.phases.map((x) => x.phase)])).toEqual([['店庆', ['peak']]]);
    expect(plain.report.events).toBeUndefined();
  });

  it('--events FILE: a CSV calendar', async () => {
    const csv = new TextEncoder().encode('活动,阶段,开始日期,结束日期\n双11,爆发,2026-11-08,2026-11-11\n');
    const r = await readEventsBuffer(csv, 'cal.csv');
    expect(r.source).toBe('cal.csv');
    expect(r.read.windows).toHaveLength(1);
  });
});
