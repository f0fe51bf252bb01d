/**
 * readAssumptions: the assumptions table (docs/data.md "Assumptions table", docs/model.md).
 * key | [label | unit | notes …] | scenario columns. Keys may be canonical, the zh-CN label or
 * the en label. Values are validated against the ASSUMPTIONS registry; nothing is defaulted here
 * (the engine applies `whenMissing`).
 */
import { issueAdder } from '../table';
import { text, type Text } from '../../i18n/text';
import { ASSUMPTIONS, ASSUMPTION_KEYS, type AssumptionKey, type AssumptionSpec, type Scenario } from '../../model/settings';
import { assumptionProblem } from '../../model/settings';
import { Locator } from '../formats';
import { isMissing, parseNumber } from '../cells';
import { expectedNumber } from '../cells';
import { cellText, headerKey } from '../cells';
import type { AssumptionsReadResult, Cell, DataIssue, RangeOrigin } from '../table';

const KEY_LOOKUP: ReadonlyMap<string, AssumptionKey> = (() => {
  const m = new Map<string, AssumptionKey>();
  for (const k of ASSUMPTION_KEYS) {
    const s = ASSUMPTIONS[k];
    for (const name of [k, s.zh, s.en]) {
      const hk = headerKey(name);
      if (!m.has(hk)) m.set(hk, k);
    }
  }
  return m;
})();

/** Resolve a key cell: canonical key, zh-CN label or en label, any width or script. */
export function resolveAssumptionKey(raw: string): AssumptionKey | undefined {
  return KEY_LOOKUP.get(headerKey(raw));
}

/** Header cells of the non-scenario columns the task pane (and people) put beside the key. */
/** Header cells of descriptive columns (key, labels, unit, notes): never scenario columns. */
const EXTRA_COLUMN = /^(key|键|参数|项目|假设|名称|中文名|中文|label|标签|单位|unit|units|说明|备注|注释|notes?|comments?|description|描述|english|英文名)$/u;

export function isDescriptiveHeader(h: Cell): boolean {
  return typeof h === 'string' && EXTRA_COLUMN.test(headerKey(h));
}

export function levenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[n] as number;
}

const SUGGEST_MAX_CHARS = 64;

/** The closest key to a typo, when it is close enough to be a plausible intent. */
export function suggestKey(raw: string): AssumptionKey | undefined {
  const k = headerKey(raw);
  // Bounded: a key far longer than any known one is no typo (and the distance is quadratic).
  if (k.length > SUGGEST_MAX_CHARS) return undefined;
  const allowed = Math.max(2, Math.floor(k.length / 3));
  let best: AssumptionKey | undefined;
  let bestD = Infinity;
  for (const [name, key] of KEY_LOOKUP) {
    if (Math.abs(name.length - k.length) > allowed) continue;
    const d = levenshtein(k, name);
    if (d < bestD) {
      bestD = d;
      best = key;
    }
  }
  return bestD <= Math.max(2, Math.floor(k.length / 3)) ? best : undefined;
}

/** A choice cell: its name (any case), its zh-CN label, or its index; blank is null. */
function parseChoice(s: AssumptionSpec, raw: Cell): { ok: true; value: number | null } | { ok: false; reason: 'choice' } {
  if (isMissing(raw)) return { ok: true, value: null };
  const v = cellText(raw).trim().toLowerCase();
  const i = (s.choices ?? []).findIndex((c, k) => c.name === v || c.zh === v || String(k) === v);
  return i >= 0 ? { ok: true, value: i } : { ok: false, reason: 'choice' };
}

function unitHint(s: AssumptionSpec): Text {
  switch (s.unit) {
    case 'rate':
    case 'rate_per_day':
      return text('a fraction or a percentage (0.05 or 5%)', '小数或百分比（0.05 或 5%）');
    case 'days':
      return text('a whole number of days', '整数天数');
    case 'money':
      return text('an amount of money', '金额');
    case 'orders':
      return text('a number of orders', '订单数');
    default:
      return text('a number', '数字');
  }
}

/** Validate one value against its key (the model's one check); returns the problem or null. */
export function checkAssumptionValue(s: AssumptionSpec, v: number, typedAsPercent = false): Text | null {
  return assumptionProblem(s.key, v, typedAsPercent);
}

type ColumnRole = { kind: 'extra' } | { kind: 'scenario'; name: string };

