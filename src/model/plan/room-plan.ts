/**
 * The whole-room basis in a scenario's plan (docs/model.md): the organic level the plan runs
 * on, and the notes a 服务商 needs beside a 全域 plan (what is and is not identified, the
 * platform's 有效投放 floor and 成本保障 rule as flags, not hidden changes).
 */
import { text, type Text } from '../../i18n/text';
import type { Analysis } from '../fit';
import type { PlanDay } from '../report';
import { responseOf, type Curve } from '../transforms';
import type { RoiBases } from '../economics';
import { organicLevelOver, type RoomFit } from '../fit';
import type { ResolvedAssumptions } from '../economics';

import { COST_GUARANTEE_SHARE, EFFECTIVE_SPEND_FLOOR } from './target-rules';

export { COST_GUARANTEE_SHARE, EFFECTIVE_SPEND_FLOOR };

export interface RoomOrganic {
  /** Weekday-averaged organic GMV per day over the baseline window. */
  level: number;
  weekday: readonly number[];
  /** Anchored by pre-ad days or observed organic GMV (else only the room total is firm). */
  identified: boolean;
}

const ONES = [1, 1, 1, 1, 1, 1, 1];

/**
 * The organic room a whole-room scenario plans on: the fit's, when its curve is the one used;
 * else (assumed curve) the window's GMV minus what the assumed curve says the ads bought.
 */
export function roomOrganic(a: Analysis, room: RoomFit, curve: Curve): RoomOrganic {
  if (room.identified && curve === room.curve) {
    return { level: organicLevelOver(room.organic, a.history, a.baselineDays), weekday: room.organic.weekday, identified: room.organicIdentified };
  }
  const tail = a.history.days.slice(Math.max(0, a.history.days.length - a.baselineDays));
  let sum = 0;
  for (const d of tail) sum += d.organicGmv !== null && !(d.spend > 0 && d.paidGmv === null) ? d.organicGmv : Math.max(0, d.gmv - responseOf(d.spend, curve.shape));
  return { level: tail.length > 0 ? sum / tail.length : 0, weekday: ONES, identified: false };
}

export function wholeRoomLiftNotes(r: ResolvedAssumptions): Text[] {
  // 0 is what the whole room plans with anyway (the Conservative preset sets it): only a
  // non-zero override is ignored, so only that is worth a word.
  const overridden = (x: number | null): boolean => x !== null && x !== 0;
  if (!overridden(r.lift_lambda) && !overridden(r.lift_theta)) return [];
  return [
    text(
      'lift_lambda / lift_theta are not used on the whole-room basis: the incremental curve already includes the organic sales the ads pull in (λ = 0).',
      '整体口径下不使用假设表中的自然流撬动：投放增量曲线已包含投放带动的自然成交。',
    ),
  ];
}

const fmt = (x: number, d = 2): string => x.toFixed(d);

/** Notes beside a whole-room plan. */
export function wholeRoomNotes(room: RoomFit, organicIdentified: boolean, bases: RoiBases, days: readonly PlanDay[], r1hKnown: boolean): Text[] {
  const out: Text[] = [];
  if (room.identified && !organicIdentified) {
    out.push(
      text(
        'Organic GMV per day is not identified: there are no days without ads and no 非投放时段 GMV to anchor it. Only the room total at spends already seen is measured; how it splits between organic and ads is not, so the 整体ROI target carries the uncertainty of the split (see the confidence line).',
        '日均自然成交无法识别：没有不投放的天，也没有非投放时段成交可作锚点。只有已花过的消耗水平下的整体成交是实测的；其中自然与投放各占多少并不确定，因此整体ROI目标也带着这份不确定（见可信度说明）。',
      ),
    );
  }
  if (!r1hKnown) {
    out.push(
      text(
        'No 1-hour refund data (1小时内退款率 / 净成交金额) and no refund_1h_rate: the 净成交 figures equal the 支付 ones.',
        '没有 1 小时内退款数据（1小时内退款率 / 净成交金额），假设表也未填写 1 小时内退款率：净成交口径与支付口径数值相同。',
      ),
    );
  }
  const low = days.filter((d) => d.spend > 0 && d.spend < EFFECTIVE_SPEND_FLOOR).length;
  if (low > 0) {
    out.push(
      text(
        `${low} planned day(s) spend less than about ¥${EFFECTIVE_SPEND_FLOOR}: 全域推广 may not count them as 有效投放 (effective delivery). Spend at least ¥${EFFECTIVE_SPEND_FLOOR} or pause on those days.`,
        `有 ${low} 个计划日消耗低于约 ¥${EFFECTIVE_SPEND_FLOOR}：全域推广可能不计为有效投放。这些天请至少消耗 ¥${EFFECTIVE_SPEND_FLOOR}，或暂停投放。`,
      ),
    );
  }
  const t = bases.targets.roomRoi;
  if (t !== null) {
    const floor = COST_GUARANTEE_SHARE * t;
    out.push(
      text(
        `成本保障: if the achieved 整体ROI falls below ${Math.round(COST_GUARANTEE_SHARE * 100)} % of the target (${fmt(floor)}), the platform compensates part of the spend. Read a week below ${fmt(floor)} as a sign the target is set too high for the room, not as free money.`,
        `成本保障：实际整体ROI 低于目标的 ${Math.round(COST_GUARANTEE_SHARE * 100)}%（${fmt(floor)}）时，平台会赔付部分消耗。若连续一周低于 ${fmt(floor)}，说明目标对本直播间过高，而不是白得的赔付。`,
      ),
    );
  }
  return out;
}
