/**
 * A designed target test appended to the fit branch's hard rooms (src/sample/hard-room.ts): the
 * room's own process continued day by day — demand shock AR(1), the platform's spend at the
 * test's target (elasticity and demand coupling of the truth), organic and paid GMV — so the
 * test's days follow the same model as the observational ones. The history handed to the fits
 * carries no ROI目标记录 (the merchant did not export it): the control function has nothing to
 * work on, the case the test is for.
 */
import { addDays } from '../../src/model/core';
import type { DayRecord, History } from '../../src/model/core';
import { designExperiment, type Schedule } from '../../src/model/experiment';
import { Rng } from '../../src/model/numeric';
import { hardRoomFamily, type HardRoom } from '../../src/sample/hard-room';
import { hill } from '../../src/sample/merchant';

export interface HardRoomTest {
  room: HardRoom;
  pre: History;
  history: History;
  schedule: Schedule;
}

export function hardRoomTests(n: number, offset: number, lift = 0.12): HardRoomTest[] {
  // Quiet rooms (no 大促, pause, stock-outs or missing dates): the test's own signal is what is measured.
  return hardRoomFamily(n, offset, { coupling: 1, events: false, pause: false, stockouts: 0, missing: 0, days: 120 }).map((room, k) => {
    const t = room.truth;
    const pre: History = { days: room.history.days, viewsMeasure: room.history.viewsMeasure, ...(room.history.gmvMeasure ? { gmvMeasure: room.history.gmvMeasure } : {}) };
    const log = room.history.targetLog ?? [];
    const tNow = log.length > 0 ? log[log.length - 1]!.target : t.target0;
    const d = designExperiment({ ...pre, targetLog: [{ date: pre.days[0]!.date, target: tNow, basis: 'net', mode: 'cost' }] }, { lift, seed: offset + k });
    const rng = new Rng(offset * 7 + k);
    let u = room.shock[room.shock.length - 1] ?? 0;
    const innov = t.demandSd * Math.sqrt(1 - t.demandAr * t.demandAr);
    const beta = 2.5 * t.coupling;
    const last = pre.days[pre.days.length - 1]!;
    const days: DayRecord[] = [...pre.days];
    d.schedule.days.forEach((s, i) => {
      u = t.demandAr * u + innov * rng.normal();
      const idx = t.days + i;
      const spend = t.spend0 * Math.pow(s.target / t.target0, -t.targetElasticity) * Math.exp(beta * u + t.spendNoise * rng.normal());
      const organic = t.organicPerDay * (t.weekday[(new Date(`${s.date}T00:00:00Z`).getUTCDay() + 7) % 7] ?? 1) * Math.exp(t.growth * idx) * Math.exp(u);
      const paid = hill(spend, t.curve) * Math.exp(t.paidNoise * rng.normal()) * (s.change ? 0.7 : 1);
      const gmv = organic + paid;
      days.push({ ...last, date: addDays(last.date, i + 1), gmv, spend, orders: Math.round(gmv / t.aov), netGmv: gmv * 0.94, views: Math.round((gmv / t.aov) * 90) });
    });
    return { room, pre, history: { ...pre, days }, schedule: d.schedule };
  });
}
