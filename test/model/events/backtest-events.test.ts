/**
 * The back-test uses the fits' day treatment: held-out 双11 days are not scored against a
 * normal-day forecast (model / exclude), while ignore scores them and shows the miss.
 */
import { backtest } from '../../../src/model/review';
import { generateHardRoom } from '../../../src/sample/hard-room';

describe('back-test with event days', () => {
  it('leaves the held-out event days out of the scores unless event_handling is ignore', () => {
    // History ends 2025-11-30: the last four weeks hold 双11's warm-up to hangover, then normal days.
    const h = generateHardRoom(9, { kind: 'direct', startDate: '2025-03-01', days: 275, coupling: 0 }).history;
    const values = { cogs_rate: 0.4, cash_available: 1e9 };
    const model = backtest(h, { name: 'Base', values: { ...values, event_handling: 0 } });
    const ignore = backtest(h, { name: 'Base', values: { ...values, event_handling: 2 } });
    expect(model.excludedDays).toBeGreaterThanOrEqual(15);
    expect(ignore.excludedDays).toBeUndefined();
    expect(model.mape).not.toBeNull();
    expect(ignore.mape!).toBeGreaterThan(model.mape!);
  });
});
