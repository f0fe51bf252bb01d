/**
 * Asks for a scenario name (add, rename, duplicate) or confirms a deletion — inline under the
 * scenario toolbar rather than in a modal: the pane is narrow, and the form stays next to the
 * list it changes. Escape cancels, Enter submits.
 */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import type { NameProblem } from '../state/assumptionsTable';

export interface ScenarioDialogProps {
  title: string;
  /** Absent for a confirmation (delete). */
  initialName?: string;
  body?: string;
  check(name: string): NameProblem | null;
  onOk(name: string): void;
  onCancel(): void;
}

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function ScenarioDialog({ title, initialName, body, check, onOk, onCancel }: ScenarioDialogProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const titleId = useId();
  const [name, setName] = useState(initialName ?? '');
  const asksName = initialName !== undefined;
  const problem = asksName ? check(name) : null;
  return (
    <form
      className={styles.form}
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) onOk(name.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 id={titleId} className={styles.title}>
        {title}
      </h3>
      {body ? <p>{body}</p> : null}
      {asksName ? (
        <Field
          label={t('assumptions.name')}
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem ? t(`assumptions.name.${problem}`) : undefined}
        >
          {/* The form opens on the user's request: focus goes where they will type. */}
          <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus />
        </Field>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={problem !== null} autoFocus={!asksName}>
          {t('assumptions.ok')}
        </Button>
        <Button onClick={onCancel}>{t('assumptions.cancel')}</Button>
      </div>
    </form>
  );
}
