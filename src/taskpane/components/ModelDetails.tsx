/**
 * What the plan rests on, folded away under "模型细节" / "Model details": the response curve and
 * how well it fits, the organic lift, the unit margin, break-even and target ROIs and each
 * scenario's sustainable budget — in plain words, no symbols or internal keys.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanReport } from '../../model/report';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  details: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalM} 0` },
  summary: { cursor: 'pointer', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: `${tokens.spacingVerticalS} 0 0` },
  term: { margin: 0, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
});

export function ModelDetails({ report }: { report: PlanReport }) {
  const { t, pick, ratio, percent, compactMoney, plain } = useI18n();
  const styles = useStyles();
  const { curve, lift } = report;
  const rows: [string, string][] = [[t('details.curve'), t(`details.curve.${curve.model}`)]];
  if (curve.basis) rows.push([t('details.basis'), t(`details.basis.${curve.basis}`)]);
  if (curve.r2 !== null) rows.push([t('details.fit'), plain(curve.r2, 2)]);
  rows.push([t('details.days'), String(curve.n)]);
  if (curve.minSpend !== null && curve.maxSpend !== null) rows.push([t('details.spendRange'), `${compactMoney(curve.minSpend)} – ${compactMoney(curve.maxSpend)}`]);
  rows.push([t('details.lift'), lift.identified ? `¥${plain(lift.lambda, 2)}` : t('details.liftNotIdentified')]);
  if (lift.identified) rows.push([t('details.carry'), percent(lift.theta)]);
  const first = report.scenarios[0];
  if (first) {
    rows.push([t('details.margin'), `¥${plain(first.economics.unitMargin, 2)}`]);
    rows.push([t('details.breakEven'), ratio(first.economics.breakEvenRoi)]);
  }
  for (const s of report.scenarios) {
    rows.push([t('details.target', { scenario: s.name }), ratio(s.economics.targetMarginalRoi)]);
    rows.push([t('details.sustainable', { scenario: s.name }), compactMoney(s.kpis.sustainableSpend)]);
  }
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{t('details.title')}</summary>
      <dl className={styles.list}>
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt className={styles.term}>{k}</dt>
            <dd className={styles.value}>{v}</dd>
          </div>
        ))}
      </dl>
      {curve.note ? <p>{pick(curve.note)}</p> : null}
      <p>{pick(lift.note)}</p>
    </details>
  );
}
