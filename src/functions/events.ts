/**
 * EVENTS: the history's flagged days (event phase, pause, stock-out, learning, anomaly, missing
 * date), one row per day and kind, with the built-in calendar or the user's calendar range over it.
 * A bad calendar row is listed after the days with its cell; the other rows still apply.
 */
import { dateToExcelSerial } from '../data/cells';
import { readEventCalendar } from '../data/events';
import type { Cell } from '../data/table';
import type { Lang } from '../i18n/text';
import { FLAG_LABELS, flaggedDaysOf, PHASE_LABELS, withCalendar } from '../model/events';
import { historyArgKeyed } from './inputs';
import { Memo, contentKey } from './memo';
import { toSpill, type Spill, type SpillValue } from './spill';
import { isMatrix, trimRange } from './trim';

const HEADER = { 'en-US': ['date', 'kind', 'name', 'phase'], 'zh-CN': ['日期', '类型', '活动', '阶段'] } as const;

const spills = new Memo<Spill>(32);

export function eventsSpill(history: unknown, events: unknown, lang: Lang): Spill {
  const { key: hKey, read } = historyArgKeyed(history);
  const cells = isMatrix(events) ? (trimRange(events, false) as Cell[][]) : null;
  return spills.get(contentKey(hKey, cells, lang), () => {
    const calendar = cells ? readEventCalendar(cells) : null;
    const h = calendar ? withCalendar(read.history, calendar.windows) : read.history;
    // Stable keys in en-US (for formulas that filter them), labels in zh-CN (as PLAN's header).
    const rows: SpillValue[][] = flaggedDaysOf(h).map((f) => [
      dateToExcelSerial(f.date),
      lang === 'zh-CN' ? FLAG_LABELS[f.kind]['zh-CN'] : f.kind,
      f.name ?? null,
      f.phase ? (lang === 'zh-CN' ? PHASE_LABELS[f.phase]['zh-CN'] : f.phase) : null,
    ]);
    const issues = (calendar?.issues ?? []).map((x): SpillValue[] => [null, lang === 'zh-CN' ? '日历错误' : 'calendar_error', x.address ?? null, x.message[lang]]);
    return toSpill([[...HEADER[lang]], ...rows, ...issues]);
  });
}
