/**
 * Flagged days on hard rooms with known truth: ≥ 80 % of the true event, pause and stock-out days
 * are flagged as such, ≤ 10 % of normal days carry any flag; worked examples for each kind.
 */
import { addDays } from '../../../src/model/core';
import type { DayRecord, History } from '../../../src/model/core';
import { flagDays } from '../../../src/model/events';
import { hardRoomFamily } from '../../../src/sample/hard-room';

function day(date: string, gmv: number, spend: number): DayRecord {
  return {
    date, views: null, organicViews: null, paidViews: null, orders: Math.round(gmv / 100), gmv, refundAmount: null, spend,
    paidGmv: spend > 0 ? null : 0, paidOrders: null, organicGmv: spend > 0 ? null : gmv, organicOrders: null, buyers: null, impressions: null, clicks: null,
  };
}

describe('flagDays', () => {
  for (const kind of ['whole-room', 'direct'] as const) {
    for (const coupling of [0, 1]) {
      it(`recall and false flags on seeded ${kind} rooms (coupling ${coupling})`, () => {
        let truePos = 0;
        let trueAll = 0;
        let normalFlagged = 0;
        let normalAll = 0;
        for (const h of hardRoomFamily(30, 3000 + coupling * 100, { kind, coupling })) {
          const flags = flagDays(h.history);
          const byDate = new Map<string, Set<string>>();
          for (const f of flags) {
            if (!byDate.has(f.date)) byDate.set(f.date, new Set());
            byDate.get(f.date)!.add(f.kind);
          }
          for (const d of h.history.days) {
            const k = h.dayKind.get(d.date)!;
            const got = byDate.get(d.date) ?? new Set<string>();
            if (k === 'event' || k === 'pause' || k === 'stockout') {
              trueAll++;
              if (got.has(k)) truePos++;
            } else if (k === 'normal') {
              normalAll++;
              if (got.size > 0) normalFlagged++;
            }
          }
          // Missing dates are flagged exactly.
          const missing = flags.filter((f) => f.kind === 'missing').map((f) => f.date);
          expect(missing.length).toBe(h.dayKind.size - h.history.days.length);
        }
        const recall = truePos / trueAll;
        const fp = normalFlagged / normalAll;
        console.log(`flags ${kind} coupling ${coupling}: recall ${(100 * recall).toFixed(1)}% of ${trueAll}; normal days flagged ${(100 * fp).toFixed(1)}% of ${normalAll}`);
        expect(recall).toBeGreaterThanOrEqual(0.8);
        expect(fp).toBeLessThanOrEqual(0.1);
      });
    }
  }

  it('worked example: missing, a closed shop, a stock-out, ads starting, an anomaly, an event', () => {
    const days: DayRecord[] = [];
    for (let i = 0; i < 60; i++) {
      const date = addDays('2026-03-02', i);
      if (i === 20) continue; // missing
      let gmv = 10000 * (1 + 0.03 * Math.sin(i));
      const spend = i < 10 ? 0 : 1000;
      if (i >= 30 && i <= 34) gmv = 50; // closed five days
      if (i === 40) gmv = 2500; // stock-out
      if (i === 45) gmv = 40000; // anomaly
      days.push(day(date, gmv, spend));
    }
    const h: History = { days, viewsMeasure: 'count', events: [{ name: '38节', phase: 'peak', first: '2026-04-22', last: '2026-04-23' }] };
    const f = flagDays(h);
    const of = (kind: string): string[] => f.filter((x) => x.kind === kind).map((x) => x.date);
    expect(of('missing')).toEqual([addDays('2026-03-02', 20)]);
    expect(of('pause')).toEqual([30, 31, 32, 33, 34].map((i) => addDays('2026-03-02', i)));
    expect(of('stockout')).toEqual([addDays('2026-03-02', 40)]);
    expect(of('learning')).toEqual(expect.arrayContaining([10, 11, 12, 13].map((i) => addDays('2026-03-02', i))));
    expect(of('learning')).toEqual(expect.arrayContaining([35, 36, 37].map((i) => addDays('2026-03-02', i))));
    expect(of('anomaly')).toEqual([addDays('2026-03-02', 45)]);
    expect(f.filter((x) => x.kind === 'event')).toEqual([
      { date: '2026-04-22', kind: 'event', name: '38节', phase: 'peak' },
      { date: '2026-04-23', kind: 'event', name: '38节', phase: 'peak' },
    ]);
  });
});
