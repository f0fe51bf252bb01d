/**
 * Messages speak to the user (issue 14 item 6): no user-facing string points at a repository file
 * (`docs/x.md`) the merchant cannot open from Excel. Comments may cite docs; string literals may not.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/u.test(name) ? [p] : [];
  });
}

/** String literals of a line outside comments: '…', "…", `…`. */
function literals(line: string): string[] {
  const code = line.replace(/^\s*(\*|\/\/|\/\*).*$/u, '').replace(/\s\/\/.*$/u, '');
  return code.match(/'[^']*'|"[^"]*"|`[^`]*`/gu) ?? [];
}

test('no string literal in src names a repository docs file', () => {
  const offenders: string[] = [];
  for (const file of sources(join(__dirname, '../../src'))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (literals(line).some((l) => /docs\/|\.md\b/u.test(l))) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(offenders).toEqual([]);
});
