/** Findings about the input, each with a link that selects the offending cell. */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { DataIssue } from '../../data/table';
import { quoteSheet } from '../gateway/address';
import { useI18n } from '../i18n';

/** Long lists are cut: the counts above say how many there are. */
export const MAX_ISSUES_SHOWN = 50;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
});

/** Where, as Excel writes it: Sheet!C7 when the sheet is known, else C7. */
export function whereOf(issue: DataIssue): string {
  return issue.sheet ? `${quoteSheet(issue.sheet)}!${issue.address ?? ''}` : (issue.address ?? '');
}

export function IssueList({ issues, onSelect }: { issues: readonly DataIssue[]; onSelect(issue: DataIssue): void }) {
  const { t, pick } = useI18n();
  const styles = useStyles();
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  return (
    <>
      <ul className={styles.list}>
        {shown.map((issue, i) => (
          <li key={i}>
            <span className={styles[issue.severity]}>{t(`severity.${issue.severity}`)}</span>{' '}
            {issue.address ? (
              <>
                <Link as="button" onClick={() => onSelect(issue)}>
                  {t('data.issue.goto', { address: whereOf(issue) })}
                </Link>
                {t('data.issue.sep')}
              </>
            ) : null}
            {pick(issue.message)}
          </li>
        ))}
      </ul>
      {issues.length > shown.length ? <p>{t('data.issues.more', { n: issues.length - shown.length })}</p> : null}
    </>
  );
}
