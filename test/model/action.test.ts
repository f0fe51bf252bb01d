/** The plan's first line (MODEL §12), in the merchant's terms, on both bases. */
import { actionText, yuan } from '../../src/model/plan';
import type { PlanDay, ScenarioReport } from '../../src/model/report';

function report(o: { basis: 'direct' | 'whole-room'; spends: number[]; budget: number; net: number; roomRoi: number | null }): ScenarioReport {
  const day = (spend: number): PlanDay => ({ date: '2026-06-01', spend, paidGmv: 0, organicGmv: 0, gmv: 0, orders: 0, profit: 0, cash: 0, roi: null, marginalRoi: null, limit: 'target', roiTarget: null });
  return {
    name: 'Base',
    economics: { unitMargin: 0.25, breakEvenRoi: 4, targetMarginalRoi: 4.6, breakEvenRoiNet: o.net, roomBreakEvenRoi: 6.857, targets: { roomRoi: o.roomRoi, roomRoiNet: o.roomRoi === null ? null : o.roomRoi * 0.9, dailyBudget: o.budget } },
    kpis: { totalSpend: 0, totalGmv: 0, totalProfit: 0, roi: null, incrementalRoi: null, peakCapital: 0, minCash: 0, paybackDay: null, returnOnCapital: null, sustainableSpend: o.budget },
    days: o.spends.map(day),
    notes: [],
    curveBasis: o.basis,
  };
}

describe('actionText', () => {
  it('whole-room: the 整体ROI target, 净成交, budget, ramp and 保本线 (the issue-13 sentence)', () => {
    const t = actionText(report({ basis: 'whole-room', spends: [800, 1000, 1477, 1477], budget: 1477.2, net: 3.6, roomRoi: 12.247 }));
    expect(t['zh-CN']).toBe('设置 整体支付ROI 目标 12.2(净成交 11),日预算 ¥1,477,3 天内从 ¥800 爬坡;整体ROI 保本线 6.86,低于它投流亏钱。');
    expect(t['en-US']).toBe('Set the 整体支付ROI target to 12.2 (净成交 11), daily budget ¥1,477, ramping from ¥800 within 3 days; whole-room break-even 整体ROI 6.86 — below it the ads lose money.');
  });

  it('direct: budget and ramp; the net break-even only when it differs', () => {
    expect(actionText(report({ basis: 'direct', spends: [3000], budget: 3000, net: 4, roomRoi: 9 }))['en-US']).toBe(
      "Daily budget ¥3,000, from day 1; keep the paid ROI above break-even 4 (pay); the room's ROI at that budget is about 9.",
    );
    expect(actionText(report({ basis: 'direct', spends: [3000], budget: 3000, net: 3.6, roomRoi: null }))['zh-CN']).toBe('日预算 ¥3,000,第 1 天起;付费投产比保持在保本线 4(支付)/ 3.6(净成交)之上。');
  });

  it('no spend worth making: says so, never a ¥0 budget', () => {
    expect(actionText(report({ basis: 'whole-room', spends: [0], budget: 0, net: 4, roomRoi: null }))['en-US']).toMatch(/^Do not pay for traffic yet/u);
  });

  it('yuan: grouped whole yuan, never NaN', () => {
    expect([yuan(1234567.4), yuan(0), yuan(Number.NaN), yuan(-2500)]).toEqual(['¥1,234,567', '¥0', '¥0', '−¥2,500']);
  });
});
