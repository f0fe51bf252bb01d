/** "Write plan": a new sheet with live =ADPLAN.* formulas (or values) and native charts. */
import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { pick } from '../../i18n/text';
import { kpiLabel } from '../../model/report';
import { presetName, useI18n, type I18n } from '../i18n';
import { KPI_METRICS, type PlanSheetLabels } from '../state/planSheet';
import { Section } from './Section';

export function planLabels(i18n: I18n, scenario: string, valuesOnly: boolean, today: string): PlanSheetLabels {
  const { t } = i18n;
  return {
    lang: i18n.lang,
    sheetName: t('plan.sheetName', { scenario }),
    limit: {
      target: t('plan.limit.target'),
      ramp: t('plan.limit.ramp'),
      cash: t('plan.limit.cash'),
      capacity: t('plan.limit.capacity'),
      extrapolation: t('plan.limit.extrapolation'),
      max: t('plan.limit.max'),
    },
    title: t('plan.title', { scenario }),
    subtitle: valuesOnly ? t('plan.subtitle.values', { date: today }) : t('plan.subtitle.live'),
    metric: t('plan.metric'),
    value: t('plan.value'),
    kpi: Object.fromEntries(KPI_METRICS.map((m) => [m, pick(kpiLabel(m), i18n.lang)])) as PlanSheetLabels['kpi'],
    spendChart: t('plan.spendChart'),
    cashChart: t('plan.cashChart'),
  };
}

export interface WritePlanPanelProps {
  scenarios: readonly string[];
  hasOverrides: boolean;
  onWrite(scenario: string, valuesOnly: boolean, labels: PlanSheetLabels): Promise<string | null>;
}

export function WritePlanPanel({ scenarios, hasOverrides, onWrite }: WritePlanPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [scenario, setScenario] = useState(scenarios[0] ?? '');
  const [valuesOnly, setValuesOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const chosen = scenarios.includes(scenario) ? scenario : (scenarios[0] ?? '');

  const write = async () => {
    setBusy(true);
    setWritten(null);
    try {
      const today = new Date().toISOString().slice(0, 10);
      setWritten(await onWrite(chosen, valuesOnly, planLabels(i18n, chosen, valuesOnly, today)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('write.title')}>
      <p>{t('write.help')}</p>
      <Field label={t('write.scenario')}>
        <Select value={chosen} onChange={(_, d) => setScenario(d.value)}>
          {scenarios.map((s) => (
            <option key={s} value={s}>
              {presetName(i18n, s)}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox label={t('write.valuesOnly')} checked={valuesOnly} onChange={(_, d) => setValuesOnly(d.checked === true)} />
      {hasOverrides && !valuesOnly ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('write.overrides')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" disabled={busy || !chosen} onClick={() => void write()}>
          {t('write.button')}
        </Button>
        {busy ? <Spinner size="tiny" label={t('write.writing')} /> : null}
      </div>
      {written ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('write.done', { sheet: written })}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Section>
  );
}
