import { readAssumptions, suggestKey } from '../../src/data/assumptions';
import type { Cell, DataIssue } from '../../src/data/table';
import { ASSUMPTIONS, ASSUMPTION_KEYS } from '../../src/model/settings';

const errors = (issues: DataIssue[]) => issues.filter((i) => i.severity === 'error');

describe('readAssumptions', () => {
  it('the task pane layout: key | label | unit | Base | Conservative | Aggressive | notes', () => {
    const cells: Cell[][] = [
      ['key', 'label', 'unit', 'Base', 'Conservative', 'Aggressive', 'notes'],
      ['cogs_rate', '商品成本率', 'rate', 0.4, null, 0.35, 'landed cost'],
      ['safety_margin', '安全边际', 'rate', 0.15, 0.3, 0.05, null],
      ['cash_available', '可用资金', 'money', '20万', null, null, null],
    ];
    const r = readAssumptions(cells);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.scenarios).toEqual([
      { name: 'Base', values: { cogs_rate: 0.4, safety_margin: 0.15, cash_available: 200000 } },
      // Blanks take the first scenario column's value.
      { name: 'Conservative', values: { cogs_rate: 0.4, safety_margin: 0.3, cash_available: 200000 } },
      { name: 'Aggressive', values: { cogs_rate: 0.35, safety_margin: 0.05, cash_available: 200000 } },
    ]);
  });

  it('Chinese header cells (中文名/单位/说明/备注) are not scenarios either', () => {
    const r = readAssumptions([
      ['参数', '中文名', '单位', '基准', '说明', '备注'],
      ['fee_rate', '技术服务费率', '比例', '5%', '类目费率', ''],
    ]);
    expect(r.scenarios).toEqual([{ name: '基准', values: { fee_rate: 0.05 } }]);
  });

  it('keys as canonical, zh-CN label (any width or script) or en label', () => {
    const r = readAssumptions([
      ['key', 'Base'],
      ['商品成本率', 0.4],
      ['回款周期（天）', 15],
      ['退款率', '20%'],
      ['Platform service fee rate', '3%'],
      ['  CASH_AVAILABLE ', 1000],
      ['計劃天數', 60],
    ]);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.scenarios[0]?.values).toEqual({ cogs_rate: 0.4, settlement_days: 15, refund_rate: 0.2, fee_rate: 0.03, cash_available: 1000, horizon_days: 60 });
  });

  it('reports, in one note, the keys left to their documented defaults (given or derived keys are not listed)', () => {
    const r = readAssumptions([
      ['key', 'Base'],
      ['cogs_rate', 0.4],
      ['cash_available', 1000],
      ['fee_rate', 0.03],
    ]);
    const notes = r.issues.filter((i) => i.severity === 'info');
    expect(notes).toHaveLength(1);
    const en = notes[0]!.message['en-US'];
    expect(en).toMatch(/^defaults used for keys not in the table: commission_rate 0, shipping_per_order 0/);
    expect(en).toContain('resale_rate 0.8');
    expect(en).toContain('settlement_days 15');
    // Given keys, history-derived (refund_rate, aov) and unlimited keys are not defaults.
    for (const k of ['fee_rate', 'cogs_rate', 'refund_rate', 'aov', 'max_daily_spend', 'capacity_orders_per_day']) expect(en).not.toMatch(new RegExp(`[ :]${k} `));
    expect(notes[0]!.message['zh-CN']).toContain('退货可再售比例 0.8');
  });

  it('absent keys stay absent: no engine defaults applied here', () => {
    const r = readAssumptions([['key', 'Base'], ['cogs_rate', 0.4]]);
    expect(r.scenarios[0]?.values).toEqual({ cogs_rate: 0.4 });
  });

  it('an unknown key is an error with a "did you mean" and its cell', () => {
    const r = readAssumptions([['key', 'Base'], ['cash_availble', 1000]], { sheet: '假设', row: 1, column: 1 });
    expect(errors(r.issues)).toEqual([
      expect.objectContaining({ sheet: '假设', row: 2, address: 'A2', value: 'cash_availble', column: 'key' }),
    ]);
    expect(r.issues[0]?.message['en-US']).toBe('unknown assumption key "cash_availble" — did you mean cash_available (可用资金)?');
    expect(r.issues[0]?.message['zh-CN']).toContain('是否想写 cash_available（可用资金）');
    expect(r.scenarios[0]?.values).toEqual({});
  });

  it('suggests from labels too, and not for unrelated words', () => {
    expect(suggestKey('商品成本')).toBe('cogs_rate');
    expect(suggestKey('safty_margin')).toBe('safety_margin');
    expect(suggestKey('completely unrelated words')).toBeUndefined();
  });

  it('a section title (unknown key without values) is only a warning', () => {
    const r = readAssumptions([['key', 'Base'], ['成本 Costs', null], ['cogs_rate', 0.4]]);
    expect(r.issues.filter((i) => i.severity !== 'info').map((i) => i.severity)).toEqual(['warning']);
  });

  it('values are checked against unit, range and integer rules, naming the cell', () => {
    const r = readAssumptions([
      ['key', 'Base', 'Alt'],
      ['fee_rate', 5, '5%'],
      ['settlement_days', 15.5, 15],
      ['aov', 0, 100],
      ['shipping_per_order', '3%', 6],
      ['cash_available', 'lots', 1],
      ['organic_drift', '-0.5%', '-30%'],
    ]);
    const byAddr = Object.fromEntries(errors(r.issues).map((i) => [i.address, i.message['en-US']]));
    expect(byAddr).toEqual({
      B2: 'fee_rate must be ≥ 0 (0%) and ≤ 1 (100%), found 5 (did you mean 5%?)',
      B3: 'settlement_days must be a whole number of days, found 15.5',
      B4: 'aov must be > 0 and ≤ 1000000000000, found 0',
      B5: 'a percentage is not allowed in shipping_per_order; expected a plain number; shipping_per_order is an amount of money',
      B6: 'expected a number for cash_available (e.g. 1234, 1,234, ¥1234, 1.2万); cash_available is an amount of money',
      C7: 'organic_drift must be ≥ -0.2 (-20%) and ≤ 0.2 (20%), found -0.3',
    });
    expect(r.scenarios[0]?.values).toEqual({ organic_drift: -0.005 });
    // An invalid first-column value is not inherited by a blank elsewhere, and valid values stay.
    expect(r.scenarios[1]?.values).toEqual({ fee_rate: 0.05, settlement_days: 15, aov: 100, shipping_per_order: 6, cash_available: 1 });
  });

  it('blank scenario headers are named "Scenario N"; duplicate names are errors', () => {
    const r = readAssumptions([
      ['key', 'Base', null, 'base'],
      ['cogs_rate', 0.4, 0.5, 0.3],
    ]);
    expect(r.scenarios.map((s) => s.name)).toEqual(['Base', 'Scenario 2', 'base']);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ address: 'D1', column: 'base' })]);
  });

  it('a key given twice is an error on the second row', () => {
    const r = readAssumptions([['key', 'Base'], ['cogs_rate', 0.4], ['商品成本率', 0.5]]);
    expect(errors(r.issues)).toEqual([expect.objectContaining({ row: 3, address: 'A3' })]);
    expect(r.scenarios[0]?.values).toEqual({ cogs_rate: 0.4 });
  });

  it('title rows above the header and a section row below it do not confuse the header', () => {
    const r = readAssumptions([
      ['投放假设 2024'],
      [],
      ['参数', '中文名', '基准', '保守'],
      ['成本', null, null, null],
      ['cogs_rate', '商品成本率', 0.4, 0.45],
    ]);
    expect(r.scenarios.map((s) => s.name)).toEqual(['基准', '保守']);
    expect(r.scenarios[1]?.values).toEqual({ cogs_rate: 0.45 });
  });

  it('no scenario column at all is an error', () => {
    const r = readAssumptions([['key', '中文名'], ['cogs_rate', '商品成本率']]);
    expect(r.scenarios).toEqual([]);
    expect(errors(r.issues)).toHaveLength(1);
  });

  it('every registry key resolves by its canonical name, zh label and en label', () => {
    for (const k of ASSUMPTION_KEYS) {
      const s = ASSUMPTIONS[k];
      const v = s.min + (s.minExclusive ? 1 : 0);
      const r = readAssumptions([['key', 'Base'], [k, v], [s.zh, v], [s.en, v]]);
      // Rows 2 and 3 repeat the key under another name: same key, so "given twice".
      expect(r.scenarios[0]?.values).toEqual({ [k]: v });
      expect(errors(r.issues).map((i) => i.row)).toEqual([3, 4]);
    }
  });
});
