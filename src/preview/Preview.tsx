/**
 * The browser preview: the same workbench as the Excel task pane (App), over an in-memory
 * workbook opened from a file, beside a read-only view of its sheets. Opening a file replaces
 * the workbook (a new gateway, so the workbench starts afresh); a broken file leaves the
 * current one in place and says why.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text as FluentText,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import type { Lang, Text } from '../i18n/text';
import { isAdplanError } from '../model/core';
import { App } from '../taskpane/App';
import { type MemoryGateway } from '../taskpane/gateway/memory';
import { SheetView } from './SheetView';
import { PREVIEW_TEXT } from './text';
import type { OpenedSource, PreparedDownload } from './workbook-save';

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
  main: { display: 'flex', flex: 1, minHeight: 0, '@media (max-width: 700px)': { flexDirection: 'column', overflowY: 'auto' } },
  pane: {
    width: '340px',
    flexShrink: 0,
    overflowY: 'auto',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    // A phone-width window is the task pane's own width: the pane takes it all, the sheets follow.
    '@media (max-width: 700px)': { width: '100%', overflowY: 'visible', borderRight: 'none' },
  },
  sheets: { flex: 1, minWidth: 0, '@media (max-width: 700px)': { minHeight: '400px' } },
});

export interface OpenedWorkbook {
  gateway: MemoryGateway;
  /** The opened file, so the download can keep everything the workbench did not touch. */
  source: OpenedSource | null;
  fileName: string;
  /** Changes on every open, so the workbench remounts on the new workbook. */
  id: number;
}

export interface PreviewProps {
  lang: Lang;
  /** The pane's theme: light, or Office's dark one (preview.html?theme=dark). */
  paneTheme?: Theme;
  initial: OpenedWorkbook | null;
  initialError?: Text | null;
  /** Reads a file into a workbook (lazy: ExcelJS loads on first use). */
  open: (bytes: Uint8Array, fileName: string) => Promise<{ gateway: MemoryGateway; source: OpenedSource }>;
  save: (gateway: MemoryGateway, source: OpenedSource | null) => Promise<PreparedDownload>;
}

function deliver(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fileName.replace(/\.[^.]+$/u, '')}-adplan.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function errorText(e: unknown): Text {
  if (isAdplanError(e)) return e.text;
  const m = e instanceof Error ? e.message : String(e);
  return { 'en-US': m, 'zh-CN': m };
}

export function Preview({ lang: startLang, paneTheme = webLightTheme, initial, initialError = null, open, save }: PreviewProps) {
  const styles = useStyles();
  // Switching language re-renders in place: the opened workbook, edits and written plans stay.
  const [lang, setLang] = useState<Lang>(startLang);
  const [pending, setPending] = useState<PreparedDownload | null>(null);
  const [book, setBook] = useState<OpenedWorkbook | null>(initial);
  const [error, setError] = useState<{ title: Text; body: Text } | null>(initialError ? { title: PREVIEW_TEXT.openFailed, body: initialError } : null);
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
        const { gateway, source } = await open(new Uint8Array(await file.arrayBuffer()), file.name);
        setBook((b) => ({ gateway, source, fileName: file.name, id: (b?.id ?? 0) + 1 }));
        setPending(null);
        setError(null);
      } catch (err) {
        setError({ title: PREVIEW_TEXT.openFailed, body: errorText(err) });
      } finally {
        setBusy(false);
      }
    },
    [open],
  );

  const onDownload = useCallback(async () => {
    if (!book) return;
    setBusy(true);
    try {
      const prepared = await save(book.gateway, book.source);
      // Anything the file cannot keep is said before the download, and the user decides.
      if (prepared.losses.length > 0) setPending(prepared);
      else deliver(prepared.bytes, book.fileName);
      setError(null);
    } catch (err) {
      setError({ title: PREVIEW_TEXT.actionFailed, body: errorText(err) });
    } finally {
      setBusy(false);
    }
  }, [book, save]);

  const switchLanguage = useCallback(() => {
    const next: Lang = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
    setLang(next);
    document.documentElement.lang = next;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
  }, [lang]);

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
        <Button appearance="subtle" onClick={switchLanguage} lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}>
          {t(PREVIEW_TEXT.language)}
        </Button>
      </header>
      {busy ? <Spinner size="small" label={t(PREVIEW_TEXT.loading)} /> : null}
      {error ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t(error.title)}</MessageBarTitle>
            {t(error.body)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {pending && book ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t(PREVIEW_TEXT.lossTitle)}</MessageBarTitle>
            <ul>
              {pending.losses.map((l, i) => (
                <li key={i}>{t(l)}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                deliver(pending.bytes, book.fileName);
                setPending(null);
              }}
            >
              {t(PREVIEW_TEXT.downloadAnyway)}
            </Button>
            <Button appearance="subtle" onClick={() => setPending(null)}>
              {t(PREVIEW_TEXT.cancel)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <main className={styles.main}>
        <div className={styles.pane}>{book ? <App key={book.id} gateway={book.gateway} lang={lang} theme={paneTheme} /> : null}</div>
        <div className={styles.sheets}>{book ? <SheetView key={book.id} gateway={book.gateway} lang={lang} /> : null}</div>
      </main>
    </div>
  );
}
