import { text } from '../../src/i18n/text';
import { AdplanError } from '../../src/model/core';
import type { DayRecord, History } from '../../src/model/core';
import { annualise, cashOf, currentSpendOf, errorRow, pickScenario, plannedRow } from '../../src/portfolio/row';
import { portfolioHuman } from '../../src/portfolio/human';
import { portfolioJson } from '../../src/portfolio/json';
import { summarise } from '../../src/portfolio/summary';
import { report, scenario } from './fixtures';

function history(spends: number[]): History {
  const days = spends.map(
    (spend, i): DayRecord => ({
      date: `2024-05-${String(i + 1).padStart(2, '0')}`,
      views: 1000,
      organicViews: 1000,
      paidViews: 0,
      orders: 10,
      gmv: 1200,
      refundAmount: 0,
      spend,
      paidGmv: 0,
      paidOrders: 0,
      organicGmv: 1200,
      organicOrders: 10,
      buyers: null,
      impressions: null,
      clicks: null,
    }),
  );
  return { days, viewsMeasure: 'count' };
}

const SCENARIOS = [
  { name: 'Base', values: { cash_available: 100_000, cash_reserve: 10_000, cogs_rate: 0.4 } },
  { name: 'Aggressive', values: { cash_available: 50_000, cogs_rate: 0.4 } },
];

describe('current spend', () => {
  it('is the mean of the last 7 history days', () => {
    expect(currentSpendOf(history([9999, 0, 0, 700, 700, 700, 700, 700, 700, 0]))).toBeCloseTo(4200 / 7, 12);
  });
  it('is the mean of all days when fewer than 7, and 0 without days', () => {
    expect(currentSpendOf(history([100, 200]))).toBe(150);
    expect(currentSpendOf(history([]))).toBe(0);
  });
});

describe('scenario and cash', () => {
  it('picks the named scenario, else the first; an unknown name lists the valid ones', () => {
    const r = report([scenario({ name: 'Base' }), scenario({ name: 'Aggressive' })]);
    expect(pickScenario(r, undefined).name).toBe('Base');
    expect(pickScenario(r, 'Aggressive').name).toBe('Aggressive');
    expect(pickScenario(r, ' aggressive ').name).toBe('Aggressive');
    expect(() => pickScenario(r, 'Wild')).toThrow(/Unknown scenario "Wild".*Base, Aggressive/u);
  });
  it('reads cash_available and cash_reserve (default 0) of the planned scenario', () => {
    expect(cashOf(SCENARIOS, 'Base')).toEqual({ cashAvailable: 100_000, cashReserve: 10_000 });
    expect(cashOf(SCENARIOS, 'Aggressive')).toEqual({ cashAvailable: 50_000, cashReserve: 0 });
  });
  it('names cash_available in both languages when it is missing', () => {
    try {
      cashOf([{ name: 'Base', values: {} }], 'Base');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(AdplanError);
      expect((e as AdplanError).text['en-US']).toContain('cash_available');
      expect((e as AdplanError).text['zh-CN']).toContain('可用资金');
    }
  });
});

