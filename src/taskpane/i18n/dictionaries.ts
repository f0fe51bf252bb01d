/**
 * Both languages' words, registered on import: for the preview (which switches language in
 * place), the demo-workbook builder and the tests. The task pane never imports this module — it
 * loads only the language it shows (loadDictionary), so the other never ships to its users.
 */
import type { Lang } from '../../i18n/text';
import { enUS } from './en-US';
import { registerDictionary, type Messages } from './index';
import { zhCN } from './zh-CN';

export const DICTIONARIES: Readonly<Record<Lang, Messages>> = { 'en-US': enUS, 'zh-CN': zhCN };

for (const [lang, messages] of Object.entries(DICTIONARIES) as [Lang, Messages][]) registerDictionary(lang, messages);
