/**
 * A read-only view of the in-memory workbook: sheet tabs and a grid of what each cell shows, as
 * Excel would — formula results (a spill's values in the cells it covers), each under the number
 * format the sheet was written with (¥ and thousands, %, dates from their serial numbers).
 */
import { Tab, TabList, Text as FluentText, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Lang } from '../i18n/text';
import { parseRange } from '../taskpane/gateway/address';
import type { MemoryGateway, MemorySheet } from '../taskpane/gateway/memory';
import { isFormulaCell, type WriteCell } from '../taskpane/gateway/types';
import { columnLetters, displayValue } from '../data/formats';
import { PREVIEW_TEXT } from './text';

const MAX_ROWS = 300;
const MAX_COLS = 30;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, height: '100%' },
  grid: { overflow: 'auto', flex: 1, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontVariantNumeric: 'tabular-nums' },
  head: { position: 'sticky', top: 0, background: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, zIndex: 1 },
  rowHead: { position: 'sticky', left: 0, background: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: 'right' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', whiteSpace: 'nowrap', maxWidth: '16em', overflow: 'hidden', textOverflow: 'ellipsis' },
  formula: { background: tokens.colorPaletteGreenBackground1 },
  number: { textAlign: 'right' },
  note: { padding: tokens.spacingVerticalS },
});

function shown(c: WriteCell | undefined, format: string | undefined): string {
  return displayValue(isFormulaCell(c) ? c.result : c, format);
}

/** Numbers and dates sit right in their cells, as in Excel. */
function isNumeric(c: WriteCell | undefined): boolean {
  const v = isFormulaCell(c) ? c.result : c;
  return typeof v === 'number' || v instanceof Date;
}

/** Number format per cell (`row,column`, 0-based) from the sheet's layout; later ranges win. */
function formatsOf(sheet: MemorySheet | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of sheet?.layout?.formats ?? []) {
    const ref = parseRange(f.range);
    if (!ref) continue;
    const rows = Math.min(ref.rows, MAX_ROWS);
    const cols = Math.min(ref.columns, MAX_COLS);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.set(`${ref.row - 1 + i},${ref.column - 1 + j}`, f.format);
  }
  return out;
}

export function SheetView({ gateway, lang }: { gateway: MemoryGateway; lang: Lang }) {
  const styles = useStyles();
  const [, setVersion] = useState(0);
  const [active, setActive] = useState<string | null>(gateway.active);
  useEffect(() => gateway.onChange((c) => {
    setVersion((v) => v + 1);
    // A sheet the workbench just wrote (Write plan) comes to the front, as in Excel.
    if (!c.address) setActive(c.sheet);
  }), [gateway]);
  const sheet = gateway.sheet(active ?? '') ?? gateway.sheets[0];
  const formats = useMemo(() => formatsOf(sheet), [sheet]);
  const rows = sheet ? sheet.cells.slice(0, MAX_ROWS) : [];
  const width = Math.min(MAX_COLS, rows.reduce((w, r) => Math.max(w, r.length), 0));
  const truncated = sheet ? sheet.cells.length > MAX_ROWS || sheet.cells.some((r) => r.length > MAX_COLS) : false;
  return (
    <section className={styles.root} aria-label={PREVIEW_TEXT.sheets[lang]}>
      <TabList selectedValue={sheet?.name ?? ''} onTabSelect={(_, d) => setActive(String(d.value))} size="small">
        {gateway.sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      {/* Scrolls both ways over cells that take no focus: focusable so the keyboard can scroll it. */}
      <div className={styles.grid} tabIndex={0} role="region" aria-label={sheet?.name ?? PREVIEW_TEXT.sheets[lang]}>
        {width === 0 ? (
          <FluentText className={styles.note}>{PREVIEW_TEXT.empty[lang]}</FluentText>
        ) : (
          <table className={styles.table} aria-label={sheet?.name}>
            <thead>
              <tr>
                <th className={`${styles.cell} ${styles.head} ${styles.rowHead}`} />
                {Array.from({ length: width }, (_, j) => (
                  <th key={j} className={`${styles.cell} ${styles.head}`} scope="col">
                    {columnLetters(j + 1)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <th className={`${styles.cell} ${styles.rowHead}`} scope="row">
                    {i + 1}
                  </th>
                  {Array.from({ length: width }, (_, j) => {
                    const c = r[j];
                    const f = isFormulaCell(c);
                    const fmt = formats.get(`${i},${j}`);
                    return (
                      <td key={j} className={[styles.cell, f ? styles.formula : '', isNumeric(c) ? styles.number : ''].filter(Boolean).join(' ')} title={f ? `=${c.formula.replace(/^=/u, '')}` : undefined}>
                        {shown(c, fmt)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {truncated ? (
        <FluentText size={200} className={styles.note}>
          {PREVIEW_TEXT.truncated[lang].replace('{rows}', String(MAX_ROWS)).replace('{cols}', String(MAX_COLS))}
        </FluentText>
      ) : null}
    </section>
  );
}
