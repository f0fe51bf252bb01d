/**
 * The browser preview: the same workbench as the Excel task pane (App), over an in-memory
 * workbook opened from a file, beside a read-only view of its sheets. Opening a file replaces
 * the workbook (a new gateway, so the workbench starts afresh); a broken file leaves the
 * current one in place and says why.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text as FluentText,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import type { Lang, Text } from '../i18n/text';
import { isAdplanError } from '../model/errors';
import { App } from '../taskpane/App';
import { type MemoryGateway } from '../taskpane/gateway/memory';
import { SheetView } from './SheetView';
import { PREVIEW_TEXT } from './text';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', fontFamily: tokens.fontFamilyBase },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flex: 1, minWidth: '12rem' },
  file: { display: 'none' },
  main: { display: 'flex', flex: 1, minHeight: 0 },
  pane: { width: '340px', flexShrink: 0, overflowY: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  sheets: { flex: 1, minWidth: 0 },
});

export interface OpenedWorkbook {
  gateway: MemoryGateway;
  fileName: string;
  /** Changes on every open, so the workbench remounts on the new workbook. */
  id: number;
}

export interface PreviewProps {
  lang: Lang;
  initial: OpenedWorkbook | null;
  initialError?: Text | null;
  /** Reads a file into a workbook (lazy: ExcelJS loads on first use). */
  open: (bytes: Uint8Array, fileName: string) => Promise<MemoryGateway>;
  save: (gateway: MemoryGateway) => Promise<Uint8Array>;
}

function errorText(e: unknown): Text {
  if (isAdplanError(e)) return e.text;
  const m = e instanceof Error ? e.message : String(e);
  return { 'en-US': m, 'zh-CN': m };
}

export function Preview({ lang, initial, initialError = null, open, save }: PreviewProps) {
  const styles = useStyles();
  const [book, setBook] = useState<OpenedWorkbook | null>(initial);
  const [error, setError] = useState<Text | null>(initialError);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const t = (x: Text): string => x[lang];

  const onFile = useCallback(
    async (e: ChangeEvent<HTMLInputElement>) => {
      const file = e.target.files?.[0];
      e.target.value = '';
      if (!file) return;
      setBusy(true);
      try {
        const gateway = await open(new Uint8Array(await file.arrayBuffer()), file.name);
        setBook((b) => ({ gateway, fileName: file.name, id: (b?.id ?? 0) + 1 }));
        setError(null);
      } catch (err) {
        setError(errorText(err));
      } finally {
        setBusy(false);
      }
    },
    [open],
  );

  const onDownload = useCallback(async () => {
    if (!book) return;
    try {
      const bytes = await save(book.gateway);
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${book.fileName.replace(/\.[^.]+$/u, '')}-adplan.xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(errorText(err));
    }
  }, [book, save]);

  const otherLang: Lang = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <div className={styles.grow}>
          <Title3 as="h1">{t(PREVIEW_TEXT.title)}</Title3>
          <FluentText block size={200}>
            {t(PREVIEW_TEXT.subtitle)}
            {book ? ` · ${book.fileName}` : ''}
          </FluentText>
        </div>
        <input ref={input} className={styles.file} type="file" accept=".xlsx,.xlsm,.csv,.txt" aria-label={t(PREVIEW_TEXT.open)} onChange={onFile} />
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy}>
          {t(PREVIEW_TEXT.open)}
        </Button>
        <Button onClick={onDownload} disabled={!book || busy}>
          {t(PREVIEW_TEXT.download)}
        </Button>
        <Button as="a" appearance="subtle" href={`?lang=${otherLang}`}>
          {t(PREVIEW_TEXT.language)}
        </Button>
      </header>
      {busy ? <Spinner size="small" label={t(PREVIEW_TEXT.loading)} /> : null}
      {error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t(PREVIEW_TEXT.openFailed)}</MessageBarTitle>
            {t(error)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <main className={styles.main}>
        <div className={styles.pane}>{book ? <App key={book.id} gateway={book.gateway} lang={lang} theme={webLightTheme} /> : null}</div>
        <div className={styles.sheets}>{book ? <SheetView key={book.id} gateway={book.gateway} lang={lang} /> : null}</div>
      </main>
    </div>
  );
}
