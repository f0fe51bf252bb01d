/** Where the history comes from, how its columns are read, and what the reader found wrong. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DataIssue, HistoryField, HistoryReadResult } from '../../data/table';
import { quoteSheet, rangeA1 } from '../gateway/address';
import { HISTORY_NAME } from '../gateway/types';
import { useI18n } from '../i18n';
import type { Outcome } from '../state/compute';
import type { FoundHistory } from '../state/findData';
import type { FieldOverrides } from '../state/mapping';
import { HelpLink } from './HelpLink';
import { MappingEditor } from './MappingEditor';
import { QualityReport } from './QualityReport';
import { Section } from './Section';

export interface DataPanelProps {
  history: FoundHistory | null;
  read: Outcome<HistoryReadResult> | null;
  overrides: FieldOverrides;
  onUseSelection(): Promise<boolean>;
  onOverride(field: HistoryField, column: number | null): void;
  onResetOverrides(): void;
  onSelect(issue: DataIssue): void;
}

export function DataPanel(p: DataPanelProps) {
  const { t, pick } = useI18n();
  const [selectionFailed, setSelectionFailed] = useState(false);
  const take = async () => setSelectionFailed(!(await p.onUseSelection()));
  const r = p.history?.range;
  const source = r
    ? t(`data.source.${p.history?.how ?? 'sheet'}`, {
        name: HISTORY_NAME,
        sheet: r.sheet,
        address: rangeA1(r.row, r.column, r.values.length, r.values[0]?.length ?? 1),
      })
    : t('data.none');
  const failed = p.read && !p.read.ok ? p.read : null;
  return (
    <Section title={t('data.title')}>
      <p>
        {source}
        {r ? null : (
          <>
            {' '}
            <HelpLink page="data" anchor="history">{t('data.help.headers')}</HelpLink>
          </>
        )}
      </p>
      <div>
        <Button onClick={() => void take()}>{t('data.useSelection')}</Button>
      </div>
      {selectionFailed ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('data.selectionEmpty')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {failed ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('data.error')}</MessageBarTitle> {r ? `${t('data.error.where', { address: `${quoteSheet(r.sheet)}!${rangeA1(r.row, r.column, r.values.length, r.values[0]?.length ?? 1)}` })} ` : ''}
            {pick(failed.error)} {t('data.error.fix')} <HelpLink page="data" anchor="history">{t('data.help.headers')}</HelpLink>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {r ? (
        <Accordion multiple collapsible defaultOpenItems={failed ? ['mapping'] : ['quality']}>
          <AccordionItem value="mapping">
            <AccordionHeader>{t('data.mapping')}</AccordionHeader>
            <AccordionPanel>
              <MappingEditor
                cells={r.values}
                firstColumn={r.column}
                overrides={p.overrides}
                onChange={p.onOverride}
                onReset={p.onResetOverrides}
              />
            </AccordionPanel>
          </AccordionItem>
          {p.read?.ok ? (
            <AccordionItem value="quality">
              <AccordionHeader>{t('data.quality')}</AccordionHeader>
              <AccordionPanel>
                <QualityReport read={p.read.value} onSelect={p.onSelect} />
              </AccordionPanel>
            </AccordionItem>
          ) : null}
        </Accordion>
      ) : null}
    </Section>
  );
}
