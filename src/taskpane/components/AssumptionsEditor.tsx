/**
 * The assumptions table, one scenario at a time (the pane is narrow): values grouped by topic,
 * scenario columns added, renamed, duplicated and deleted — all written to the sheet.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AssumptionsReadResult, DataIssue } from '../../data/table';
import { ASSUMPTIONS, type AssumptionKey, type AssumptionSpec } from '../../model/settings';
import { presetName, useI18n, type I18n } from '../i18n';
import { checkScenarioName, rawValue, tableAddress, valueAddress, type AssumptionsTable } from '../state/assumptionsTable';
import type { Outcome } from '../state/compute';
import { AssumptionInput, assumptionText } from './AssumptionInput';
import { IssueList } from './IssueList';
import { ScenarioDialog } from './ScenarioDialog';
import { Section } from './Section';

export const GROUPS: readonly { id: 'economics' | 'cash' | 'limits' | 'model' | 'readiness'; keys: readonly AssumptionKey[] }[] = [
  {
    id: 'economics',
    keys: ['cogs_rate', 'refund_rate', 'fee_rate', 'commission_rate', 'shipping_per_order', 'return_shipping', 'resale_rate', 'aov', 'fixed_cost_per_day'],
  },
  { id: 'cash', keys: ['cash_available', 'cash_reserve', 'settlement_days', 'prepay_days', 'inventory_days'] },
  {
    id: 'limits',
    keys: ['horizon_days', 'capacity_orders_per_day', 'max_daily_spend', 'ramp_rate', 'start_spend', 'safety_margin', 'max_extrapolation'],
  },
  {
    id: 'model',
    keys: ['lift_lambda', 'lift_theta', 'organic_drift', 'baseline_days', 'paid_roi_initial', 'saturation_spend', 'curve_uncertainty', 'daily_noise'],
  },
  { id: 'readiness', keys: ['min_days', 'max_cvr_cv', 'max_refund_rate', 'min_orders_per_day'] },
];

type DialogState =
  | { kind: 'add' | 'duplicate' | 'rename'; index: number }
  | { kind: 'delete'; index: number }
  | null;

export interface AssumptionsEditorProps {
  table: AssumptionsTable | null;
  /** Keys "from the history" that this history does not have (no 退款金额 column): required, said so. */
  historyLacks?: readonly AssumptionKey[];
  read: Outcome<AssumptionsReadResult> | null;
  onCreate(): Promise<void>;
  onSetValue(key: AssumptionKey, scenario: number, value: number | null): Promise<void>;
  onAdd(name: string, copyOf?: number): Promise<void>;
  onRename(index: number, name: string): Promise<void>;
  onDelete(index: number): Promise<void>;
  onSelect(issue: DataIssue): void;
}

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

function blankHint(i18n: I18n, spec: AssumptionSpec, table: AssumptionsTable, scenario: number, historyLacks: readonly AssumptionKey[]): string {
  if (scenario > 0) {
    const base = rawValue(table, spec.key, 0);
    const baseName = table.scenarios[0]?.name ?? '';
    if (base !== null && base !== undefined) return i18n.t('assumptions.inherits', { value: assumptionText(spec, base), base: presetName(i18n, baseName) });
  }
  // "Blank: from the history" only when the history has it; else it is required, and the blocker agrees.
  if (spec.whenMissing === 'history' && historyLacks.includes(spec.key)) return i18n.t('assumptions.whenBlank.historyLacks');
  return i18n.t(`assumptions.whenBlank.${spec.whenMissing}`, { value: assumptionText(spec, spec.default) });
}

