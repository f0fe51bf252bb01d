/**
 * Task-pane entry: waits for Office, picks language and theme, and mounts the workbench over
 * Excel. Outside Excel (a plain browser) it says where to go instead of failing silently.
 */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ExcelGateway } from './gateway/excel';
import { detectLang, makeI18n } from './i18n';
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
  const root = createRoot(mount());
  if (typeof Office !== 'undefined' && info.host === Office.HostType.Excel && typeof Excel !== 'undefined') {
    const theme = themeFor(Office.context.officeTheme?.bodyBackgroundColor);
    root.render(<App gateway={new ExcelGateway(Excel)} lang={lang} theme={theme} />);
    return;
  }
  root.render(
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{makeI18n(lang).t('app.noHost')}</MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

start().catch((e: unknown) => {
  console.error('AdPlan: the task pane could not start', e);
});
