/** One column per scenario, one row per outcome, the best value of each row marked. */
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { ScenarioReport } from '../../model/report';
import { presetName, useI18n, type I18n } from '../i18n';
import { useSideScroll } from './useSideScroll';
import { bestIndexes, COMPARISON_ROWS, type ComparisonRow, type RiskRowId } from '../state/comparison';

/**
 * Narrow panes (320–350 px) with four or more scenarios: the table scrolls sideways under a
 * pinned metric column; numbers and scenario names never break inside, so every cell is as wide
 * as its content and nothing runs into its neighbour.
 */
const useStyles = makeStyles({
  frame: { position: 'relative', maxWidth: '100%' },
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    position: 'relative',
    // Focusable so the keyboard can scroll it (arrow keys); the ring shows where the focus is.
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  // A shadow on the right edge while columns are hidden past it (over the cells, never catching clicks).
  moreRight: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      bottom: 0,
      right: 0,
      width: '20px',
      zIndex: 2,
      pointerEvents: 'none',
      backgroundImage: `linear-gradient(to left, ${tokens.colorNeutralShadowAmbient}, transparent)`,
    },
  },
  hint: { margin: `0 0 ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, textAlign: 'center' },
  table: { width: 'auto', minWidth: '100%', tableLayout: 'auto' },
  metric: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: '6.5em',
    maxWidth: '9em',
    boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}`,
    wordBreak: 'keep-all',
    overflowWrap: 'break-word',
  },
  better: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  scenario: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end', textAlign: 'right', whiteSpace: 'nowrap' },
  },
  best: { fontWeight: tokens.fontWeightSemibold },
  badge: { display: 'block', textAlign: 'right' },
});

export function formatValue(i18n: I18n, row: ComparisonRow, v: number | null, horizon = Infinity): string {
  if (v === null || !Number.isFinite(v)) return row.id === 'paybackDay' ? i18n.t('compare.never') : i18n.t('compare.none');
  switch (row.format) {
    case 'money':
      return i18n.compactMoney(v);
    case 'ratio':
      return i18n.ratio(v);
    case 'percent':
      return i18n.percent(v);
    case 'day':
      // A payback past the plan's last day is not a day of the plan.
      return i18n.t(v > horizon ? 'compare.beyond' : 'compare.day', { n: v });
  }
}

export function ComparisonTable({ scenarios }: { scenarios: readonly ScenarioReport[] }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const styles = useStyles();
  const title = t('compare.title');
  const { ref: scrollRef, state: side, onScroll } = useSideScroll<HTMLDivElement>();
  return (
    <>
      {side.overflows ? (
        <p className={styles.hint} data-testid="compare-scroll-hint">
          {t('compare.scrollHint')}
        </p>
      ) : null}
      <div className={mergeClasses(styles.frame, side.right && styles.moreRight)} data-more-right={side.right || undefined}>
        {/* A named, focusable region: keyboard users reach it with Tab and scroll it with the arrow keys. */}
        <div ref={scrollRef} className={styles.scroll} tabIndex={0} role="region" aria-label={t('compare.scroller')} onScroll={onScroll}>
          <Table aria-label={title} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.metric} data-metric>
              {t('compare.metric')}
            </TableHeaderCell>
            {scenarios.map((s) => (
              <TableHeaderCell key={s.name} scope="col" className={styles.scenario}>
                {presetName(i18n, s.name)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {COMPARISON_ROWS.map((row) => {
            const values = scenarios.map((s) => row.value(s));
            const best = new Set(bestIndexes(values, row.better, row.id === 'paybackDay'));
            return (
              <TableRow key={row.id} data-row={row.id}>
                <TableCell className={styles.metric} data-metric>
                  <span>{row.label ? pick(row.label) : t(`compare.row.${row.id as RiskRowId}`)}</span>
                  <span className={styles.better}>{t(row.better === 'higher' ? 'compare.higher' : 'compare.lower')}</span>
                </TableCell>
                {values.map((v, i) => (
                  <TableCell
                    key={scenarios[i]?.name ?? i}
                    className={mergeClasses(styles.number, best.has(i) && styles.best)}
                    data-best={best.has(i) || undefined}
                    // The exact amount behind a compact one (¥27.8万 → 278,077), on hover and for tests.
                    title={row.format === 'money' && v !== null && Number.isFinite(v) ? i18n.money(v) : undefined}
                  >
                    {formatValue(i18n, row, v, row.id === 'paybackDay' ? (scenarios[i]?.days.length ?? Infinity) : Infinity)}
                    {best.has(i) ? (
                      <span className={styles.badge}>
                        <Badge size="small" appearance="tint" color="success">
                          {t('compare.best')}
                        </Badge>
                      </span>
                    ) : null}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
          </Table>
        </div>
      </div>
      {scenarios
        .filter((s) => s.notes.length > 0)
        .map((s) => (
          <div key={s.name}>
            <h3>{t('compare.notes', { scenario: presetName(i18n, s.name) })}</h3>
            <ul>
              {s.notes.map((n, i) => (
                <li key={i}>{pick(n)}</li>
              ))}
            </ul>
          </div>
        ))}
    </>
  );
}
