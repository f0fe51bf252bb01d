/** Asks for a scenario name (add, rename, duplicate) or confirms a deletion. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import { useState } from 'react';
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

export function ScenarioDialog({ title, initialName, body, check, onOk, onCancel }: ScenarioDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(initialName ?? '');
  const asksName = initialName !== undefined;
  const problem = asksName ? check(name) : null;
  const submit = () => {
    if (!problem) onOk(name.trim());
  };
  return (
    // Escape cancels; a stray backdrop click does not (the click that opened it may land there).
    <Dialog open modalType="modal" onOpenChange={(_, d) => (!d.open && d.type === 'escapeKeyDown' ? onCancel() : undefined)}>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              {body ? <p>{body}</p> : null}
              {asksName ? (
                <Field
                  label={t('assumptions.name')}
                  validationState={problem ? 'error' : 'none'}
                  validationMessage={problem ? t(`assumptions.name.${problem}`) : undefined}
                >
                  <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus />
                </Field>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={problem !== null}>
                {t('assumptions.ok')}
              </Button>
              <Button onClick={onCancel}>{t('assumptions.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
