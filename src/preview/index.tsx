/**
 * Preview entry (dist/preview.html): no Office.js. Opens the bundled sample merchant, then any
 * .xlsx/.csv the user picks. The file code (ExcelJS, iconv-lite) loads lazily on first use.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { text } from '../i18n/text';
import { isAdplanError } from '../model/core';
import { MemoryGateway } from '../taskpane/gateway/memory';
import { detectLang } from '../taskpane/i18n';
// The preview switches language in place: both languages' words, up front (the pane loads one).
import '../taskpane/i18n/dictionaries';
import { darkTheme } from '../taskpane/theme';
import { Preview, type OpenedWorkbook } from './Preview';
import type { OpenedSource, PreparedDownload } from './workbook-save';

const SAMPLE_URL = 'assets/sample/merchant-sample.xlsx';
const SAMPLE_NAME = 'merchant-sample.xlsx';

async function open(bytes: Uint8Array, fileName: string): Promise<{ gateway: MemoryGateway; source: OpenedSource }> {
  const io = await import(/* webpackChunkName: "workbook-io" */ './workbook-io');
  const init = await io.openWorkbook(bytes, fileName);
  return { gateway: new MemoryGateway(init), source: { bytes, fileName, init } };
}

async function save(gateway: MemoryGateway, source: OpenedSource | null): Promise<PreparedDownload> {
  const io = await import(/* webpackChunkName: "workbook-save" */ './workbook-save');
  return io.prepareDownload(gateway, source);
}

async function loadSample(): Promise<OpenedWorkbook> {
  const res = await fetch(SAMPLE_URL);
  if (!res.ok) throw new Error(`${SAMPLE_URL}: HTTP ${res.status}`);
  const opened = await open(new Uint8Array(await res.arrayBuffer()), SAMPLE_NAME);
  return { ...opened, fileName: SAMPLE_NAME, id: 1 };
}

async function start(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) throw new Error('AdPlan preview: #root is missing');
  const lang = detectLang(null, window.location.search, navigator.language);
  // ?theme=dark: the pane as Office's dark theme shows it (the task pane picks it from Office's body colour).
  const paneTheme = new URLSearchParams(window.location.search).get('theme') === 'dark' ? await darkTheme() : webLightTheme;
  document.documentElement.lang = lang;
  let initial: OpenedWorkbook | null = null;
  let initialError = null;
  try {
    initial = await loadSample();
  } catch (e) {
    initialError = isAdplanError(e)
      ? e.text
      : text(`The sample workbook could not be loaded (${String(e)}); open a workbook instead.`, `无法加载样本工作簿（${String(e)}）；请打开一个工作簿。`);
  }
  createRoot(el).render(
    <FluentProvider theme={webLightTheme} lang={lang}>
      <Preview lang={lang} paneTheme={paneTheme} initial={initial} initialError={initialError} open={open} save={save} />
    </FluentProvider>,
  );
}

start().catch((e: unknown) => {
  console.error('AdPlan preview could not start', e);
});
