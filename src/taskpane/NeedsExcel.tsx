/**
 * The page taskpane.html shows outside Excel (a plain browser): where to go instead, in the
 * display language. The static HTML says lang="zh-CN", so the document's language and title follow
 * the chosen language too (screen readers, fonts, the tab's title).
 */
import { FluentProvider, Link, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import type { Lang } from '../i18n/text';
import { makeI18n } from './i18n';

export function NeedsExcel({ lang }: { lang: Lang }) {
  const { t } = makeI18n(lang);
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          {t('app.noHost')} <Link href={`preview.html?lang=${lang}`}>{t('app.noHost.preview')}</Link>
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

/** The document itself speaks the chosen language (taskpane.html ships lang="zh-CN"). */
export function setDocumentLanguage(doc: Document, lang: Lang): void {
  doc.documentElement.lang = lang;
  doc.title = makeI18n(lang).t('app.title');
}
