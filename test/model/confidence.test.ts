/**
 * One confidence statement (src/model/plan/confidence.ts): a band too wide to act on is called so,
 * a good back-test is said as what it checks (GMV at spends already seen) and never as trust in
 * S*, an extrapolated budget says so, an assumed curve leads with it, and a demand-coupling
 * diagnostic on the curve report is folded in when present.
 */
import { text } from '../../src/i18n/text';
import type { BacktestReport } from '../../src/model/review';
import { confidenceOf } from '../../src/model/plan';
import { buildPlanReport } from '../../src/model/engine';
import { backtest } from '../../src/model/review';
import type { CurveReport, ScenarioReport } from '../../src/model/report';
import { generateRoomMerchant } from '../../src/sample/room-merchant';

const curve = (o: Partial<CurveReport> = {}): CurveReport => ({ model: 'hill', params: {}, r2: 0.8, n: 60, minSpend: 1000, maxSpend: 10000, residualSd: 0.1, basis: 'whole-room', ...o });
const scenario = (sStar: number): ScenarioReport =>
  ({ name: 'Base', kpis: { sustainableSpend: sStar }, economics: { targets: { dailyBudget: sStar } }, days: [], notes: [] }) as unknown as ScenarioReport;
const bt = (grade: BacktestReport['grade'], mape: number): BacktestReport => ({ mape, bias: 0, naiveMape: 0.3, paidMape: null, grade, reasons: [], origins: [], verdict: text('', '') });

describe('confidenceOf', () => {
  it('a 40× band is too wide to act on, whatever the back-test grade', () => {
    const c = confidenceOf(curve({ sStarInterval: [1000, 40000] }), scenario(6000), bt('good', 0.08));
    expect(c.level).toBe('test-first');
    expect(c.bandRatio).toBe(40);
    expect(c.text['zh-CN']).toMatch(/^可信度：只能当起点/u);
    expect(c.text['zh-CN']).toContain('不确定性太大，不能据此定预算');
    expect(c.text['zh-CN']).toContain('相差 40 倍');
    // The good grade is said as what it checks, never as trust in the budget.
    expect(c.text['zh-CN']).toContain('只检验了已花过的消耗水平下的成交预测');
    expect(c.text['zh-CN']).not.toMatch(/可信度：好/u);
  });

  it('a tight band inside the spend seen: act on it, the back-test said for what it is', () => {
    const c = confidenceOf(curve({ sStarInterval: [5000, 8000] }), scenario(6000), bt('good', 0.08));
    expect(c.level).toBe('act');
    expect(c.text['en-US']).toMatch(/^Confidence: you can act on this budget\. The sustainable budget is about ¥6,000 a day \(range ¥5,000 – ¥8,000\)\./u);
    expect(c.text['en-US']).toContain('only checks GMV forecasts at spends already seen');
  });

  it('past the spend seen: says how far, and is no longer "act"', () => {
    const c = confidenceOf(curve({ sStarInterval: [15000, 25000] }), scenario(20000), null);
    expect(c.extrapolation).toBe(2);
    expect(c.level).toBe('test-first');
    expect(c.text['zh-CN']).toContain('历史最高日消耗的 2.0 倍');
  });

  it('a weak back-test says it misses even where spend was seen', () => {
    expect(confidenceOf(curve({ sStarInterval: [5000, 8000] }), scenario(6000), bt('weak', 0.4)).text['en-US']).toContain('misses even at spends already seen (error ±40%)');
  });

  it('folds in the demand-coupling finding: detected is test-first, corrected is said, absent is silent', () => {
    const base = curve({ sStarInterval: [5000, 8000] });
    const detected = { ...base, demandCoupling: { method: 'diagnostic' as const, detected: true, strength: 0.6, widened: true } };
    const c = confidenceOf(detected, scenario(6000), null);
    expect(c.level).toBe('test-first');
    expect(c.text['zh-CN']).toContain('消耗随当天需求起落');
    const corrected = { ...base, demandCoupling: { method: 'target-log' as const, detected: true, strength: 0.6, widened: false } };
    const k = confidenceOf(corrected, scenario(6000), null);
    expect(k.level).toBe('act');
    expect(k.text['en-US']).toContain('ROI target log');
    expect(confidenceOf(base, scenario(6000), null).level).toBe('act');
  });

  it('on a real unidentified room: the assumed curve leads, with its range and the test', () => {
    const { history } = generateRoomMerchant(21, { days: 18 });
    const scenarios = [{ name: 'Base', values: { cogs_rate: 0.3, cash_available: 300000 } }];
    const r = buildPlanReport({ history, scenarios, runs: 0 });
    const c = confidenceOf(r.curve, r.scenarios[0]!, backtest(history, scenarios[0]!));
    expect(c.level).toBe('assumed');
    expect(c.text['zh-CN']).toMatch(/^可信度：低——基于假设，而非拟合。这个预算是估计，不是测算/u);
    expect(c.text['zh-CN']).toContain('消耗阶梯测试');
    expect(c.text['zh-CN']).not.toMatch(/NaN|Infinity/u);
  });
});

describe('adplan plan carries the statement', () => {
  it('under the action line, and in --json', async () => {
    const { runCli } = await import('../helpers/cli');
    const { join } = await import('node:path');
    const file = join(__dirname, '..', '..', 'assets', 'sample', 'qianchuan-uni-sample.xlsx');
    const human = await runCli(['plan', file, '--runs', '0', '--lang', 'zh-CN']);
    expect(human.code).toBe(0);
    const lines = human.out.split('\n');
    const last = lines.map((l) => l.startsWith('操作建议')).lastIndexOf(true);
    expect(lines[last + 1]).toMatch(/^\[Base\] 可信度：/u);
    const json = await runCli(['plan', file, '--runs', '0', '--json', '--lang', 'en-US']);
    const j = JSON.parse(json.out) as { scenarios: { confidence: { level: string; text: string } }[] };
    expect(['act', 'test-first', 'assumed']).toContain(j.scenarios[0]!.confidence.level);
    expect(j.scenarios[0]!.confidence.text).toMatch(/^Confidence: /u);
  });
});
