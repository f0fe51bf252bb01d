import fc from 'fast-check';
import { readHistory } from '../../src/data/history';
import type { Cell, DataIssue } from '../../src/data/table';
import { AdplanError } from '../../src/model/core';
import { DEFAULT_TRUTH, generateMerchant, type SpendScheduleTruth } from '../../src/sample/merchant';
import { historyToCompassCells, makeDailyCells } from '../../src/sample/sheet';

const H = ['日期', '观看次数', '自然流量观看次数', '付费流量观看次数', '成交订单数', '成交金额', '退款金额', '千川消耗', '直接成交金额', '直接成交订单数'];
const only = (issues: DataIssue[], severity: DataIssue['severity']) => issues.filter((i) => i.severity === severity);

describe('organic/paid split (MODEL.md §1), worked by hand', () => {
  it('paid orders given: organic = total − paid for GMV, orders; organic views as exported', () => {
    const r = readHistory([H, ['2024-05-01', 10000, 8000, 2000, 100, 12000, 1000, 1000, 4000, 30]]);
    expect(r.history.days[0]).toMatchObject({ organicGmv: 8000, organicOrders: 70, organicViews: 8000, paidViews: 2000, paidGmv: 4000 });
  });

  it('paid orders missing: orders split by GMV share (100 × 8000/12000 = 66.666667)', () => {
    const r = readHistory([H, ['2024-05-01', 10000, '', 2000, 100, 12000, '', 1000, 4000, '']]);
    const d = r.history.days[0];
    expect(d?.organicOrders).toBeCloseTo(66.666667, 6);
    expect(d?.paidOrders).toBeNull();
    // No organic column: views − paid views.
    expect(d?.organicViews).toBe(8000);
    expect(d?.refundAmount).toBeNull();
  });

  it('spend 0 and paid GMV missing ⇒ paid GMV 0, organic views = views', () => {
    const r = readHistory([H, ['2024-05-01', 9000, '', '', 90, 10800, '', 0, '', '']]);
    expect(r.history.days[0]).toMatchObject({ paidGmv: 0, organicGmv: 10800, organicOrders: 90, organicViews: 9000, spend: 0 });
    expect(only(r.issues, 'error')).toHaveLength(0);
  });

  it('spend > 0 and paid GMV missing ⇒ the day cannot be split: reported, not guessed', () => {
    const r = readHistory([H, ['2024-05-01', 9000, '', '', 90, 10800, '', 500, '--', '']]);
    expect(r.history.days[0]).toMatchObject({ paidGmv: null, organicGmv: null, organicOrders: null, organicViews: null });
    expect(only(r.issues, 'warning')[0]).toMatchObject({ row: 2, address: 'I2', column: '直接成交金额' });
  });

  it('no spend column at all: every day is organic', () => {
    const r = readHistory([
      ['日期', '观看次数', '成交订单数', '成交金额'],
      ['2024-05-01', 5000, 50, 6000],
    ]);
    expect(r.history.days[0]).toMatchObject({ spend: 0, paidGmv: 0, organicGmv: 6000, organicOrders: 50, organicViews: 5000 });
  });
});

