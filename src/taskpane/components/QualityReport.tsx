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
      <p>
        {t('data.issueCounts', {
          errors: t(count('error') === 1 ? 'data.count.error' : 'data.count.errors', { n: count('error') }),
          warnings: t(count('warning') === 1 ? 'data.count.warning' : 'data.count.warnings', { n: count('warning') }),
          infos: t(count('info') === 1 ? 'data.count.info' : 'data.count.infos', { n: count('info') }),
        })}
      </p>
      {read.issues.length === 0 ? <p>{t('data.issues.none')}</p> : <IssueList issues={read.issues} onSelect={onSelect} />}
    </div>
  );
}
