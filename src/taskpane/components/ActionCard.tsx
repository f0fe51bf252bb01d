/**
 * The pane's first answer: what to do with the budget (and the 全域 ROI target), how much money
 * it ties up and when that comes back, and the chance the paid spend loses money — in sentences,
 * with compact numbers, for the first scenario (the base column of the assumptions table).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { budgetMoveText, confidenceOf } from '../../model/plan';
import type { BacktestReport } from '../../model/review';
import type { PlanReport } from '../../model/report';
import { presetName, useI18n } from '../i18n';
import { actionFacts } from '../state/action';
import { Numbers } from './Numbers';
import { TargetTablePanel } from './TargetTablePanel';
import { targetActionText } from '../../model/plan';
import { text } from '../../i18n/text';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: '1.2em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  lead: { fontWeight: tokens.fontWeightSemibold },
  confidence: { margin: 0, fontSize: tokens.fontSizeBase200 },
  /** Numbers never break inside. */
  num: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
});

export function ActionCard({ report, backtest = null }: { report: PlanReport; backtest?: BacktestReport | null }) {
  const i18n = useI18n();
  const { t, pick, compactMoney, ratio, percent, shortDate } = i18n;
  const styles = useStyles();
  const s = report.scenarios[0];
  if (!s) return null;
  const f = actionFacts(report, s);
  // First lines: how far this budget can be acted on, in one statement (src/model).
  const confidence = confidenceOf(report.curve, s, backtest);
  const items: { key: string; text: string; lead?: boolean }[] = [];
  if (!f.ready) {
    items.push({ key: 'ready', text: t('action.notReady'), lead: true });
    if (report.baseline.fixFirst) items.push({ key: 'fix', text: pick(report.baseline.fixFirst) });
    // The plan with the lever at its benchmark, labelled as a what-if (readiness v2).
    if (report.baseline.whatIf) items.push({ key: 'whatif', text: pick(report.baseline.whatIf.label) });
  }
  if (s.targets && s.curveBasis === 'whole-room') {
    // The target table's recommended 净成交 target leads (the engine's sentence, as on every surface).
    items.push({ key: 'room', text: pick(targetActionText(s.targets, text('', ''))), lead: true });
  } else if (f.roomTarget) {
    const vars = { roi: ratio(f.roomTarget.roi), net: f.roomTarget.net !== null ? ratio(f.roomTarget.net) : '', budget: compactMoney(f.roomTarget.budget) };
    items.push({ key: 'room', text: t(f.roomTarget.net !== null ? 'action.roomTarget' : 'action.roomTargetPay', vars), lead: true });
  }
  if (f.ramp && f.move) {
    // A cut or a raise is said from where spend is now (the model's wording, as the CLI says it).
    const move = pick(budgetMoveText(f.move));
    const { step, reachedOn } = f.ramp;
    items.push({
      key: 'ramp',
      text: f.move.kind === 'raise' && step !== null ? t('action.moveRamp', { move, ramp: percent(step), date: shortDate(reachedOn) }) : t('action.move', { move }),
      lead: !f.roomTarget && f.ready,
    });
  } else if (f.ramp) {
    const { start, step, target, reachedOn } = f.ramp;
    items.push({
      key: 'ramp',
      text:
        step !== null && start < target
          ? t('action.ramp', { start: compactMoney(start), ramp: percent(step), target: compactMoney(target), date: shortDate(reachedOn) })
          : t('action.hold', { target: compactMoney(target) }),
      lead: !f.roomTarget && f.ready,
    });
  } else if (f.ready) {
    items.push({ key: 'none', text: t('action.noSpend'), lead: true });
  }
  if (f.roomBreakEven !== null && Number.isFinite(f.roomBreakEven)) items.push({ key: 'be', text: t('action.breakEven', { roi: ratio(f.roomBreakEven) }) });
  if (f.capital) {
    items.push({
      key: 'capital',
      text: f.capital.backOn
        ? t('action.capital', { capital: compactMoney(f.capital.peak), date: shortDate(f.capital.backOn), minCash: compactMoney(f.capital.minCash) })
        : t('action.capitalNever', { capital: compactMoney(f.capital.peak), minCash: compactMoney(f.capital.minCash) }),
    });
  }
  items.push({ key: 'profit', text: t('action.profit', { days: f.days, profit: compactMoney(f.profit) }) });
  if (f.pLoss) items.push({ key: 'ploss', text: t(f.pLoss.paidOnly ? 'action.pLossPaid' : 'action.pLossTotal', { p: percent(f.pLoss.p) }) });
  return (
    <section className={styles.card} aria-labelledby="adplan-action-title" data-testid="action-card">
      <h2 id="adplan-action-title" className={styles.title}>
        {t('action.title', { scenario: presetName(i18n, s.name) })}
      </h2>
      <p className={styles.confidence} data-testid="action-confidence" data-level={confidence.level}>
        <Numbers text={pick(confidence.text)} className={styles.num} />
      </p>
      <ul className={styles.list}>
        {items.map((it) => (
          <li key={it.key} className={it.lead ? styles.lead : undefined}>
            <Numbers text={it.text} className={styles.num} />
          </li>
        ))}
      </ul>
      {s.targets && s.curveBasis === 'whole-room' ? <TargetTablePanel table={s.targets} /> : null}
    </section>
  );
}
