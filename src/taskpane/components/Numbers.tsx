/** Text whose numbers (¥120.3万, 12.5%, 1,234) never break across lines, in a narrow pane. */
import { Fragment } from 'react';

const NUMBER = /-?¥?\d[\d,.]*(?:万|亿|[KMB%])?/gu;

export function Numbers({ text, className }: { text: string; className: string }) {
  const parts: { s: string; num: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ s: text.slice(last, at), num: false });
    parts.push({ s: m[0], num: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ s: text.slice(last), num: false });
  return (
    <>
      {parts.map((p, i) =>
        p.num ? (
          <span key={i} className={className}>
            {p.s}
          </span>
        ) : (
          <Fragment key={i}>{p.s}</Fragment>
        ),
      )}
    </>
  );
}
