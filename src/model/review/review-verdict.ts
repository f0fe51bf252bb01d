/**
 * The review's verdict: on track, or re-plan and why. Two tests over the reviewed days:
 * - the budget: actual spend within ±20 % of the plan's;
 * - the model: actual GMV inside the model's P10–P90 band at the spend actually spent.
 * When the model missed, the cause is the larger of "response off" and "organic off"; when only
 * the budget did, the cause is the spend. The GMV gap's largest part is reported either way.
 */
import { groupDigits } from '../../i18n/number';
import { text, type Text } from '../../i18n/text';
import type { Band } from './review-band';
import type { ReviewPeriod } from './types';

export const SPEND_TOLERANCE = 0.2;

export type GapPart = 'spend' | 'response' | 'organic';

export interface ReviewVerdict {
  status: 'on-track' | 're-plan';
  /**
   * Why a re-plan; null when on track. 'response-or-organic': the model missed, but on a
   * whole-room account with steady spend the two cannot be told apart.
   */
  cause: GapPart | 'response-or-organic' | null;
  /** The GMV gap's part with the largest magnitude. */
  largest: GapPart;
  message: Text;
}

const money = (x: number): string => groupDigits(Math.round(x));
const signedPct = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(x * 100))}%`;

export function largestPart(p: Pick<ReviewPeriod, 'gapSpend' | 'gapResponse' | 'gapOrganic'>): GapPart {
  const parts: [GapPart, number][] = [['spend', p.gapSpend], ['response', p.gapResponse], ['organic', p.gapOrganic]];
  return parts.reduce((a, b) => (Math.abs(b[1]) > Math.abs(a[1]) ? b : a))[0];
}

/** `splitIdentified` false: response and organic were estimated without the spend variation that separates them. */
export function reviewVerdict(total: ReviewPeriod, forecastBand: Band, splitIdentified = true): ReviewVerdict {
  const largest = largestPart(total);
  const spendDev = total.plannedSpend > 0 ? (total.actualSpend - total.plannedSpend) / total.plannedSpend : total.actualSpend > 0 ? 1 : 0;
  const spendOff = Math.abs(spendDev) > SPEND_TOLERANCE;
  const modelOff = total.actualGmv < forecastBand.p10 || total.actualGmv > forecastBand.p90;
  const gap = total.actualGmv - total.plannedGmv;
  const gapPct = total.plannedGmv > 0 ? gap / total.plannedGmv : 0;
  const head = text(
    `GMV ${money(total.actualGmv)} vs plan ${money(total.plannedGmv)} (${signedPct(gapPct)}) over ${total.days} day(s)`,
    `${total.days} 天成交 ${money(total.actualGmv)}，计划 ${money(total.plannedGmv)}（${signedPct(gapPct)}）`,
  );
  if (!spendOff && !modelOff) {
    return {
      status: 'on-track',
      cause: null,
      largest,
      message: text(
        `On track: ${head['en-US']}, inside what the model expected at the spend actually spent (P10–P90 ${money(forecastBand.p10)}–${money(forecastBand.p90)}); spend ${signedPct(spendDev)} vs plan. Keep the plan; review again next week.`,
        `按计划进行：${head['zh-CN']}，处于模型在实际消耗下的预期区间内（P10–P90 ${money(forecastBand.p10)}–${money(forecastBand.p90)}）；消耗较计划 ${signedPct(spendDev)}。继续执行，下周再复盘。`,
      ),
    };
  }
  if (!modelOff) {
    return {
      status: 're-plan',
      cause: 'spend',
      largest,
      message: text(
        `Re-plan: ${head['en-US']}. Spend was ${signedPct(spendDev)} vs plan, and at the spend actually spent GMV was where the model expected (${money(total.forecastGmv)}): the model holds, the budget did not. Re-plan with the budget that can really be spent, or spend the planned one.`,
        `需要重新规划：${head['zh-CN']}。消耗较计划 ${signedPct(spendDev)}，按实际消耗，成交与模型预期一致（${money(total.forecastGmv)}）：模型成立，预算没有按计划执行。请按实际能投的预算重新规划，或按计划投放。`,
      ),
    };
  }
  if (!splitIdentified) {
    const miss = total.actualGmv - total.forecastGmv;
    const dir = miss < 0 ? ['less', '少'] : ['more', '多'];
    return {
      status: 're-plan',
      cause: 'response-or-organic',
      largest,
      message: text(
        `Re-plan: ${head['en-US']}, outside what the model expected at the spend actually spent (P10–P90 ${money(forecastBand.p10)}–${money(forecastBand.p90)}): the room sold ${money(Math.abs(miss))} ${dir[0]}. On a whole-room account with steady spend, weaker ads and a weaker organic room look the same: vary the daily budget for a week (some days higher, some lower) to tell them apart. The refitted plan below learns from these days.`,
        `需要重新规划：${head['zh-CN']}，超出模型在实际消耗下的预期区间（P10–P90 ${money(forecastBand.p10)}–${money(forecastBand.p90)}）：整体成交${dir[1]} ${money(Math.abs(miss))}。全域推广账户在消耗平稳时，无法区分是投放效果变差还是自然流变差：请用一周时间让日预算有高有低，以便区分。下方按新数据重新拟合的计划已吸收这些天的变化。`,
      ),
    };
  }
  const cause: GapPart = Math.abs(total.gapResponse) >= Math.abs(total.gapOrganic) ? 'response' : 'organic';
  const part = cause === 'response' ? total.gapResponse : total.gapOrganic;
  const dir = part < 0 ? ['less', '少'] : ['more', '多'];
  const what =
    cause === 'response'
      ? text(`paid traffic brought ${money(Math.abs(part))} ${dir[0]} GMV than the curve at the same spend`, `同样的消耗下，付费流量的成交比曲线${dir[1]} ${money(Math.abs(part))}`)
      : text(`organic GMV was ${money(Math.abs(part))} ${dir[0]} than planned`, `自然成交比计划${dir[1]} ${money(Math.abs(part))}`);
  return {
    status: 're-plan',
    cause,
    largest,
    message: text(
      `Re-plan: ${head['en-US']}, outside what the model expected at the spend actually spent (P10–P90 ${money(forecastBand.p10)}–${money(forecastBand.p90)}): ${what['en-US']}. The refitted plan below learns from these days.`,
      `需要重新规划：${head['zh-CN']}，超出模型在实际消耗下的预期区间（P10–P90 ${money(forecastBand.p10)}–${money(forecastBand.p90)}）：${what['zh-CN']}。下方按新数据重新拟合的计划已吸收这些天的变化。`,
    ),
  };
}
