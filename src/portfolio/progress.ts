/** A one-line progress bar for stderr on a terminal, redrawn at most every `intervalMs`. */
import { pick, text, type Lang } from '../i18n/text';

export function progressLine(done: number, total: number, elapsedMs: number, lang: Lang, width = 30): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const full = Math.round(share * width);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const unit = pick(text('merchants', '个商家'), lang);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${done}/${total} ${unit} ${rate.toFixed(1)}/s`;
}

export interface Progress {
  update(done: number, total: number): void;
  end(): void;
}

export function terminalProgress(write: (s: string) => void, lang: Lang, now: () => number = Date.now, intervalMs = 100): Progress {
  const started = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - last < intervalMs) return;
      last = t;
      drawn = true;
      write(`\r${progressLine(done, total, t - started, lang)}`);
    },
    end() {
      if (drawn) write('\n');
    },
  };
}
