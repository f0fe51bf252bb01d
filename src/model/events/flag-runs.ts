/**
 * Flagged days as runs of consecutive days of one kind (and one event phase): what a short list
 * shows ("2025-11-08 – 2025-11-11 · 双11 爆发"), in date order.
 */
import { text, type Text } from '../../i18n/text';
import { dayIndex, type EventPhase, type FlagKind, type FlaggedDay, type IsoDate } from '../core';
import { PHASE_LABELS } from './calendar';

export interface FlagRun {
  first: IsoDate;
  last: IsoDate;
  days: number;
  kind: FlagKind;
  name?: string;
  phase?: EventPhase;
}

export function flagRuns(flagged: readonly FlaggedDay[]): FlagRun[] {
  const sorted = flagged.slice().sort((a, b) => dayIndex(a.date) - dayIndex(b.date));
  const open = new Map<string, FlagRun>();
  const out: FlagRun[] = [];
  for (const f of sorted) {
    const key = `${f.kind}|${f.name ?? ''}|${f.phase ?? ''}`;
    const run = open.get(key);
    if (run && dayIndex(f.date) === dayIndex(run.last) + 1) {
      run.last = f.date;
      run.days++;
      continue;
    }
    const next: FlagRun = { first: f.date, last: f.date, days: 1, kind: f.kind, ...(f.name !== undefined ? { name: f.name } : {}), ...(f.phase !== undefined ? { phase: f.phase } : {}) };
    open.set(key, next);
    out.push(next);
  }
  return out;
}

/** The flag kinds as a merchant reads them. */
export const FLAG_LABELS: Readonly<Record<FlagKind, Text>> = {
  event: text('event', '大促'),
  pause: text('pause', '停播/停发'),
  stockout: text('stock-out', '断货'),
  learning: text('learning', '学习期'),
  anomaly: text('anomaly', '异常'),
  missing: text('missing date', '缺失日期'),
};

/** One run as a short line: "2025-11-08 – 2025-11-11 (4) event 双11 peak" / "… 大促 双11 爆发". */
export function flagRunText(r: FlagRun): Text {
  const span = r.first === r.last ? r.first : `${r.first} – ${r.last} (${r.days})`;
  const phase = r.phase ? PHASE_LABELS[r.phase] : null;
  const name = r.name ?? '';
  const en = [span, FLAG_LABELS[r.kind]['en-US'], name, phase?.['en-US'] ?? ''].filter((x) => x !== '').join(' · ');
  const zh = [span, FLAG_LABELS[r.kind]['zh-CN'], name, phase?.['zh-CN'] ?? ''].filter((x) => x !== '').join(' · ');
  return text(en, zh);
}
