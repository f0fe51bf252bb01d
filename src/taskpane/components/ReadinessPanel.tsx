/**
 * The verdict first (organic first): ready or not, with one reason per failed check, before any
 * spend number appears further down the pane.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Text } from '../../i18n/text';
import type { PlanReport } from '../../model/report';
import { useI18n } from '../i18n';
import type { Outcome } from '../state/compute';
import { Section } from './Section';

export interface ReadinessProps {
  report: Outcome<PlanReport> | null;
  /** Why no plan can be computed (history or assumptions unreadable), when that is the case. */
  blocker: Text | null;
}

export function ReadinessPanel({ report, blocker }: ReadinessProps) {
  const { t, pick, money, percent } = useI18n();
  let body;
  if (report?.ok) {
    const b = report.value.baseline;
    const baseline = t('readiness.baseline', {
      days: b.days,
      cvr: percent(b.cvr),
      aov: money(b.aov),
      gmv: money(b.organicGmvPerDay),
    });
    body = b.ready ? (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('readiness.ready')}</MessageBarTitle> {t('readiness.readyBody')}
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
  } else if (report && !report.ok) {
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('readiness.blocked')}</MessageBarTitle> {pick(report.error)}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (blocker) {
    body = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('readiness.blocked')}</MessageBarTitle> {pick(blocker)}
        </MessageBarBody>
      </MessageBar>
    );
  } else {
    body = <p>{t('readiness.pending')}</p>;
  }
  return <Section title={t('readiness.title')}>{body}</Section>;
}
