import { thrownBy } from './fake-runtime';
import { baseline, fitcurve, mroi, optimalspend, readiness, responsefn } from '../../src/functions/as-called';
import { fitCurve } from '../../src/model/fit';
import { response } from '../../src/model/transforms';
import { generateMerchant } from '../../src/sample/merchant';

// Three hand-made days (English headers, ISO dates, blanks as null).
const history = [
  ['date', 'organic_views', 'orders', 'gmv', 'spend', 'paid_gmv', 'paid_orders', 'refund_amount'],
  ['2024-05-01', 1000, 12, 1200, 0, null, null, 100],
  ['2024-05-02', 1500, 20, 2200, 100, 400, 4, 200],
  ['2024-05-03', 500, 5, 600, null, null, null, 0],
];

describe('BASELINE (MODEL.md §2, by hand)', () => {
  // Organic orders 12, 16, 5 over organic views 1000, 1500, 500; organic GMV 1200, 1800, 600.
  it.each([
    ['days', 3],
    ['organic_views', 3000],
    ['cvr', 33 / 3000],
    ['aov', 4000 / 37],
    ['gpm', (1000 * 3600) / 3000],
    ['refund_rate', 300 / 4000],
    ['organic_gmv', 3600 / 3],
    // OLS slope of 1200, 1800, 600 on 0, 1, 2 is −600/2 = −300 per day; divided by the mean 1200.
    ['trend', -0.25],
  ])('%s', (metric, expected) => {
    const v = baseline(history, metric)[0]![0] as number;
    expect(Math.abs(v - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
  });

  it('cvr_cv is the sample sd over the mean of daily organic CVR', () => {
    const cvr = [12 / 1000, 16 / 1500, 5 / 500];
    const mean = (cvr[0]! + cvr[1]! + cvr[2]!) / 3;
    const sd = Math.sqrt(cvr.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    expect(baseline(history, 'CVR_CV')[0]![0]).toBeCloseTo(sd / mean, 12);
  });

  it('without a metric spills a metric/value table with a header in the display language', () => {
    const t = baseline(history);
    expect(t[0]).toEqual(['metric', 'value']);
    expect(t.map((r) => r[0])).toEqual(['metric', 'days', 'organic_views', 'cvr', 'aov', 'gpm', 'refund_rate', 'organic_gmv', 'cvr_cv', 'trend']);
    expect(t.every((r) => r.length === 2)).toBe(true);
  });

  it('takes the window from the end of the history', () => {
    expect(baseline(history, 'organic_gmv', 2)[0]![0]).toBeCloseTo((1800 + 600) / 2, 9);
  });

  it('treats blanks sent as 0 (desktop builds) like blanks sent as null', () => {
    const zeros = history.map((r) => r.map((c) => (c === null ? 0 : c)));
    expect(baseline(zeros, 'cvr')[0]![0]).toBeCloseTo(33 / 3000, 12);
  });

  it('errors name the argument or the missing field', () => {
    const unknown = thrownBy(() => baseline(history, 'roas'));
    expect(unknown?.code).toBe('#N/A');
    expect(unknown?.message).toMatch(/days, organic_views, cvr/);
    expect(thrownBy(() => baseline(5 as unknown as unknown[][]))?.message).toMatch(/history must be a range/);
    const noGmv = thrownBy(() => baseline(history.map((r) => [r[0], r[1], r[2]])));
    expect(noGmv?.code).toBe('#VALUE!');
    expect(noGmv?.message).toMatch(/gmv/);
    expect(thrownBy(() => baseline(history, null, 0))?.message).toMatch(/window_days/);
  });
});

describe('BASELINE and READINESS without views (CVR unknown, not 0)', () => {
  // Thirty organic days with no views column: GMV 1000 ± 4 %, 10 orders a day.
  const gmv = Array.from({ length: 30 }, (_, i) => [1000, 1040, 980, 1010, 960, 1020, 1000][i % 7]!);
  const noViews = [['date', 'orders', 'gmv'], ...gmv.map((g, i) => [`2024-05-${String(i + 1).padStart(2, '0')}`, 10, g])];

  it.each(['cvr', 'gpm', 'cvr_cv'])('%s is #N/A with the reason', (metric) => {
    const e = thrownBy(() => baseline(noViews, metric));
    expect(e?.code).toBe('#N/A');
    expect(e?.message).toMatch(/no views column/);
  });

  it('the table shows — for them and numbers for the rest', () => {
    const t = new Map(baseline(noViews).slice(1).map((r) => [r[0], r[1]]));
    expect([t.get('cvr'), t.get('gpm'), t.get('cvr_cv')]).toEqual(['—', '—', '—']);
    expect(t.get('organic_gmv')).toBeCloseTo(gmv.slice(-28).reduce((x, y) => x + y, 0) / 28, 9);
  });

  it('READINESS says conversion is unknown instead of passing a CVR check on no data', () => {
    const r = readiness(noViews);
    expect(r[0]![0]).toBe('READY');
    expect(r.slice(1).some((x) => /No views.*unknown/.test(String(x[0])))).toBe(true);
  });
});

describe('FITCURVE, RESPONSE, MROI, OPTIMALSPEND', () => {
  // Hill with gmax 1000, k 100, a 1: Gp(S) = 1000·S/(S+100), m(S) = 1000·100/(S+100)².
  const curve = [
    ['parameter', 'value'],
    ['model', 'hill'],
    ['gmax', 1000],
    ['k', 100],
    ['a', 1],
  ];

  it('evaluate a curve spill by its labels (closed form)', () => {
    expect(responsefn(100, curve)).toBeCloseTo(500, 9);
    expect(mroi(0, curve)).toBeCloseTo(10, 9);
    expect(mroi(100, curve)).toBeCloseTo(2.5, 9);
    // m(S) = 2 ⇔ (S+100)² = 50000 ⇔ S = √50000 − 100.
    expect(optimalspend(curve, 2)).toBeCloseTo(Math.sqrt(50000) - 100, 6);
    // The curve never offers a marginal ROI of 20 (its maximum is 10 at S = 0).
    expect(optimalspend(curve, 20)).toBe(0);
  });

  it('finds the labels anywhere in the range, in any order', () => {
    const moved = [['', ''], ['a', 1], ['k', 100], ['gmax', 1000], ['model', 'HILL']];
    expect(responsefn(300, moved)).toBeCloseTo(750, 9);
  });

  it('fits a generated merchant and agrees with the engine', () => {
    const { history: h, truth } = generateMerchant(3);
    const paid = h.days.filter((d) => d.spend > 0);
    const spend = paid.map((d) => [d.spend]);
    const gmv = paid.map((d) => [d.paidGmv]);
    const spill = fitcurve(spend, gmv);
    expect(spill[1]).toEqual(['model', 'hill']);
    const engine = fitCurve(paid.map((d) => d.spend), paid.map((d) => d.paidGmv ?? 0));
    const at = truth.curve.k;
    expect(responsefn(at, spill)).toBeCloseTo(response(at, engine), 9);
    // Half-saturation: the true curve gives gmax/2 at S = k; the fit should be near it.
    expect(Math.abs((responsefn(at, spill) as number) / (truth.curve.gmax / 2) - 1)).toBeLessThan(0.2);
  });

  it('explains degenerate input instead of returning a number', () => {
    const same = thrownBy(() => fitcurve([[100], [100], [100], [100]], [[300], [320], [310], [290]]));
    expect(same?.code).toBe('#VALUE!');
    expect(same?.message).toMatch(/same spend/);
    expect(thrownBy(() => fitcurve([[100], [200]], [[300]]))?.message).toMatch(/same number of cells/);
    expect(thrownBy(() => fitcurve([[100], ['abc']], [[300], [400]]))?.message).toMatch(/spend: value 2/);
    expect(thrownBy(() => fitcurve([[100], [200]], [[300], [400]], 'spline'))?.code).toBe('#N/A');
    expect(thrownBy(() => responsefn(100, [['x', 1]]))?.message).toMatch(/FITCURVE result/);
    expect(thrownBy(() => responsefn(-5, curve))?.message).toMatch(/spend must be ≥ 0/);
  });
});
