import { toLang, type Lang } from '../i18n/text';

/** --lang wins; then LC_ALL, LC_MESSAGES, LANG (POSIX order; zh* → zh-CN); else en-US. */
export function detectLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag) return toLang(flag);
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (v && v !== 'C' && v !== 'POSIX') return toLang(v);
  }
  return 'en-US';
}

/** The --lang value from raw argv, for messages printed before a command parses its options. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

export function isLang(v: string): v is Lang {
  return v === 'en-US' || v === 'zh-CN';
}