describe('rows', () => {
  it('annualises return on capital over the plan horizon, only where meaningful', () => {
    expect(annualise(0.5, 90)).toBeCloseTo((0.5 * 365) / 90, 12);
    expect(annualise(null, 90)).toBeNull();
    expect(annualise(0.5, 0)).toBeNull();
    // Shorter than 60 days, or beyond ±500 % a year (531–1,834 % in issue 14): blank.
    expect(annualise(0.5, 59)).toBeNull();
    expect(annualise(0.5, 60)).toBeCloseTo((0.5 * 365) / 60, 12);
    expect(annualise(1.5, 90)).toBeNull();
    expect(annualise(-1.5, 90)).toBeNull();
  });

  it('keeps the planned scenario KPIs and risk, the tier and the reason', () => {
    const r = report([scenario({ name: 'Base' }), scenario({ name: 'Aggressive', kpis: { sustainableSpend: 100 } })]);
    const row = plannedRow({ file: 'a/m.xlsx', report: r, history: history([1000, 1000]), scenarios: SCENARIOS, scenario: 'Aggressive' });
    expect(row).toMatchObject({ file: 'a/m.xlsx', status: 'ok', tier: 'cut-back', scenario: 'Aggressive', currentSpend: 1000 });
    expect(row.kpis?.sustainableSpend).toBe(100);
    expect(row.risk?.pLoss).toBe(0.05);
    expect(row.annualReturn).toBeCloseTo((0.5 * 365) / 90, 12);
    // The targets to set, per merchant (MODEL §12).
    expect(row.targets).toEqual({ basis: 'direct', roomRoi: 7, roomRoiNet: 6.65, dailyBudget: 1000, roomBreakEvenRoi: 4.1 });
  });

  it('says how many invalid history rows were skipped, after the reason', () => {
    const r = report([scenario()]);
    const one = plannedRow({ file: 'm.xlsx', report: r, history: history([1000]), scenarios: SCENARIOS, rowsSkipped: 1 });
    expect(one.reason['en-US']).toMatch(/^Scale: .* \(1 invalid row skipped: see adplan check\)$/u);
    const three = plannedRow({ file: 'm.xlsx', report: r, history: history([1000]), scenarios: SCENARIOS, rowsSkipped: 3 });
    expect(three.reason['zh-CN']).toMatch(/（跳过 3 行无效数据：见 adplan check）$/u);
    expect(plannedRow({ file: 'm.xlsx', report: r, history: history([1000]), scenarios: SCENARIOS }).reason['en-US']).not.toContain('skipped');
  });

  it('never lets NaN or Infinity through', () => {
    const r = report([scenario({ kpis: { roi: Number.NaN, returnOnCapital: Number.POSITIVE_INFINITY } })]);
    const row = plannedRow({ file: 'm.xlsx', report: r, history: history([1000]), scenarios: SCENARIOS });
    expect(row.kpis?.roi).toBeNull();
    expect(row.kpis?.returnOnCapital).toBeNull();
    expect(row.annualReturn).toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/NaN|Infinity/u);
  });

  it('turns an AdplanError into a data-fix row with its bilingual text', () => {
    const e = new AdplanError('input', text('Missing GMV column', '缺少成交金额列'), 'gmv');
    expect(errorRow('x.csv', e)).toEqual({
      file: 'x.csv',
      status: 'error',
      tier: 'data-fix',
      reason: { 'en-US': 'Missing GMV column', 'zh-CN': '缺少成交金额列' },
      kpis: null,
      risk: null,
      peakCapital: null,
      annualReturn: null,
      currentSpend: null,
      scenario: null,
    });
  });

  it('reports an unexpected error as such, in both languages', () => {
    const r = errorRow('x.csv', new RangeError('boom'));
    expect(r.reason).toEqual({ 'en-US': 'Unexpected error: boom', 'zh-CN': '意外错误：boom' });
  });
});

describe('engine errors that mean "not ready"', () => {
  it('maps a math error (unit margin ≤ 0) to organic-first, not data-fix', () => {
    const e = new AdplanError('math', text('Unit margin is -0.02 (≤ 0)', '单位贡献率为 -0.02(≤ 0)'), 'unit_margin');
    expect(errorRow('m.xlsx', e)).toMatchObject({
      status: 'not_ready',
      tier: 'organic-first',
      reason: { 'en-US': 'Organic first: Unit margin is -0.02 (≤ 0)', 'zh-CN': '先做自然流：单位贡献率为 -0.02(≤ 0)' },
      kpis: null,
    });
  });
});

describe('peak capital: one number (issue 11 item 7)', () => {
  it('the column, the JSON, the summary and the reason show the same peak capital', () => {
    // The simulated P90 (58,781) is above the plan's own (53,035): the reason used the one, the column the other.
    const s = scenario({ name: 'Base', kpis: { peakCapital: 53_035 }, risk: { peakCapitalP90: 58_781 } });
    const r = plannedRow({ file: 'a.xlsx', report: report([s]), history: history([1000, 1000, 1000]), scenarios: SCENARIOS });
    expect(r.peakCapital).toBe(58_781);
    expect(r.reason['en-US']).toContain('58,781');
    const human = portfolioHuman([r], summarise([r]), 'en-US');
    // The table names the merchant (file base name): its row is rank 1.
    const line = human.split('\n').find((l) => /^\s*1\s/u.test(l)) ?? '';
    expect(line).toContain('58,781');
    expect(line).not.toContain('53,035');
    expect(portfolioJson([r], summarise([r]), 'en-US').merchants[0]?.peakCapital).toBe(58_781);
    if (r.status === 'ok') expect(summarise([r]).totalPeakCapital).toBe(58_781);
  });

  it('without risk it is the plan\'s own', () => {
    const s = scenario({ name: 'Base', kpis: { peakCapital: 53_035 }, risk: null });
    const r = plannedRow({ file: 'a.xlsx', report: report([s]), history: history([1000, 1000, 1000]), scenarios: SCENARIOS });
    expect(r.peakCapital).toBe(53_035);
  });
});
