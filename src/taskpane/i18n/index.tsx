/**
 * Language choice, the dictionary lookup and number formats, shared by every component. The
 * dictionaries are not imported here: the task pane loads only the language it shows
 * (loadDictionary, one chunk each), the preview, builders and tests register both (./dictionaries).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { toLang, type Lang, type Text } from '../../i18n/text';
import type { MessageKey, Messages } from './en-US';

export type { MessageKey, Messages };

const loaded: Partial<Record<Lang, Messages>> = {};

/** Makes a language's words available to makeI18n. */
export function registerDictionary(lang: Lang, messages: Messages): void {
  loaded[lang] = messages;
}

/** Fetches one language's words (its own chunk) unless they are already here. */
export async function loadDictionary(lang: Lang): Promise<void> {
  if (loaded[lang]) return;
  loaded[lang] =
    lang === 'zh-CN'
      ? (await import(/* webpackChunkName: "i18n-zh-CN" */ './zh-CN')).zhCN
      : (await import(/* webpackChunkName: "i18n-en-US" */ './en-US')).enUS;
}

function dictionary(lang: Lang): Messages {
  const dict = loaded[lang];
  if (!dict) throw new Error(`AdPlan: the ${lang} words are not loaded (await loadDictionary('${lang}') first)`);
  return dict;
}

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
  /** Money for narrow places: ¥8,432 · ¥120.3万 · ¥1.2亿 (en: ¥8,432 · ¥1.2M). */
  compactMoney(n: number): string;
  /** An ISO date as a merchant reads it: 6月1日 / Jun 1. */
  shortDate(iso: string): string;
}

/** ¥ and a compact number; below ten thousand the exact yuan (no "8.4K" for small sums). */
export function compactMoney(lang: Lang, n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (abs < 10000) return `${sign}¥${new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(abs)}`;
  if (lang === 'zh-CN') {
    const [v, unit] = abs >= 1e8 ? [abs / 1e8, '亿'] : [abs / 1e4, '万'];
    return `${sign}¥${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: v >= 1000 ? 0 : 1 }).format(v)}${unit}`;
  }
  return `${sign}¥${new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(abs)}`;
}

/** A compact axis number without the currency sign (万/亿 in Chinese, K/M in English). */
export function compactAxis(lang: Lang, n: number): string {
  return compactMoney(lang, n).replace('¥', '');
}

export function makeI18n(lang: Lang): I18n {
  const dict = dictionary(lang);
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
    compactMoney: (n) => compactMoney(lang, n),
    shortDate: (iso) =>
      new Intl.DateTimeFormat(lang, { month: lang === 'zh-CN' ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)),
  };
}

const PRESETS = ['Base', 'Conservative', 'Aggressive', 'Event push'] as const;

/** A built-in preset's name in the pane's language (基准/稳健/进取/大促冲刺); any other name as it is. */
export function presetName(i18n: I18n, name: string): string {
  return (PRESETS as readonly string[]).includes(name) ? i18n.t(`preset.${name as (typeof PRESETS)[number]}`) : name;
}

// No provider (a component rendered alone): English, made on first use — the words may load later than this module.
const I18nContext = createContext<I18n | null>(null);
let fallback: I18n | null = null;

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext) ?? (fallback ??= makeI18n('en-US'));
}
