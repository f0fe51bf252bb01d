/** The back-test as `adplan plan` prints it: one line for people, the documented back-test object for --json (docs/review.md). */
import { pick, type Lang } from '../i18n/text';
import type { BacktestReport } from '../model/review';

export function backtestJson(b: BacktestReport) {
  return {
    mape: b.mape,
    bias: b.bias,
    naiveMape: b.naiveMape,
    grade: b.grade,
    origins: b.origins.map((o) => ({ cutoff: o.cutoff, days: o.days, mape: o.mape, bias: o.bias, naiveMape: o.naiveMape })),
  };
}

export function backtestLine(b: BacktestReport, lang: Lang): string {
  return `${lang === 'zh-CN' ? '回测' : 'Back-test'}${lang === 'zh-CN' ? ':' : ': '}${pick(b.verdict, lang)}`;
}
