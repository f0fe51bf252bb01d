/**
 * Date cells that hold two dates: a 统计日期 range (`20260725-20260729`, `2026-07-25 ~ 2026-07-29`:
 * a period, not a day) or a session span (`2025-09-08 00-00-00~2025-09-08 07-00-46`: a session that
 * started on its first date). Only tried when the cell is not a plain date, so the hot path is
 * untouched.
 */
import { parseDate, type DateValue, type Parsed } from '../cells';
import { toHalfWidth } from '../cells';
import type { Cell } from '../table';

export type DateSpan =
  | { kind: 'day'; parsed: Parsed<DateValue | null> }
  | { kind: 'range'; from: string; to: string };

const SEPARATORS = /\s*(?:~|～|至|到|—|–)\s*|\s+-\s+/u;
/** 百应 writes times with dashes: "2025-09-08 07-00-46". */
const DASHED_TIME = /^(\d{4}-\d{1,2}-\d{1,2})\s+(\d{1,2})-(\d{2})-(\d{2})$/u;

function side(s: string): DateValue | null {
  const t = s.trim().replace(DASHED_TIME, '$1 $2:$3:$4');
  const p = parseDate(t);
  return p.ok ? p.value : null;
}

function halves(s: string): [string, string] | null {
  const m = SEPARATORS.exec(s);
  if (m) return [s.slice(0, m.index), s.slice(m.index + m[0].length)];
  const compact = /^(\d{8})-(\d{8})$/u.exec(s);
  if (compact) return [compact[1] as string, compact[2] as string];
  const slashed = /^(\d{4}\/\d{1,2}\/\d{1,2})-(\d{4}\/\d{1,2}\/\d{1,2})$/u.exec(s);
  return slashed ? [slashed[1] as string, slashed[2] as string] : null;
}

export function parseDateSpan(v: Cell): DateSpan {
  const parsed = parseDate(v);
  if (parsed.ok || typeof v !== 'string') return { kind: 'day', parsed };
  const s = toHalfWidth(v).trim();
  const single = side(s);
  if (single) return { kind: 'day', parsed: { ok: true, value: single } };
  const h = halves(s);
  const from = h ? side(h[0]) : null;
  const to = h ? side(h[1]) : null;
  if (!from || !to) return { kind: 'day', parsed };
  // A session span (times on both ends) or a one-day range is the day it starts.
  if (from.date === to.date || (from.hasTime && to.hasTime)) return { kind: 'day', parsed: { ok: true, value: from } };
  return { kind: 'range', from: from.date, to: to.date };
}
