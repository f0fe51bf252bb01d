/** field ← header: the reader's guess, correctable per field with a column picker. */
import { Badge, Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { REQUIRED_FIELDS } from '../../data/table';
import type { Cell, HistoryField } from '../../data/table';
import { columnLetters } from '../gateway/address';
import { useI18n } from '../i18n';
import { ALL_FIELDS, mappingView, type FieldOverrides } from '../state/mapping';

export interface MappingEditorProps {
  cells: Cell[][];
  /** 1-based sheet column of the range's first column (for the column letters shown). */
  firstColumn: number;
  overrides: FieldOverrides;
  onChange(field: HistoryField, column: number | null): void;
  onReset(): void;
}

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: tokens.spacingHorizontalS },
});

export function MappingEditor({ cells, firstColumn, overrides, onChange, onReset }: MappingEditorProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const view = mappingView(cells, overrides);
  const options = view.headers.map((h, col) => ({ col, label: `${columnLetters(firstColumn + col)}: ${h || '—'}` }));
  return (
    <div>
      <p>{t('data.mapping.help')}</p>
      <div className={styles.grid}>
        {ALL_FIELDS.map((field) => {
          const col = view.columns[field];
          const corrected = field in overrides;
          const name = t(`field.${field}`);
          return (
            <Field
              key={field}
              label={
                <>
                  {name}
                  {REQUIRED_FIELDS.includes(field) ? ` (${t('data.mapping.required')})` : ''}{' '}
                  {corrected ? <Badge size="small" appearance="tint">{t('data.mapping.corrected')}</Badge> : null}
                </>
              }
            >
              <Select
                aria-label={t('data.mapping.column', { field: name })}
                value={col === undefined ? '' : String(col)}
                onChange={(_, d) => onChange(field, d.value === '' ? null : Number(d.value))}
              >
                <option value="">{t('data.mapping.notUsed')}</option>
                {options.map((o) => (
                  <option key={o.col} value={String(o.col)}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      {Object.keys(overrides).length > 0 ? (
        <Button appearance="subtle" onClick={onReset}>
          {t('data.mapping.reset')}
        </Button>
      ) : null}
    </div>
  );
}
