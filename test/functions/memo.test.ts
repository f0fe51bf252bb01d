import './fake-runtime';
import { kpi, simulate } from '../../src/functions/as-called';
import { Lru, Memo } from '../../src/functions/memo';
import { memoStats } from '../../src/functions/planning';
import { sampleRanges } from './sample-ranges';

describe('content memoisation', () => {
  it('500 KPI cells over fresh copies of the same ranges plan each scenario once', async () => {
    const { history, assumptions } = await sampleRanges();
    const before = memoStats();
    const metrics = ['total_profit', 'peak_capital', 'min_cash', 'payback_day', 'sustainable_spend'];
    const values = new Map<string, unknown>();
    for (let i = 0; i < 500; i++) {
      // Excel hands every call its own copy of the range.
      const h = structuredClone(history);
      const a = structuredClone(assumptions);
      const key = `${metrics[i % 5]}|${i % 3}`;
      const v = kpi(h, a, metrics[i % 5], ['Base', 'Conservative', 'Aggressive'][i % 3]);
      if (values.has(key)) expect(v).toBe(values.get(key));
      values.set(key, v);
    }
    const after = memoStats();
    expect(after.analyses - before.analyses).toBe(1);
    expect(after.plans - before.plans).toBe(3);
  });

  it('SIMULATE cells with the same inputs share one simulation; a new seed is a new one', async () => {
    const { history, assumptions } = await sampleRanges();
    const before = memoStats().simulations;
    for (const stat of [0.1, 0.5, 0.9]) simulate(structuredClone(history), assumptions, 'total_profit', stat, null, 200, 3);
    simulate(history, assumptions, 'p_loss', null, null, 200, 3);
    expect(memoStats().simulations - before).toBe(1);
    simulate(history, assumptions, 'p_loss', null, null, 200, 4);
    expect(memoStats().simulations - before).toBe(2);
  });

  it('LRU evicts the least recently used entry and stays bounded', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.size).toBe(2);
    const memo = new Memo<number>(3);
    for (let i = 0; i < 100; i++) memo.get(String(i), () => i);
    expect(memo.size).toBe(3);
  });

  it('caches failures too (the same bad input is not recomputed)', () => {
    const memo = new Memo<number>(4);
    let calls = 0;
    const bad = () => {
      calls++;
      throw new Error('no');
    };
    expect(() => memo.get('x', bad)).toThrow('no');
    expect(() => memo.get('x', bad)).toThrow('no');
    expect(calls).toBe(1);
  });
});