describe('rows, sessions and days', () => {
  it('sessions (date-times) are summed into their calendar day, a session after midnight belongs to the next day', () => {
    const r = readHistory([
      H,
      ['2024-05-01 10:00:00', 1000, 1000, 0, 10, 1200, 100, 0, 0, 0],
      ['2024-05-01 20:00:00', 3000, 2500, 500, 30, 3600.1, 300, 200, 1000.2, 8],
      ['2024-05-02 00:30:00', 2000, 2000, 0, 20, 2400, 200, 0, 0, 0],
    ]);
    expect(r.history.days.map((d) => d.date)).toEqual(['2024-05-01', '2024-05-02']);
    // 1200 + 3600.1 = 4800.1 exactly (not 4800.099999999999); 0 + 1000.2 − … organic 3799.9.
    expect(r.history.days[0]).toMatchObject({ views: 4000, orders: 40, gmv: 4800.1, paidGmv: 1000.2, organicGmv: 3799.9, organicOrders: 32 });
    expect(r.rowsRead).toBe(3);
    expect(r.issues).toEqual([]);
  });

  it('a totals row (合計, Total, 汇总…) is recognised and excluded, not a day', () => {
    for (const label of ['合计', '合計', '总计', 'Total', 'TOTAL', '汇总', '小计']) {
      const r = readHistory([H, ['2024-05-01', 100, 100, 0, 1, 10, 0, 0, 0, 0], [], [label, 100, 100, 0, 1, 10, 0, 0, 0, 0]]);
      expect(r.history.days).toHaveLength(1);
      expect(r.totals.gmv).toBe(10);
      expect(r.issues).toEqual([expect.objectContaining({ severity: 'info', row: 4, value: label })]);
    }
  });

  it('blank rows, and rows of zeros (desktop Excel sends 0 for blanks), are skipped silently', () => {
    const r = readHistory([H, [], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [null, null], ['2024-05-01', 100, 100, 0, 1, 10, 0, 0, 0, 0]]);
    expect(r.history.days).toHaveLength(1);
    expect(r.rowsRead).toBe(1);
    expect(r.issues).toEqual([]);
  });

  it('identical date-only rows are duplicates (second skipped); different ones are summed with a warning', () => {
    const r = readHistory([
      H,
      ['2024-05-01', 100, 100, 0, 1, 10, 0, 0, 0, 0],
      ['2024-05-01', 100, 100, 0, 1, 10, 0, 0, 0, 0],
      ['2024-05-02', 100, 100, 0, 1, 10, 0, 0, 0, 0],
      ['2024-05-02', 200, 200, 0, 2, 20, 0, 0, 0, 0],
    ]);
    expect(r.history.days.map((d) => [d.date, d.gmv])).toEqual([['2024-05-01', 10], ['2024-05-02', 30]]);
    expect(only(r.issues, 'error')).toEqual([expect.objectContaining({ row: 3, address: 'A3' })]);
    expect(only(r.issues, 'error')[0]?.message['en-US']).toContain('duplicate of row 2');
    expect(only(r.issues, 'warning')[0]?.message['en-US']).toContain('2 rows share the date 2024-05-02');
    expect(r.rowsSkipped).toBe(1);
  });

  it('newest-first exports are fine; shuffled dates are sorted with a warning', () => {
    const row = (d: string): Cell[] => [d, 100, 100, 0, 1, 10, 0, 0, 0, 0];
    const desc = readHistory([H, row('2024-05-03'), row('2024-05-02'), row('2024-05-01')]);
    expect(desc.history.days.map((d) => d.date)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
    expect(desc.issues).toEqual([]);
    const mixed = readHistory([H, row('2024-05-02'), row('2024-05-03'), row('2024-05-01')]);
    expect(mixed.history.days.map((d) => d.date)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03']);
    expect(only(mixed.issues, 'warning')[0]?.message['en-US']).toContain('not in date order');
  });

  it('refunds exported as negative amounts (a whole column ≤ 0) are read as positive, once noted', () => {
    const r = readHistory([H, ['2024-05-01', 100, 100, 0, 1, 10, -2, 0, 0, 0], ['2024-05-02', 100, 100, 0, 1, 10, '--', 0, 0, 0]]);
    expect(r.history.days[0]?.refundAmount).toBe(2);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'info', column: '退款金额' })]);
  });

  it('a single negative refund among positive ones is an error on that cell', () => {
    const r = readHistory([H, ['2024-05-01', 100, 100, 0, 1, 10, -2, 0, 0, 0], ['2024-05-02', 100, 100, 0, 1, 10, 3, 0, 0, 0]]);
    expect(only(r.issues, 'error')).toEqual([expect.objectContaining({ row: 2, address: 'G2', value: '-2' })]);
    expect(r.history.days.map((d) => d.date)).toEqual(['2024-05-02']);
  });

  it('origin moves rows and addresses: a range at C5 of "Sheet1"', () => {
    const r = readHistory([H, ['2024-05-01', 100, 100, 0, 'x', 10, 0, 0, 0, 0], ['2024-05-02', 100, 100, 0, 1, 10, 0, 0, 0, 0]], {
      sheet: 'Sheet1',
      row: 5,
      column: 3,
    });
    expect(r.headerRow).toBe(5);
    expect(only(r.issues, 'error')).toEqual([expect.objectContaining({ sheet: 'Sheet1', row: 6, address: 'G6', column: '成交订单数', value: 'x' })]);
  });

  it('a table with no valid row is unusable: AdplanError naming the first bad cells', () => {
    expect(() => readHistory([H, ['2024-05-01', 100, 100, 0, 'x', 10, 0, 0, 0, 0]])).toThrow(AdplanError);
    expect(() => readHistory([H, ['2024-05-01', 100, 100, 0, 'x', 10, 0, 0, 0, 0]])).toThrow(/No usable row: 1 data rows read, 1 skipped, e\.g\. E2 expected a number for orders/u);
    expect(() => readHistory([H])).toThrow(/No usable row: 0 data rows read/u);
  });

  it('never yields NaN or Infinity, whatever the cells (property)', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.constant('--'),
      fc.double({ noNaN: false }),
      fc.integer({ min: -10, max: 100000 }),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('1.2万', '¥1,234', '3%', '2024-05-01', '2024/5/2 20:00', '合计', 'abc'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { maxLength: 8 }), (rows) => {
        try {
          const r = readHistory([H, ...rows]);
          // Every number the reader produces is finite (issue texts may quote a raw "NaN" cell).
          const numbers = [...r.history.days.flatMap((d) => Object.values(d)), ...Object.values(r.totals)];
          return numbers.every((v) => typeof v !== 'number' || Number.isFinite(v));
        } catch (e) {
          return e instanceof AdplanError && e.kind === 'input';
        }
      }),
      { numRuns: 150, seed: 424242 },
    );
  });
});

