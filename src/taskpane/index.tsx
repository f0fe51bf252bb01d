/**
 * Task-pane entry: waits for Office, picks language and theme (loading that language's words and,
 * on a dark Office theme, the dark theme: each its own chunk), and mounts the workbench over
 * Excel. Outside Excel (a plain browser) it says where to go instead of failing silently.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelGateway } from './gateway/excel';
import { detectLang, loadDictionary } from './i18n';
import { NeedsExcel, setDocumentLanguage } from './NeedsExcel';
import { themeFor } from './theme';

function mount(): HTMLElement {
  const el = document.getElementById('root');
  if (!el) throw new Error('AdPlan: #root is missing from taskpane.html');
  return el;
}

async function start(): Promise<void> {
  const info = typeof Office !== 'undefined' ? await Office.onReady() : { host: null };
  const officeLang = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  const lang = detectLang(officeLang, window.location.search, navigator.language);
  const inExcel = typeof Office !== 'undefined' && info.host === Office.HostType.Excel && typeof Excel !== 'undefined';
  const [theme] = await Promise.all([inExcel ? themeFor(Office.context.officeTheme?.bodyBackgroundColor) : null, loadDictionary(lang)]);
  const root = createRoot(mount());
  if (inExcel && theme) {
    root.render(<App gateway={new ExcelGateway(Excel)} lang={lang} theme={theme} />);
    return;
  }
  setDocumentLanguage(document, lang);
  root.render(<NeedsExcel lang={lang} />);
}

start().catch((e: unknown) => {
  console.error('AdPlan: the task pane could not start', e);
  // Its words may be what failed to load (a chunk missing on the host): say so in both languages.
  const el = document.getElementById('root');
  if (el && !el.hasChildNodes()) {
    el.textContent = ['AdPlan 无法启动，请关闭并重新打开此窗格。', 'AdPlan could not start: close this pane and open it again.'].join(' ');
  }
});
