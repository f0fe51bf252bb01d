/** Language choice, the dictionary lookup and number formats, shared by every component. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { toLang, type Lang, type Text } from '../../i18n/text';
import { enUS, type MessageKey, type Messages } from './en-US';
import { zhCN } from './zh-CN';

export type { MessageKey };

export const DICTIONARIES: Readonly<Record<Lang, Messages>> = { 'en-US': enUS, 'zh-CN': zhCN };

export type Vars = Readonly<Record<string, string | number>>;

export function format(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Office's display language, else `?lang=`, else the browser's. */
export function detectLang(officeLanguage: string | null | undefined, search: string, navigatorLanguage: string | undefined): Lang {
  if (officeLanguage) return toLang(officeLanguage);
  const q = new URLSearchParams(search).get('lang');
  if (q) return toLang(q);
  return toLang(navigatorLanguage);
}

export interface I18n {
  lang: Lang;
  t(key: MessageKey, vars?: Vars): string;
  pick(t: Text): string;
  money(n: number): string;
  ratio(n: number): string;
  percent(n: number): string;
  plain(n: number, digits?: number): string;
}

export function makeI18n(lang: Lang): I18n {
  const dict = DICTIONARIES[lang];
  const money = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const ratio = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  return {
    lang,
    t: (key, vars) => format(dict[key], vars),
    pick: (t) => t[lang],
    money: (n) => money.format(n),
    ratio: (n) => ratio.format(n),
    percent: (n) => percent.format(n),
    plain: (n, digits = 4) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n),
  };
}

const PRESETS = ['Base', 'Conservative', 'Aggressive'] as const;

/** A built-in preset's name in the pane's language (基准/稳健/进取); any other name as it is. */
export function presetName(i18n: I18n, name: string): string {
  return (PRESETS as readonly string[]).includes(name) ? i18n.t(`preset.${name as (typeof PRESETS)[number]}`) : name;
}

const I18nContext = createContext<I18n>(makeI18n('en-US'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