describe('any permutation of columns and any split of a day into sessions give the same history (property)', () => {
  const permute = (cells: Cell[][], order: number[]): Cell[][] => cells.map((r) => order.map((j) => r[j] ?? null));

  it('Compass sessions (shuffled columns, 1–4 sessions a day, messy or clean cells) read like one row per day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.integer({ min: 2, max: 12 }),
        (seed, maxSessions, messy, days) => {
          const { history } = generateMerchant(seed, { days, spend: { ...(DEFAULT_TRUTH.spend as SpendScheduleTruth), startDay: 1, pauseProbability: 0.2 } });
          const daily = readHistory(makeDailyCellsFrom(history));
          const sessions = historyToCompassCells(history, { seed, maxSessions, messy });
          const width = sessions[0]?.length ?? 0;
          const order = fc.sample(fc.shuffledSubarray([...Array(width).keys()], { minLength: width, maxLength: width }), { seed, numRuns: 1 })[0] as number[];
          const r = readHistory(permute(sessions, order));
          expect(r.history).toEqual(daily.history);
          expect(r.totals).toEqual(daily.totals);
        },
      ),
      { numRuns: 25 },
    );
  });

  function makeDailyCellsFrom(history: ReturnType<typeof generateMerchant>['history']): Cell[][] {
    return [
      ['日期', '直播间观看次数', '自然流量观看次数', '千川观看次数', '成交订单数', '直播间成交金额', '退款金额', '千川消耗', '直接成交金额', '直接成交订单数', '直播间成交人数', '直播间曝光人数', '直播间商品点击人数'],
      ...history.days.map((d) => [d.date, d.views, d.organicViews, d.paidViews, d.orders, d.gmv, d.refundAmount, d.spend, d.paidGmv, d.paidOrders, d.buyers, d.impressions, d.clicks]),
    ];
  }

  it('the reader recovers the generator’s history from its daily cells', () => {
    const { history } = generateMerchant(3, { days: 60 });
    const r = readHistory(makeDailyCells(60, 3));
    r.history.days.forEach((d, i) => {
      const t = history.days[i];
      expect(d.date).toBe(t?.date);
      expect(d.gmv).toBe(t?.gmv);
      expect(d.orders).toBe(t?.orders);
      expect(d.organicGmv).toBeCloseTo(t?.organicGmv ?? NaN, 6);
      expect(d.organicOrders).toBe(t?.organicOrders);
      expect(d.organicViews).toBe(t?.organicViews);
    });
  });
});

describe('totals row cross-check', () => {
  const row = (d: string, gmv: number): Cell[] => [d, 100, 100, 0, 1, gmv, 0, 0, 0, 0];
  it('a 合计 row that disagrees with the rows is a warning (truncated or filtered paste)', () => {
    const r = readHistory([H, row('2024-05-01', 10), row('2024-05-02', 20.5), ['合计', 200, 200, 0, 2, 40, 0, 0, 0, 0]]);
    const w = r.issues.filter((i) => i.severity === 'warning');
    expect(w).toEqual([expect.objectContaining({ row: 4, address: 'F4', value: '40' })]);
    expect(w[0]?.message['en-US']).toBe('the totals row says gmv 40 but the rows sum to 30.5: are rows missing or filtered?');
  });
  it('an agreeing 合计 row is only noted', () => {
    const r = readHistory([H, row('2024-05-01', 10), row('2024-05-02', 20.5), ['合计', 200, 200, 0, 2, '30.50', 0, 0, 0, 0]]);
    expect(r.issues.map((i) => i.severity)).toEqual(['info']);
  });
});

describe('unit multipliers in headers', () => {
  it('成交金额(万元) holds 万: 1.2 → 12,000, noted once', () => {
    const r = readHistory([
      ['日期', '观看次数(万)', '成交订单数', '成交金额（万元）', '退款金额(元)'],
      ['2024-05-01', 0.5, 50, 1.2, 100],
      ['2024-05-02', '0.07', 60, 0.07, 0],
    ]);
    // 0.07 × 10000 is 700.0000000000001 in floating point: cleaned to 700. (元) is not a multiplier.
    expect(r.history.days.map((d) => [d.views, d.gmv, d.refundAmount])).toEqual([[5000, 12000, 100], [700, 700, 0]]);
    expect(r.issues.map((i) => [i.severity, i.address])).toEqual([['info', 'B1'], ['info', 'D1']]);
    expect(r.issues[1]?.message['en-US']).toBe('gmv is in units of 10,000 (from the header): values multiplied by 10,000');
  });
});
