/**
 * What the surfaces get: the curve report carries demandCoupling and the fitted event phases, and
 * the curve note says in plain words how spend that follows demand was handled (zh-CN and en-US).
 */
import { analyse, planScenario } from '../../../src/model/engine';
import { generateHardRoom } from '../../../src/sample/hard-room';

const BASE = { name: 'Base', values: { cogs_rate: 0.4, cash_available: 1e7 } };

describe('the curve report on a hard room', () => {
  const room = generateHardRoom(21, { days: 330, startDate: '2025-01-05', coupling: 1 });

  it('with the target log: corrected by the control function, and said so', () => {
    const p = planScenario(analyse(room.history), BASE, 30);
    expect(p.curveReport.demandCoupling?.method).toBe('target-log');
    expect(p.curveReport.note?.['en-US']).toMatch(/control function on the target log/u);
    expect(p.curveReport.note?.['zh-CN']).toMatch(/控制函数/u);
    const peak = p.curveReport.eventEffects?.find((e) => e.name === '双11' && e.phase === 'warmup');
    expect(peak?.fitted).toBe(true);
    // The true 预热 organic multiplier is 1.3: the fitted one is on the right side of 1.
    expect(peak!.organic).toBeGreaterThan(1.05);
  });

  it('without it: the diagnostic fires on most coupled rooms, the interval widens and the warning names the test', () => {
    let fired = 0;
    for (let seed = 21; seed <= 26; seed++) {
      const r = generateHardRoom(seed, { days: 330, startDate: '2025-01-05', coupling: 1 });
      const p = planScenario(analyse({ ...r.history, targetLog: undefined }), BASE, 30);
      const dc = p.curveReport.demandCoupling;
      if (!dc) {
        // Not fired: the low end is still widened (by less) and the note says the check is partial.
        expect(p.curveReport.note?.['en-US']).toMatch(/No ROI target log/u);
        continue;
      }
      fired++;
      expect(dc).toMatchObject({ method: 'diagnostic', detected: true, widened: true });
      expect(p.curveReport.note?.['en-US']).toMatch(/may be optimistic.*ROI-target steps/u);
      expect(p.curveReport.note?.['zh-CN']).toMatch(/偏乐观.*ROI 目标阶梯测试/u);
      const [lo, hi] = p.curveReport.sStarInterval!;
      expect(lo).toBeLessThan(0.6 * p.report.kpis.sustainableSpend);
      expect(hi).toBeGreaterThanOrEqual(p.report.kpis.sustainableSpend);
    }
    expect(fired).toBeGreaterThanOrEqual(3);
  });

  it('event_handling ignore plans with the old fit (no event terms)', () => {
    const a = analyse(room.history);
    const p = planScenario(a, { name: 'Base', values: { ...BASE.values, event_handling: 2 } }, 30);
    expect(p.curveReport.eventEffects).toBeUndefined();
  });
});
