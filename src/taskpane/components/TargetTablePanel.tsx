/**
 * The 全域 target table behind the action card: one compact row per 净成交ROI target (target,
 * expected spend, incremental profit P10 / P50), the recommended row marked, folded by default so
 * the card stays short; the full columns are in =ADPLAN.TARGETS and `adplan targets`. Fits 320 px.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { TARGET_COLUMNS, targetValue, type TargetTable } from '../../model/plan';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums', tableLayout: 'fixed' },
  th: { textAlign: 'right', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, padding: `0 ${tokens.spacingHorizontalXXS}`, overflowWrap: 'anywhere' },
  td: { textAlign: 'right', padding: `0 ${tokens.spacingHorizontalXXS}`, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  rec: { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorBrandBackground2Hover },
  note: { margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const COMPACT = TARGET_COLUMNS.filter((c) => c.compact);

export function TargetTablePanel({ table }: { table: TargetTable }) {
  const { t, pick, ratio, compactMoney } = useI18n();
  const styles = useStyles();
  return (
    <details className={styles.details} data-testid="target-table">
      <summary className={styles.summary}>{t('targets.title')}</summary>
      <table className={styles.table}>
        <thead>
          <tr>
            {COMPACT.map((c) => (
              <th key={c.key} className={styles.th} scope="col">
                {pick(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={r.targetNet} className={i === table.recommended ? styles.rec : undefined} aria-current={i === table.recommended ? 'true' : undefined}>
              {COMPACT.map((c) => (
                <td key={c.key} className={styles.td}>
                  {c.kind === 'ratio' ? `${ratio(targetValue(r, c))}${i === table.recommended ? ' ✓' : ''}` : compactMoney(targetValue(r, c))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.note}>{pick(table.ruleText)}</p>
      {table.attribution ? <p className={styles.note} data-testid="attribution">{pick(table.attribution.note)}</p> : null}
      {table.warnings.map((w, i) => (
        <p key={i} className={styles.note}>
          {pick(w)}
        </p>
      ))}
    </details>
  );
}
