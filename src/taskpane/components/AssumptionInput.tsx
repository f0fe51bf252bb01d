/**
 * One assumption value: typed freely (the draft is local, so typing never waits), validated
 * with the reader's own parsing and range rules, written to the sheet after a pause or on blur.
 */
import { Field, Input } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { checkAssumptionValue } from '../../data/assumptions';
import { parseNumber } from '../../data/cells';
import { cellText } from '../../data/cells';
import type { Cell } from '../../data/table';
import type { AssumptionSpec } from '../../model/settings';
import { useI18n, type I18n } from '../i18n';

/** Pause after the last keystroke before the value is written to the sheet. */
export const COMMIT_DEBOUNCE_MS = 400;

export type Parsed = { ok: true; value: number | null } | { ok: false; message: string };

const isRate = (spec: AssumptionSpec): boolean => spec.unit === 'rate' || spec.unit === 'rate_per_day';

/** Rates read and show as percentages (the unit says %): 5 and 5% are both 0.05. */
export function parseInput(spec: AssumptionSpec, draft: string, i18n: I18n): Parsed {
  const rate = isRate(spec);
  const d = draft.trim();
  const p = parseNumber(d === '' ? null : rate && !/[%％]$/u.test(d) ? `${d}%` : d, rate ? 'rate' : 'money');
  if (!p.ok) return { ok: false, message: i18n.t('assumptions.invalid.number') };
  if (p.value === null) return { ok: true, value: null };
  const bad = checkAssumptionValue(spec, p.value, rate);
  return bad ? { ok: false, message: i18n.pick(bad) } : { ok: true, value: p.value };
}

export interface AssumptionInputProps {
  spec: AssumptionSpec;
  /** The cell as it is in the sheet. */
  cell: Cell;
  /** What applies when the cell is blank (inherited value or the engine's rule). */
  blankHint: string;
  /** The reader's complaint about the sheet cell, if any. */
  sheetError?: string;
  onCommit(value: number | null): void;
}

/** A value as the pane shows it: a rate as a percentage (0.05 → 5%), anything else as written. */
export function assumptionText(spec: AssumptionSpec, c: Cell): string {
  if (c === null || c === undefined) return '';
  if (isRate(spec) && typeof c === 'number' && Number.isFinite(c)) return `${Number((c * 100).toPrecision(12))}%`;
  return cellText(c);
}

export function AssumptionInput({ spec, cell, blankHint, sheetError, onCommit }: AssumptionInputProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [draft, setDraft] = useState(assumptionText(spec, cell));
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The sheet changed under us (another edit, a recalculation): show it unless the user is typing.
  useEffect(() => {
    if (!editing.current) setDraft(assumptionText(spec, cell));
  }, [spec, cell]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const parsed = parseInput(spec, draft, i18n);
  const commit = (text: string) => {
    clearTimeout(timer.current);
    editing.current = false;
    const p = parseInput(spec, text, i18n);
    const current = assumptionText(spec, cell);
    if (p.ok && text.trim() !== current.trim()) onCommit(p.value);
  };

  const label = lang === 'zh-CN' ? spec.zh : spec.en;
  const unit = t(`unit.${spec.unit}`);
  const message = !parsed.ok ? parsed.message : sheetError;
  return (
    <Field
      label={label}
      hint={blankHint}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
    >
      <Input
        value={draft}
        inputMode="decimal"
        contentAfter={<span aria-hidden="true">{unit}</span>}
        aria-description={unit}
        onChange={(_, d) => {
          editing.current = true;
          setDraft(d.value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(d.value), COMMIT_DEBOUNCE_MS);
        }}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft);
        }}
      />
    </Field>
  );
}
