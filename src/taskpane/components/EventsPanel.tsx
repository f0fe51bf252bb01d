/**
 * The calendar in the pane: the 活动日历 sheet (the source of truth; edited in the sheet, re-read on
 * every change) with its bad rows linked to their cells, a button that creates the sheet with the
 * upcoming built-in windows to confirm, and the history's flagged days as a short list with dates.
 */
import { Button } from '@fluentui/react-components';
import type { EventsReadResult } from '../../data/events';
import type { DataIssue } from '../../data/table';
import { flagRunText, type FlagRun } from '../../model/events';
import { useI18n } from '../i18n';
import { IssueList } from './IssueList';
import { Section } from './Section';

/** Runs listed before "and N more". */
export const MAX_RUNS_SHOWN = 12;

export interface EventsPanelProps {
  calendar: { sheet: string; read: EventsReadResult } | null;
  flagged: readonly FlagRun[];
  onCreate(): Promise<void>;
  onSelect(issue: DataIssue): void;
}

export function EventsPanel(p: EventsPanelProps) {
  const { t, pick } = useI18n();
  const shown = p.flagged.slice(0, MAX_RUNS_SHOWN);
  return (
    <Section title={t('events.title')}>
      {p.calendar ? (
        <p>{t('events.source', { sheet: p.calendar.sheet, n: String(p.calendar.read.windows.length) })}</p>
      ) : (
        <>
          <p>{t('events.none')}</p>
          <div>
            <Button onClick={() => void p.onCreate()}>{t('events.create')}</Button>
          </div>
        </>
      )}
      {p.calendar && p.calendar.read.issues.length > 0 ? <IssueList issues={p.calendar.read.issues} onSelect={p.onSelect} /> : null}
      <p>{p.flagged.length === 0 ? t('events.flagged.none') : t('events.flagged', { n: String(p.flagged.length) })}</p>
      {shown.length > 0 ? (
        <ul aria-label={t('events.flagged.list')}>
          {shown.map((r, i) => (
            <li key={i}>{pick(flagRunText(r))}</li>
          ))}
        </ul>
      ) : null}
      {p.flagged.length > MAX_RUNS_SHOWN ? <p>{t('events.flagged.more', { n: String(p.flagged.length - MAX_RUNS_SHOWN) })}</p> : null}
    </Section>
  );
}