export function readAssumptions(cells: Cell[][], origin?: RangeOrigin): AssumptionsReadResult {
  const loc = new Locator(origin);
  const issues: DataIssue[] = [];
  const add = issueAdder(cells, origin, issues);

  // Header: above the first recognised key (title and section rows may sit around it): the first
  // row naming a known extra column (中文名, 单位, notes…), else the fullest row; with no row above
  // the first key, there is no header.
  const firstKeyRow = cells.findIndex((r) => typeof r?.[0] === 'string' && resolveAssumptionKey(r[0]) !== undefined);
  const filled = (r: readonly Cell[] | undefined): number => (r ?? []).filter((c) => !isMissing(c)).length;
  let h: number;
  if (firstKeyRow === 0) h = -1;
  else {
    const above = firstKeyRow > 0 ? cells.slice(0, firstKeyRow) : cells.slice(0, 1);
    const named = above.findIndex((r) => (r ?? []).some((c) => typeof c === 'string' && EXTRA_COLUMN.test(headerKey(c))));
    h = named;
    if (named < 0) {
      let best = -1;
      above.forEach((r, i) => {
        if (filled(r) > (best < 0 ? 0 : filled(above[best]))) best = i;
      });
      h = best;
    }
    if (h < 0) {
      add('error', text('the assumptions table is empty', '假设表为空'));
      return { scenarios: [], issues };
    }
  }
  const header = h >= 0 ? (cells[h] ?? []) : [];
  // A loop, not Math.max(...rows): a stray cell at A200000 must not overflow the stack.
  let width = 0;
  for (const r of cells) width = Math.max(width, (r ?? []).length);
  const keyHeader = isMissing(header[0]) ? 'key' : cellText(header[0]).trim();

  const roles: (ColumnRole | null)[] = [null];
  for (let j = 1; j < width; j++) {
    const hv = header[j];
    const hasValues = cells.some((r, i) => i > h && !isMissing(r?.[j]));
    if (isMissing(hv)) {
      if (!hasValues) {
        roles.push(null);
        continue;
      }
      roles.push({ kind: 'scenario', name: `Scenario ${roles.filter((r) => r?.kind === 'scenario').length + 1}` });
      continue;
    }
    const name = cellText(hv).trim();
    roles.push(EXTRA_COLUMN.test(headerKey(name)) ? { kind: 'extra' } : { kind: 'scenario', name });
  }
  const scenarioCols = roles.flatMap((r, j) => (r?.kind === 'scenario' ? [{ j, name: r.name }] : []));
  if (scenarioCols.length === 0) {
    add(
      'error',
      text(
        'no scenario column: put values in a column headed e.g. "Base" to the right of the keys',
        '没有方案列：请在键的右侧放一列数值，表头如“基准”',
      ),
      h >= 0 ? h : undefined,
    );
    return { scenarios: [], issues };
  }
  const names = new Map<string, number>();
  for (const c of scenarioCols) {
    const k = c.name.toLowerCase();
    const prev = names.get(k);
    if (prev !== undefined) {
      add(
        'error',
        text(`two scenario columns are named "${c.name}": rename one`, `有两个方案列都叫“${c.name}”：请重命名其中一个`),
        h >= 0 ? h : undefined,
        c.j,
        c.name,
      );
    } else names.set(k, c.j);
  }

  const values = scenarioCols.map(() => ({}) as Partial<Record<AssumptionKey, number>>);
  const seenKeys = new Map<AssumptionKey, number>();
  for (let i = h + 1; i < cells.length; i++) {
    const row = cells[i] ?? [];
    const keyCell = row[0];
    const hasAnyValue = scenarioCols.some((c) => !isMissing(row[c.j]));
    if (isMissing(keyCell)) {
      if (hasAnyValue) {
        add('warning', text('values without a key in column A: ignored', '有数值但没有键：已忽略'), i, 0);
      }
      continue;
    }
    const rawKey = cellText(keyCell).trim();
    const key = resolveAssumptionKey(rawKey);
    if (!key) {
      const sug = suggestKey(rawKey);
      const hint = sug
        ? text(` — did you mean ${sug} (${ASSUMPTIONS[sug].zh})?`, `——是否想写 ${sug}（${ASSUMPTIONS[sug].zh}）？`)
        : text(
            ` — write a known key in column A, e.g. ${exampleKeys(', ', ' (', ')')}`,
            `——请在 A 列填写已知的键，例如 ${exampleKeys('、', '（', '）')}`,
          );
      if (!hasAnyValue) {
        add('warning', text(`"${rawKey}" is not an assumption key and has no values: ignored${hint['en-US']}`, `“${rawKey}”不是假设键且没有数值：已忽略${hint['zh-CN']}`), i, 0, keyHeader);
      } else {
        add('error', text(`unknown assumption key "${rawKey}"${hint['en-US']}`, `未知的假设键“${rawKey}”${hint['zh-CN']}`), i, 0, keyHeader);
      }
      continue;
    }
    const dup = seenKeys.get(key);
    if (dup !== undefined) {
      add('error', text(`${key} is given twice (also row ${loc.row(dup)}): row ignored`, `${ASSUMPTIONS[key].zh}重复出现（另见第 ${loc.row(dup)} 行）：该行已忽略`), i, 0, keyHeader);
      continue;
    }
    seenKeys.set(key, i);
    const spec = ASSUMPTIONS[key];
    const kind = spec.unit === 'rate' || spec.unit === 'rate_per_day' ? 'rate' : 'money';
    scenarioCols.forEach((c, s) => {
      const choice = spec.choices ? parseChoice(spec, row[c.j]) : null;
      if (choice && !choice.ok) {
        const names = (spec.choices ?? []).map((x) => x.name).join(' | ');
        const zh = (spec.choices ?? []).map((x) => `${x.zh}(${x.name})`).join('、');
        add('error', text(`${key} must be one of ${names}, found "${cellText(row[c.j])}"`, `${spec.zh}应为 ${zh} 之一，此处为“${cellText(row[c.j])}”`), i, c.j, c.name);
        return;
      }
      const p = choice ?? parseNumber(row[c.j], kind);
      if (!p.ok) {
        const msg = expectedNumber(p.reason, key, spec.zh);
        const hint = unitHint(spec);
        add('error', text(`${msg['en-US']}; ${key} is ${hint['en-US']}`, `${msg['zh-CN']}；${spec.zh}应为${hint['zh-CN']}`), i, c.j, c.name);
        return;
      }
      if (p.value === null) return;
      const bad = checkAssumptionValue(spec, p.value);
      if (bad) {
        add('error', bad, i, c.j, c.name);
        return;
      }
      (values[s] as Partial<Record<AssumptionKey, number>>)[key] = p.value;
    });
    // Blank ⇒ the first scenario column's value; an invalid cell does not inherit silently.
    const base = values[0] as Partial<Record<AssumptionKey, number>>;
    scenarioCols.forEach((c, s) => {
      if (s === 0 || !isMissing(row[c.j])) return;
      const v = base[key];
      if (v !== undefined) (values[s] as Partial<Record<AssumptionKey, number>>)[key] = v;
    });
  }
  const scenarios: Scenario[] = scenarioCols.map((c, s) => ({ name: c.name, values: values[s] ?? {} }));
  const defaulted = defaultsNote(values[0] ?? {});
  if (defaulted) add('info', defaulted);
  return { scenarios, issues };
}

