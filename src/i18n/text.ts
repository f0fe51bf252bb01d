/** The two UI languages AdPlan ships. Function names and JSON keys stay English. */
export type Lang = 'en-US' | 'zh-CN';

export const LANGS: readonly Lang[] = ['en-US', 'zh-CN'];

/** A user-facing sentence in both languages; surfaces pick one with `pick`. */
export type Text = Readonly<Record<Lang, string>>;

export function text(en: string, zh: string): Text {
  return { 'en-US': en, 'zh-CN': zh };
}

export function pick(t: Text, lang: Lang): string {
  return t[lang];
}

/** Maps an Office/browser locale ("zh-cn", "zh-Hans-CN", "zh-TW", "en-GB"…) to a shipped language. */
export function toLang(locale: string | null | undefined): Lang {
  return locale && /^zh/i.test(locale.trim()) ? 'zh-CN' : 'en-US';
}

/** The English noun for a count (1 note, 2 notes); Chinese needs none. */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
