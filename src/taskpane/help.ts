/**
 * Links from the pane to the built help pages (dist/help/*.html, webpack's HelpPagesPlugin), never
 * to repository files. Relative to taskpane.html, so they follow wherever the add-in is hosted
 * (localhost in development, ADPLAN_BASE_URL in production) with no URL to rewrite.
 */
import type { Lang } from '../i18n/text';

export type HelpPage = 'data' | 'functions';

export function helpHref(page: HelpPage, lang: Lang, anchor?: string): string {
  return `help/${page}${lang === 'zh-CN' ? '.zh-CN' : ''}.html${anchor ? `#${anchor}` : ''}`;
}
