/**
 * The verdict first (organic first): ready or not, with one reason per failed check, before any
 * spend number appears further down the pane.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Text } from '../../i18n/text';
import type { BaselineReport, PlanReport } from '../../model/report';
import { useI18n } from '../i18n';
import type { Outcome } from '../state/compute';
import { Section } from './Section';

export interface ReadinessProps {
  /** The verdict, when the history could be analysed. */
  baseline: BaselineReport | null;
  report: Outcome<PlanReport> | null;
  /** Why no plan can be computed (history or assumptions unreadable), when that is the case. */
  blocker: Text | null;
}

function Blocked({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('readiness.blocked')}</MessageBarTitle> {message}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ReadinessPanel({ baseline: b, report, blocker }: ReadinessProps) {
  const { t, pick, compactMoney, percent } = useI18n();
  let verdict = null;
  if (b) {
    const baseline = t('readiness.baseline', {
      days: b.days,
      cvr: b.cvr === null ? '—' : percent(b.cvr),
      aov: compactMoney(b.aov),
      gmv: compactMoney(b.organicGmvPerDay),
    });
    verdict = b.ready ? (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('readiness.ready')}</MessageBarTitle>
          <div>{baseline}</div>
        </MessageBarBody>
      </MessageBar>
    ) : (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('readiness.notReady')}</MessageBarTitle> {t('readiness.notReadyBody')}
          <ul>
            {b.reasons.map((r, i) => (
              <li key={i}>{pick(r)}</li>
            ))}
          </ul>
          <div>{baseline}</div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const failure = report && !report.ok ? pick(report.error) : blocker ? pick(blocker) : null;
  return (
    <Section title={t('readiness.title')}>
      {verdict}
      {failure ? <Blocked message={failure} /> : null}
      {!verdict && !failure ? <p>{t('readiness.pending')}</p> : null}
    </Section>
  );
}
