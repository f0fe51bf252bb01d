/**
 * The scenario workbench, answer first: what to do (action card), readiness, the comparison,
 * charts and writing the plan; then the data and assumptions it rests on; model details folded.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useMemo } from 'react';
import type { WorkbookGateway } from '../gateway/types';
import { useI18n } from '../i18n';
import { useWorkbench } from '../state/useWorkbench';
import { missingInputs, missingInputsText, suppliedByHistory } from '../../model/settings';
import { ActionCard } from './ActionCard';
import { ChartsPanel } from './ChartsPanel';
import { ComparisonTable } from './ComparisonTable';
import { DelayedSpinner } from './DelayedSpinner';
import { HelpLink } from './HelpLink';
import { ReadinessPanel } from './ReadinessPanel';
import { Section } from './Section';

// The review, the experiment designer and the folded model details pull the back-test, the review and the experiment
// engine: loaded when the pane first shows them, so the first screen ships without them.
// Below the first screen (after the comparison and the charts): loaded as the pane renders, not before it.
const WritePlanPanel = lazy(() => import('./WritePlanPanel').then((m) => ({ default: m.WritePlanPanel })));
const DataPanel = lazy(() => import('./DataPanel').then((m) => ({ default: m.DataPanel })));
const EventsPanel = lazy(() => import('./EventsPanel').then((m) => ({ default: m.EventsPanel })));
const AssumptionsEditor = lazy(() => import('./AssumptionsEditor').then((m) => ({ default: m.AssumptionsEditor })));
const ReviewPanel = lazy(() => import('./ReviewPanel').then((m) => ({ default: m.ReviewPanel })));
const ModelDetails = lazy(() => import('./ModelDetails').then((m) => ({ default: m.ModelDetails })));
const ExperimentPanel = lazy(() => import('./ExperimentPanel').then((m) => ({ default: m.ExperimentPanel })));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    maxWidth: '100%',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  status: { minHeight: '20px' },
});

/** The inputs a first plan on category defaults can fill (src/model/settings/missing-inputs.ts). */
const MISSING_KEYS: ReadonlySet<string> = new Set(['cogs_rate', 'cash_available', 'refund_rate', 'aov']);

export function Workbench({ gateway }: { gateway: WorkbookGateway }) {
  const { t, pick } = useI18n();
  const styles = useStyles();
  const wb = useWorkbench(gateway);
  const a = wb.actions;

  const report = wb.report?.ok ? wb.report.value : null;
  // Without a table, what is missing is said at once from what the history supplies.
  const history = wb.historyRead?.ok ? wb.historyRead.value.history : null;
  const supplied = history ? suppliedByHistory(history) : null;
  const lacking = supplied && !wb.table ? missingInputs({}, supplied) : [];
  const historyLacks = supplied ? [...(supplied.refundRate === null ? ['refund_rate' as const] : []), ...(supplied.aov === null ? ['aov' as const] : [])] : [];
  const blocker =
    wb.historyRead && !wb.historyRead.ok
      ? wb.historyRead.error
      : wb.assumptionsRead && !wb.assumptionsRead.ok
        ? wb.assumptionsRead.error
        : (wb.assumptionErrors[0]?.message ?? (lacking.length > 0 && !wb.categoryDefaults ? missingInputsText(lacking) : null));
  // A first plan on labelled category defaults, on request, while the inputs are missing.
  const offerDefaults = wb.historyRead?.ok === true && !wb.categoryDefaults && (lacking.length > 0 || (wb.report !== null && !wb.report.ok && MISSING_KEYS.has(wb.report.field ?? '')));
  const reserves = useMemo(() => {
    const out: Record<string, number> = {};
    if (wb.assumptionsRead?.ok) for (const s of wb.assumptionsRead.value.scenarios) out[s.name] = s.values.cash_reserve ?? 0;
    return out;
  }, [wb.assumptionsRead]);

  if (wb.phase === 'loading') {
    return (
      <main className={styles.root}>
        <Spinner label={t('app.loading')} />
      </main>
    );
  }
  if (wb.phase === 'error') {
    return (
      <main className={styles.root}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {/* What went wrong, where (when known), then what to do: the host's words come second. */}
            <MessageBarTitle>{t('app.loadError')}</MessageBarTitle> {wb.loadError?.sheet ? `${t('app.loadError.where', { sheet: wb.loadError.sheet })} ` : ''}
            {wb.loadError ? pick(wb.loadError.text) : ''} {t('app.loadError.fix')} <HelpLink page="data">{t('app.loadError.help')}</HelpLink>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void a.reload()}>{t('app.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      </main>
    );
  }

  return (
    <main className={styles.root} aria-label={t('app.title')}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('app.title')}</h1>
        <Button size="small" onClick={() => void a.reload()}>
          {t('app.refresh')}
        </Button>
      </header>
      <div className={styles.status} aria-live="polite">
        <DelayedSpinner active={wb.computing} label={t('app.computing')} />
      </div>
      {wb.notice ? (
        <MessageBar intent={wb.notice.intent} layout="multiline">
          <MessageBarBody>{pick(wb.notice.text)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => wb.setNotice(null)}>
              {t('app.dismiss')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {wb.defaultsLabel ? (
        <MessageBar intent="warning" layout="multiline" data-testid="defaults-label">
          <MessageBarBody>{pick(wb.defaultsLabel)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => wb.setCategoryDefaults(false)}>
              {t('defaults.off')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {report ? <ActionCard report={report} backtest={wb.backtest} /> : null}
      {offerDefaults ? (
        <Button appearance="primary" onClick={() => wb.setCategoryDefaults(true)}>
          {t('defaults.on')}
        </Button>
      ) : null}
      <ReadinessPanel baseline={wb.baseline} report={wb.report} blocker={blocker} />
      <Section title={t('compare.title')}>
        {report ? <ComparisonTable scenarios={report.scenarios} /> : <p>{t('compare.pending')}</p>}
      </Section>
      {report ? <ChartsPanel scenarios={report.scenarios} curve={report.curve} reserves={reserves} /> : null}
      <Suspense fallback={null}>
        {report ? (
          <WritePlanPanel
            scenarios={report.scenarios.map((s) => s.name)}
            hasOverrides={Object.keys(wb.overrides).length > 0}
            onWrite={a.writePlan}
          />
        ) : null}
        <DataPanel
          history={wb.history}
          read={wb.historyRead}
          overrides={wb.overrides}
          onUseSelection={a.takeSelection}
          onOverride={a.setOverride}
          onResetOverrides={a.resetOverrides}
          onSelect={(i) => void a.select(i)}
        />
        <EventsPanel calendar={wb.calendar} flagged={wb.flagged} onCreate={a.createCalendar} onSelect={(i) => void a.select(i)} />
        <AssumptionsEditor
          table={wb.table}
          historyLacks={historyLacks}
          read={wb.assumptionsRead}
          onCreate={a.createAssumptions}
          onSetValue={a.setValue}
          onAdd={a.addScenario}
          onRename={a.renameScenario}
          onDelete={a.deleteScenario}
          onSelect={(i) => void a.select(i)}
        />
      </Suspense>
      <Suspense fallback={null}>
        <ReviewPanel gateway={gateway} history={history} scenarios={wb.assumptionsRead?.ok ? wb.assumptionsRead.value.scenarios : null} />
        <ExperimentPanel gateway={gateway} history={history} />
      </Suspense>
      {report ? (
        <Suspense fallback={null}>
          <ModelDetails report={report} />
        </Suspense>
      ) : null}
    </main>
  );
}
