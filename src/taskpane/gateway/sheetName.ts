/** Excel's sheet-name rules: ≤ 31 characters, none of []:*?/\, unique ignoring case. */
const MAX = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim();
  return (cleaned || 'Sheet').slice(0, MAX);
}

/** "Plan – Base", then "Plan – Base (2)", "(3)"… — the first name not already taken. */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
