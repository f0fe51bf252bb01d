/**
 * Attribution beside incrementality: the platform credits its ads with
 * 投放贡献成交金额, almost the whole room; the model credits them with the incremental GMV its
 * curve says the spend bought. Both shares of room GMV, on the same days, and the platform's own
 * published promise (+15–20 % room GMV at flat ROI) so a merchant can read the three side by side.
 */
import { text } from '../../i18n/text';
import type { History } from '../core';
import { responseOf, type CurveShape } from '../transforms';
import type { Attribution } from '../report';

export type { Attribution } from '../report';

/** The platform's early guide: median room GMV uplift of its beta customers at flat ROI. */
export const PLATFORM_PUBLISHED_UPLIFT: readonly [number, number] = [0.15, 0.2];


const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** null when the export has no 投放贡献成交金额. */
export function attributionOf(history: History, shape: CurveShape, windowDays = 30): Attribution | null {
  let gmv = 0;
  let att = 0;
  let inc = 0;
  let n = 0;
  for (let i = history.days.length - 1; i >= 0 && n < windowDays; i--) {
    const d = history.days[i]!;
    if (!(d.spend > 0) || !(d.gmv > 0) || d.attributedPaidGmv === undefined || d.attributedPaidGmv === null) continue;
    gmv += d.gmv;
    att += Math.min(d.gmv, Math.max(0, d.attributedPaidGmv));
    inc += Math.min(d.gmv, responseOf(d.spend, shape));
    n++;
  }
  if (n === 0 || !(gmv > 0)) return null;
  const a = att / gmv;
  const m = inc / gmv;
  const [lo, hi] = PLATFORM_PUBLISHED_UPLIFT;
  return {
    days: n,
    attributedShare: a,
    incrementalShare: m,
    publishedUplift: PLATFORM_PUBLISHED_UPLIFT,
    note: text(
      `Over the last ${n} ad days the platform attributes ${pct(a)} of room GMV to the ads (投放贡献成交金额); the model, which counts only what the spend added to the room, ${pct(m)}. The platform's own guide promises +${Math.round(lo * 100)}–${Math.round(hi * 100)} % room GMV at flat ROI. Attribution is not incrementality: plan on the model's share; a target-step test would settle it.`,
      `最近 ${n} 个投放日，平台把整体成交的 ${pct(a)} 归因于投放（投放贡献成交金额）；模型只计投放给直播间带来的增量，为 ${pct(m)}。平台早期指南称 ROI 持平时整体成交提升 ${Math.round(lo * 100)}–${Math.round(hi * 100)}%。归因不等于增量：请按模型的增量规划；做一次目标阶梯测试即可确认。`,
    ),
  };
}
