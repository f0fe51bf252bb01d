/**
 * 复盘: how far to trust the plan (back-test), and, once the history runs past a plan's start —
 * a plan written to the workbook, or a date the user picks — the plan vs what happened, the GMV
 * gap split into spend / response / organic, the verdict, and what the refit changes. Everything
 * is computed by src/model (backtest, review); this component only shows it.
 */
import {
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { text, type Text } from '../../i18n/text';
import type { Scenario } from '../../model/settings';
import { backtest } from '../../model/review';
import { isAdplanError } from '../../model/core';
import type { History } from '../../model/core';
import { GAP_LABELS, review, type ReviewResult } from '../../model/review';
import type { WorkbookGateway } from '../gateway/types';
import { useI18n } from '../i18n';
import { isPlanSheet, writtenPlanOf, type WrittenPlan } from '../state/writtenPlans';
import { Section } from './Section';

const ReviewChart = lazy(() => import('../charts/ReviewChart'));

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  small: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

export interface ReviewPanelProps {
  gateway: WorkbookGateway;
  history: History | null;
  scenarios: readonly Scenario[] | null;
}

type Outcome = { ok: true; value: ReviewResult } | { ok: false; error: Text };

/** Plans written to the workbook whose start the history has run past. */
function useWrittenPlans(gateway: WorkbookGateway, history: History | null): WrittenPlan[] {
  const [plans, setPlans] = useState<WrittenPlan[]>([]);
  useEffect(() => {
    let live = true;
    const last = history?.days[history.days.length - 1]?.date;
    if (!last) return;
    void (async () => {
      const found: WrittenPlan[] = [];
      for (const s of await gateway.listSheets()) {
        if (!isPlanSheet(s.name)) continue;
        const range = await gateway.readUsedRange(s.name);
        const p = range ? writtenPlanOf(range) : null;
        if (p && p.start <= last) found.push(p);
      }
      if (live) setPlans(found);
    })().catch((e: unknown) => console.error('AdPlan: could not look for written plans', e));
    return () => {
      live = false;
    };
  }, [gateway, history]);
  return plans;
}

export function ReviewPanel({ gateway, history, scenarios }: ReviewPanelProps) {
  const { pick, compactMoney: money, percent, ratio, lang } = useI18n();
  const styles = useStyles();
  const written = useWrittenPlans(gateway, history);
  const [picked, setPicked] = useState('');
  const plan = written[0] ?? null;
  const start = picked || plan?.start || '';
  const scenario = useMemo(() => {
    const list = scenarios ?? [];
    const named = !picked && plan ? list.find((s) => s.name === plan.scenario) : undefined;
    return named ?? list[0] ?? null;
  }, [scenarios, plan, picked]);

  const trust = useMemo(() => (history && history.days.length > 0 ? backtest(history, scenario) : null), [history, scenario]);
  const outcome = useMemo((): Outcome | null => {
    if (!history || !scenario || !start) return null;
    try {
      return { ok: true, value: review(history, scenario, start) };
    } catch (e) {
      if (isAdplanError(e)) return { ok: false, error: e.text };
      throw e;
    }
  }, [history, scenario, start]);

  if (!history || history.days.length === 0) return null;
  const r = outcome?.ok ? outcome.value : null;
  const signed = (x: number) => `${x >= 0 ? '+' : '−'}${money(Math.abs(x))}`;
  return (
    <Section title={pick(text('Review (复盘)', '复盘'))}>
      {trust ? <p className={styles.small}>{pick(trust.verdict)}</p> : null}
      <Field label={pick(text('Plan start date', '计划开始日'))} hint={pick(text('The plan made with the history before this day is compared with the days from it on.', '用此日之前的历史制定的计划，与此日起的实际天数对比。'))}>
        <Input type="date" value={start} onChange={(_e, d) => setPicked(d.value)} />
      </Field>
      {plan && !picked ? (
        <p className={styles.small}>{pick(text(`Reviewing the plan written on sheet “${plan.sheet}” (scenario ${plan.scenario}).`, `复盘工作表“${plan.sheet}”中的计划（方案 ${plan.scenario}）。`))}</p>
      ) : null}
      {!start ? <p className={styles.small}>{pick(text('Pick the day a plan started to compare it with what happened.', '选择计划开始的日期，与实际情况对比。'))}</p> : null}
      {outcome && !outcome.ok ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{pick(outcome.error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {r ? (
        <>
          <MessageBar intent={r.verdict.status === 'on-track' ? 'success' : 'warning'} layout="multiline">
            <MessageBarBody>{pick(r.verdict.message)}</MessageBarBody>
          </MessageBar>
          <div className={styles.scroll}>
            <Table size="extra-small" aria-label={pick(text('Plan vs actual by week', '计划与实际，按周'))}>
              <TableHeader>
                <TableRow>
                  {[text('Week of', '周起'), text('Plan GMV', '计划成交'), text('Actual', '实际'), GAP_LABELS.spend, GAP_LABELS.response, GAP_LABELS.organic].map((h) => (
                    <TableHeaderCell key={h['en-US']}>{pick(h)}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...r.weeks, { ...r.total, start: pick(text('Total', '合计')) }].map((w) => (
                  <TableRow key={w.start}>
                    <TableCell>{w.start}</TableCell>
                    <TableCell className={styles.number}>{money(w.plannedGmv)}</TableCell>
                    <TableCell className={styles.number}>{money(w.actualGmv)}</TableCell>
                    <TableCell className={styles.number}>{signed(w.gapSpend)}</TableCell>
                    <TableCell className={styles.number}>{signed(w.gapResponse)}</TableCell>
                    <TableCell className={styles.number}>{signed(w.gapOrganic)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Suspense fallback={<Spinner size="small" />}>
            <ReviewChart days={r.days} />
          </Suspense>
          {r.changes.length > 0 ? <p className={styles.small}>{pick(text('Refitted on the whole history — what changed:', '用全部历史重新拟合——变化：'))}</p> : null}
          <ul className={styles.list}>
            {r.changes.map((c) => (
              <li key={c.key}>
                {pick(c.label)}{lang === 'zh-CN' ? '：' : ': '}{(c.key === 'break_even_roi' ? ratio : money)(c.before)} → {(c.key === 'break_even_roi' ? ratio : money)(c.after)}
                {c.change === null ? '' : ` (${c.change >= 0 ? '+' : ''}${percent(c.change)})`}
              </li>
            ))}
          </ul>
          {r.notes.map((n) => (
            <p key={n['en-US']} className={styles.small}>
              {pick(n)}
            </p>
          ))}
        </>
      ) : null}
    </Section>
  );
}