/**
 * One note listing the keys the table leaves to their documented defaults (the engine applies
 * them; saying so keeps every number traceable). Keys derived from history or unlimited are
 * not defaults and are not listed.
 */
function defaultsNote(first: Partial<Record<AssumptionKey, number>>): Text | null {
  // Readiness benchmarks never move a plan number: each readiness check names its own source instead.
  const keys = ASSUMPTION_KEYS.filter((k) => ASSUMPTIONS[k].whenMissing === 'default' && !ASSUMPTIONS[k].benchmark && first[k] === undefined);
  if (keys.length === 0) return null;
  const list = (lang: 'en' | 'zh'): string =>
    keys.map((k) => `${lang === 'en' ? k : ASSUMPTIONS[k].zh} ${defaultShown(k, lang)}`).join(lang === 'en' ? ', ' : '、');
  return text(`defaults used for keys not in the table: ${list('en')}`, `表中未填写、按默认值计算的假设：${list('zh')}`);
}

/** A default as the table would say it: a choice by its name (zh label in zh), else the number. */
function defaultShown(k: AssumptionKey, lang: 'en' | 'zh'): string {
  const d = ASSUMPTIONS[k].default;
  const c = d === null ? undefined : ASSUMPTIONS[k].choices?.[d];
  return c ? (lang === 'en' ? c.name : c.zh) : String(d);
}

/** How many cells of column A are assumption keys: picks the assumptions sheet of a workbook. */
export function assumptionsScore(cells: readonly (readonly Cell[])[]): number {
  return cells.filter((r) => typeof r?.[0] === 'string' && resolveAssumptionKey(r[0]) !== undefined).length;
}

/** A few known keys with their Chinese names, for the "unknown key" hint (what to write instead). */
function exampleKeys(sep: string, open: string, close: string): string {
  return ASSUMPTION_KEYS.slice(0, 4)
    .map((k) => `${k}${open}${ASSUMPTIONS[k].zh}${close}`)
    .join(sep);
}