export function AssumptionsEditor(p: AssumptionsEditorProps) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const styles = useStyles();
  const [current, setCurrent] = useState(0);
  const [dialog, setDialog] = useState<DialogState>(null);

  if (!p.table) {
    return (
      <Section title={t('assumptions.title')}>
        <p>{t('assumptions.none')}</p>
        <div>
          <Button appearance="primary" onClick={() => void p.onCreate()}>
            {t('assumptions.create')}
          </Button>
        </div>
      </Section>
    );
  }
  const table = p.table;
  const index = Math.min(current, Math.max(0, table.scenarios.length - 1));
  const scenario = table.scenarios[index];
  const issues = p.read?.ok ? p.read.value.issues.filter((i) => i.severity !== 'info') : [];
  const cellErrors = new Map(issues.filter((i) => i.address).map((i) => [i.address as string, pick(i.message)]));
  const names = table.scenarios.map((s) => s.name);

  const closeWith = async (op: Promise<void>, nextIndex?: number) => {
    setDialog(null);
    await op;
    if (nextIndex !== undefined) setCurrent(nextIndex);
  };

  return (
    <Section title={t('assumptions.title')}>
      <p>{t('assumptions.source', { sheet: table.sheet, address: tableAddress(table) })}</p>
      {p.read && !p.read.ok ? (
        <MessageBar intent="error">
          <MessageBarBody>{pick(p.read.error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {issues.length > 0 ? (
        <MessageBar intent={issues.some((i) => i.severity === 'error') ? 'error' : 'warning'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('assumptions.issues')}</MessageBarTitle>
            <IssueList issues={issues} onSelect={p.onSelect} />
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t('assumptions.scenario')}>
        <Select value={String(index)} onChange={(_, d) => setCurrent(Number(d.value))}>
          {names.map((n, i) => (
            <option key={n} value={String(i)}>
              {presetName(i18n, n)}
            </option>
          ))}
        </Select>
      </Field>
      {/* Plain buttons in a group: each is its own Tab stop. */}
      <div role="group" aria-label={t('assumptions.scenarios')} className={styles.toolbar}>
        <Button size="small" onClick={() => setDialog({ kind: 'add', index })}>
          {t('assumptions.add')}
        </Button>
        <Button size="small" onClick={() => setDialog({ kind: 'rename', index })} disabled={!scenario}>
          {t('assumptions.rename')}
        </Button>
        <Button size="small" onClick={() => setDialog({ kind: 'duplicate', index })} disabled={!scenario}>
          {t('assumptions.duplicate')}
        </Button>
        <Button
          size="small"
          onClick={() => setDialog({ kind: 'delete', index })}
          disabled={table.scenarios.length <= 1}
          title={table.scenarios.length <= 1 ? t('assumptions.lastScenario') : undefined}
        >
          {t('assumptions.delete')}
        </Button>
      </div>
      {dialog?.kind === 'add' ? (
        <ScenarioDialog
          title={t('assumptions.addTitle')}
          initialName={t('assumptions.newName', { n: names.length + 1 })}
          check={(n) => checkScenarioName(table, n)}
          onOk={(n) => void closeWith(p.onAdd(n), names.length)}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'duplicate' && scenario ? (
        <ScenarioDialog
          title={t('assumptions.duplicateTitle', { name: scenario.name })}
          initialName={t('assumptions.copyName', { name: scenario.name })}
          check={(n) => checkScenarioName(table, n)}
          onOk={(n) => void closeWith(p.onAdd(n, index), names.length)}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'rename' && scenario ? (
        <ScenarioDialog
          title={t('assumptions.renameTitle', { name: scenario.name })}
          initialName={scenario.name}
          check={(n) => checkScenarioName(table, n, index)}
          onOk={(n) => void closeWith(p.onRename(index, n))}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'delete' && scenario ? (
        <ScenarioDialog
          title={t('assumptions.deleteTitle', { name: scenario.name })}
          body={t('assumptions.deleteBody')}
          check={() => null}
          onOk={() => void closeWith(p.onDelete(index), Math.max(0, index - 1))}
          onCancel={() => setDialog(null)}
        />
      ) : null}
      {scenario ? (
        <Accordion multiple collapsible defaultOpenItems={['economics', 'cash']}>
          {GROUPS.map((g) => (
            <AccordionItem key={g.id} value={g.id}>
              <AccordionHeader>{t(`group.${g.id}`)}</AccordionHeader>
              <AccordionPanel>
                <div className={styles.fields}>
                  {g.keys.map((key) => {
                    const spec = ASSUMPTIONS[key];
                    const at = valueAddress(table, key, index);
                    return (
                      <AssumptionInput
                        key={`${scenario.name}:${key}`}
                        spec={spec}
                        cell={rawValue(table, key, index)}
                        blankHint={blankHint(i18n, spec, table, index, p.historyLacks ?? [])}
                        sheetError={at ? cellErrors.get(at) : undefined}
                        onCommit={(v) => void p.onSetValue(key, index, v)}
                      />
                    );
                  })}
                </div>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      ) : null}
    </Section>
  );
}
