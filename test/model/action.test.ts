/** The plan's first line (MODEL §12), in the merchant's terms, on both bases. */
import { actionText, yuan } from '../../src/model/plan';
import type { PlanDay, ScenarioReport } from '../../src/model/report';
import type { TargetTable } from '../../src/model/plan';
import { text } from '../../src/i18n/text';

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
  it('whole-room without a target table: 净成交 first, then 支付, budget, ramp and 保本线 on both bases', () => {
    const t = actionText(report({ basis: 'whole-room', spends: [800, 1000, 1477, 1477], budget: 1477.2, net: 3.6, roomRoi: 12.247 }));
    // 12.247 × 0.9 = 11.02; 保本线 6.857 × 0.9 = 6.17.
    expect(t['zh-CN']).toBe('设置 净成交ROI 目标 11（支付ROI 12.2），日预算 ¥1,477，3 天内从 ¥800 爬坡；整体ROI 保本线 净成交 6.17（支付 6.86），低于它投流亏钱。');
    expect(t['en-US']).toBe('Set the 净成交ROI target to 11 (支付ROI 12.2), daily budget ¥1,477, ramping from ¥800 within 3 days; 整体ROI 保本线 净成交 6.17 (支付 6.86) — below it the ads lose money.');
  });

  const table = (mode: 'cost' | 'volume', steps: { date: string; target: number }[]): TargetTable => ({
    mode,
    rule: 'profit',
    settlement: { rate: 0.9, source: 'net_gmv' },
    horizon: 90,
    breakEvenNet: 2.16,
    suggestedNet: null,
    current: steps.length > 0 ? { target: 3.3, source: 'log' } : null,
    rows: [
      { targetNet: 2.7, targetPay: 3, kind: 'grid', spendP10: 2400, spendP50: 3000, spendP90: 3600, spendMean: 3050, budgetCap: 4700, roomGmv: 30000, profitP10: 100, profitP50: 5000, profitP90: 9000, pLoss: 0.05, pCostGuarantee: 0.01, grants: 50, cashLow: 1000, effective: true, extrapolated: false },
    ],
    recommended: 0,
    ruleText: text('rule', '规则'),
    steps,
    days: [],
    budget: mode === 'cost' ? 4700 : 3200,
    warnings: [],
  });

  it('whole-room with the target table, 控成本: the net target (3 × 90 % = 2.7 ⇒ 支付 3), budget cap and spend band, the target steps', () => {
    const t = actionText({ ...report({ basis: 'whole-room', spends: [3000], budget: 3200, net: 3.6, roomRoi: 3 }), targets: table('cost', [{ date: '2026-07-01', target: 2.97 }, { date: '2026-07-04', target: 2.7 }]) });
    expect(t['en-US']).toBe(
      "Set the 净成交ROI target to 2.7 (支付ROI 3, at the room's 30-day 净成交 rate 90%) on 控成本 with a budget cap of ¥4,700; the platform is expected to spend ¥2,400–¥3,600 a day (P10–P90, about ¥3,050); step the target from 3.3 in 2 step(s) of at most 10 %, one every 3 days, reaching it on 2026-07-04; 整体ROI 保本线 净成交 2.16 — below it the ads lose money.",
    );
    expect(t['zh-CN']).toBe(
      '设置 净成交ROI 目标 2.7（支付ROI 3，按近 30 天净成交率 90%），控成本模式，预算上限 ¥4,700；平台预计每天消耗 ¥2,400–¥3,600（P10–P90，约 ¥3,050）；目标从 3.3 起分 2 步调整，每步不超过 10%，每 3 天一步，2026-07-04 到位；整体ROI 保本线 净成交 2.16，低于它投流亏钱。',
    );
  });

  it('whole-room with the target table, 放量: the budget is the spend', () => {
    const t = actionText({ ...report({ basis: 'whole-room', spends: [3200], budget: 3200, net: 3.6, roomRoi: 3 }), targets: table('volume', []) });
    expect(t['en-US']).toBe("Set the 净成交ROI target to 2.7 (支付ROI 3, at the room's 30-day 净成交 rate 90%) on 放量 with a daily budget of ¥3,200 (放量 spends the budget), from day 1; 整体ROI 保本线 净成交 2.16 — below it the ads lose money.");
  });

  it('direct: budget and ramp; the net break-even only when it differs', () => {
    expect(actionText(report({ basis: 'direct', spends: [3000], budget: 3000, net: 4, roomRoi: 9 }))['en-US']).toBe(
      "Daily budget ¥3,000, from day 1; keep the paid ROI above break-even 4 (pay); the room's ROI at that budget is about 9.",
    );
    expect(actionText(report({ basis: 'direct', spends: [3000], budget: 3000, net: 3.6, roomRoi: null }))['zh-CN']).toBe('日预算 ¥3,000，第 1 天起；付费投产比保持在保本线 4（支付）/ 3.6（净成交）之上。');
  });

  it('no spend worth making: says so, never a ¥0 budget', () => {
    expect(actionText(report({ basis: 'whole-room', spends: [0], budget: 0, net: 4, roomRoi: null }))['en-US']).toMatch(/^Do not pay for traffic yet/u);
  });

  it('yuan: grouped whole yuan, never NaN', () => {
    expect([yuan(1234567.4), yuan(0), yuan(Number.NaN), yuan(-2500)]).toEqual(['¥1,234,567', '¥0', '¥0', '−¥2,500']);
  });
});
