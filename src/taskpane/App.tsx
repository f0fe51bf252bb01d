/** The pane's root: theme, language, and the workbench over whichever workbook gateway it gets. */
import { FluentProvider, type Theme } from '@fluentui/react-components';
import type { Lang } from '../i18n/text';
import { Workbench } from './components/Workbench';
import type { WorkbookGateway } from './gateway/types';
import { I18nProvider } from './i18n';
import { PaneThemeContext } from './theme';

export interface AppProps {
  gateway: WorkbookGateway;
  lang: Lang;
  theme: Theme;
}

export function App({ gateway, lang, theme }: AppProps) {
  return (
    <FluentProvider theme={theme} lang={lang}>
      <PaneThemeContext.Provider value={theme}>
        <I18nProvider lang={lang}>
          <Workbench gateway={gateway} />
        </I18nProvider>
      </PaneThemeContext.Provider>
    </FluentProvider>
  );
}
