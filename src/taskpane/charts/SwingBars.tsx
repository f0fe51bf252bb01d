/**
 * The sensitivity tornado as plain bars in HTML: a list a screen reader reads as sentences, money
 * as the pane writes it (¥4.2万, not the chart library's "42.3k"), the theme's own colours, and
 * labels that wrap at task-pane width instead of being cut.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { SensitivityReportRow } from '../../model/report';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  track: { gridColumn: '1 / -1', height: '10px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall },
  bar: { height: '100%', borderRadius: tokens.borderRadiusSmall, minWidth: '2px' },
  value: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold },
});

export interface SwingBarsProps {
  rows: readonly SensitivityReportRow[];
  color: (i: number) => string;
}

export function SwingBars({ rows, color }: SwingBarsProps) {
  const styles = useStyles();
  const { t, pick, compactMoney } = useI18n();
  const widest = Math.max(...rows.map((r) => Math.abs(r.swing)), 0);
  return (
    <ul className={styles.list}>
      {rows.map((r, i) => {
        const label = pick(r.label);
        const swing = compactMoney(Math.abs(r.swing));
        const share = widest > 0 ? Math.round((1000 * Math.abs(r.swing)) / widest) / 10 : 0;
        return (
          <li key={r.input} className={styles.row} aria-label={t('charts.swing', { factor: label, swing })}>
            <span>{label}</span>
            <span className={styles.value}>{swing}</span>
            <span className={styles.track} aria-hidden="true">
              <span className={styles.bar} style={{ display: 'block', width: `${share}%`, backgroundColor: color(i) }} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
