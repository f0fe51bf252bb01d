/**
 * A plain export (no assumptions table) gets a first answer: everything missing said at once,
 * what the history supplies (退款率 from 退款金额) never asked for, and with --defaults a first
 * plan on labelled category defaults.
 */
import { join } from 'node:path';
import { isAdplanError } from '../../src/model/core';
import { resolveAssumptions } from '../../src/model/economics';
import { CATEGORY_INPUTS } from '../../src/model/settings';
import { runCli } from '../helpers/cli';

const FAM = join(__dirname, '..', 'fixtures', 'families');
const withRefunds = join(FAM, 'qianchuan-standard-compass-live.xlsx');
const noRefunds = join(FAM, 'qianchuan-uni-live.gbk.csv');

describe('a first answer from a plain export', () => {
  it('the engine names every missing input at once; the history’s refund rate is not asked for', () => {
    const zh = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (isAdplanError(e)) return e.text['zh-CN'];
        throw e;
      }
      return '';
    };
    expect(zh(() => resolveAssumptions({}, { refundRate: 0.08, aov: 100 }))).toBe('还差 2 项才能出方案：商品成本率、可用资金。请在假设表中填写，或先按标注的行业默认值出一版方案。');
    expect(zh(() => resolveAssumptions({}, { refundRate: null, aov: 100 }))).toMatch(/^还差 3 项才能出方案：商品成本率、退款率（历史数据中没有）、可用资金/u);
    expect(() => resolveAssumptions({ cogs_rate: 0.3 }, { refundRate: 0.1, aov: 100 })).toThrow(/^1 input missing before a plan can be made: Cash available \(cash_available\)/u);
  });

  it('adplan plan on an export without a table: exit 1 saying what is missing, all at once', async () => {
    const r = await runCli(['plan', withRefunds, '--runs', '0', '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.err + r.out).toContain('还差 2 项才能出方案：商品成本率、可用资金');
    const room = await runCli(['plan', noRefunds, '--runs', '0', '--lang', 'zh-CN']);
    expect(room.err + room.out).toContain('还差 3 项才能出方案');
  });

  it('--defaults: a first plan, labelled as resting on category defaults', async () => {
    const r = await runCli(['plan', withRefunds, '--defaults', '--runs', '0', '--lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('这是按行业默认值出的第一版方案');
    expect(r.out).toContain(`商品成本率 ${CATEGORY_INPUTS.cogs_rate * 100}%`);
    const j = await runCli(['plan', withRefunds, '--defaults', '--runs', '0', '--json', '--lang', 'en-US']);
    const json = JSON.parse(j.out) as { categoryDefaults: Record<string, number>; scenarios: { notes?: unknown }[] };
    expect(json.categoryDefaults.cogs_rate).toBe(CATEGORY_INPUTS.cogs_rate);
    // Cash: two months of the shop's own GMV (95,380 over 10 days ⇒ 9,538/day × 60).
    expect(json.categoryDefaults.cash_available).toBe(572280);
    expect(json.categoryDefaults.refund_rate).toBeUndefined();
  });
});
