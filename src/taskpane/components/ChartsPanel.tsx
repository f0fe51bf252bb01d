/** Loads the chart chunk on demand (React.lazy) and contains its failures. */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { ScenarioChartsProps } from '../charts/ScenarioCharts';
import { useI18n } from '../i18n';
import { Section } from './Section';

const ScenarioCharts = lazy(() => import('../charts/ScenarioCharts'));

class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    console.error('AdPlan: charts failed', error);
  }
  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function ChartsPanel(props: ScenarioChartsProps) {
  const { t } = useI18n();
  return (
    <Section title={t('charts.title')}>
      <ChartBoundary
        fallback={
          <MessageBar intent="warning">
            <MessageBarBody>{t('charts.error')}</MessageBarBody>
          </MessageBar>
        }
      >
        <Suspense fallback={<Spinner size="small" label={t('charts.loading')} />}>
          <ScenarioCharts {...props} />
        </Suspense>
      </ChartBoundary>
    </Section>
  );
}
