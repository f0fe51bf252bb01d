/**
 * Issue 11 item 6: a lift override the history cannot carry is flagged, and every scenario
 * states the λ/θ it planned with (not the estimate's "planned with λ = 0").
 */
import { buildPlanReport } from '../../src/model/engine';
import { generateMerchant } from '../../src/sample/merchant';
import { SAMPLE_BASE } from '../../src/sample/workbook';

describe('lift override past the history', () => {
  const { history } = generateMerchant(3, { lift: { lambda: 0, theta: 0 } });
  const report = buildPlanReport({
    history,
    scenarios: [
      { name: 'Estimate', values: { ...SAMPLE_BASE } },
      { name: 'Heavy', values: { ...SAMPLE_BASE, lift_lambda: 3, lift_theta: 0.5 } },
      { name: 'Light', values: { ...SAMPLE_BASE, lift_lambda: 0.01, lift_theta: 0.2 } },
    ],
    runs: 0,
  });
  const [est, heavy, light] = report.scenarios;
  const en = (notes: { 'en-US': string }[]): string => notes.map((n) => n['en-US']).join('\n');

  it('warns when λ·mean(A) exceeds organic GMV per day', () => {
    expect(en(heavy!.notes)).toMatch(/more than the history can carry/u);
    expect(en(light!.notes)).not.toMatch(/more than the history can carry/u);
    expect(en(est!.notes)).not.toMatch(/lift/u);
  });

  it('states per scenario the λ/θ actually used', () => {
    expect(heavy!.lift).toMatchObject({ lambda: 3, theta: 0.5 });
    expect(en(heavy!.notes)).toMatch(/λ = 3\.000, θ = 0\.50/u);
    expect(light!.lift).toMatchObject({ lambda: 0.01, theta: 0.2 });
    expect(est!.lift).toMatchObject({ lambda: report.lift.lambda, theta: report.lift.theta });
    // The estimate's note no longer claims every scenario planned with λ = 0.
    expect(report.lift.note['en-US']).not.toMatch(/: planned with λ = 0/u);
  });
});
