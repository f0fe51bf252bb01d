/** The reader's quality report: counts first, then each issue with a link to its cell. */
import type { DataIssue, HistoryReadResult } from '../../data/table';
import { countIssues } from '../../data/table';
import { useI18n } from '../i18n';
import { IssueList } from './IssueList';

export function QualityReport({ read, onSelect }: { read: HistoryReadResult; onSelect(issue: DataIssue): void }) {
  const { t } = useI18n();
  const count = (s: DataIssue['severity']) => countIssues(read.issues, s);
  return (
    <div>
      <p>
        {t('data.counts', { days: read.history.days.length, rows: read.rowsRead, skipped: read.rowsSkipped })}{' '}
        {t(`data.measure.${read.history.viewsMeasure}`)}
      </p>
      <p>{t('data.issueCounts', { errors: count('error'), warnings: count('warning'), infos: count('info') })}</p>
      {read.issues.length === 0 ? <p>{t('data.issues.none')}</p> : <IssueList issues={read.issues} onSelect={onSelect} />}
    </div>
  );
}
