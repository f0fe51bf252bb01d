import { computeBaseline } from '../../src/model/fit';
import { estimateLift } from '../../src/model/fit';
import { generateMerchant } from '../../src/sample/merchant';

function lift(seed: number, lambda: number, theta: number) {
  const { history } = generateMerchant(seed, { days: 120, lift: { lambda, theta } });
  return estimateLift(history, computeBaseline(history, 28).weekdayFactors);
}

describe('organic lift (MODEL §5)', () => {
  it('finds a real lift and its carry-over', () => {
    const hits = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => lift(s, 0.2, 0.5));
    const identified = hits.filter((h) => h.identified);
    expect(identified.length).toBeGreaterThanOrEqual(7);
    const lambdas = identified.map((h) => h.lambda).sort((a, b) => a - b);
    const median = lambdas[Math.floor(lambdas.length / 2)]!;
    expect(median).toBeGreaterThan(0.12);
    expect(median).toBeLessThan(0.3);
    // L = λ/(1−θ): the true leverage is 0.4.
    const lev = identified.map((h) => h.leverage).sort((a, b) => a - b)[Math.floor(identified.length / 2)]!;
    expect(lev).toBeGreaterThan(0.25);
    expect(lev).toBeLessThan(0.6);
  });

  it('says so and uses λ = 0 when there is no lift to find', () => {
    const results = Array.from({ length: 20 }, (_, i) => lift(100 + i, 0, 0));
    const falsePositives = results.filter((r) => r.identified).length;
    expect(falsePositives).toBeLessThanOrEqual(3);
    const quiet = results.find((r) => !r.identified)!;
    expect(quiet.lambda).toBe(0);
    expect(quiet.leverage).toBe(0);
    expect(quiet.note['en-US']).toMatch(/not identified .* scenarios that do not set lift_lambda plan with λ = 0\. An estimate .* not proven causality/);
    expect(quiet.note['zh-CN']).toMatch(/按没有撬动规划/);
  });

  it('needs paid days to identify anything', () => {
    const { history } = generateMerchant(3, { spend: null });
    const r = estimateLift(history, computeBaseline(history).weekdayFactors);
    expect(r.identified).toBe(false);
    expect(r.note['en-US']).toMatch(/0 paid days/);
  });
});
