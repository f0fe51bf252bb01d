/**
 * The "Example" blocks of docs/functions*.md, rendered from FORMULA_EXAMPLES evaluated on the
 * demo workbook, so the reference shows real results. test/functions/docs.test.ts fails when the
 * docs drift; `ADPLAN_UPDATE_DOCS=1 npx jest test/functions/docs` rewrites the blocks.
 */
import type { Lang } from '../../src/i18n/text';
import { buildDemoWorkbook } from '../../src/sample/demo-workbook';
import { FORMULA_EXAMPLES, evaluateExample, type DemoRanges, type ExampleResult } from '../../src/sample/formula-examples';

const MAX_ROWS = 6;

function show(v: string | number | boolean | undefined): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  return v === undefined || v === '' ? ' ' : String(v).replace(/\|/gu, '\\|');
}

function table(result: ExampleResult): string {
  if (!Array.isArray(result)) return `→ \`${show(result)}\``;
  const [head, ...rows] = result;
  const lines = [`| ${(head ?? []).map(show).join(' | ')} |`, `|${(head ?? []).map(() => '---').join('|')}|`];
  for (const r of rows.slice(0, MAX_ROWS)) lines.push(`| ${r.map(show).join(' | ')} |`);
  if (rows.length > MAX_ROWS) lines.push(`| … ${rows.length - MAX_ROWS} more rows |${(head ?? []).slice(1).map(() => ' |').join('')}`);
  return lines.join('\n');
}

export function renderExampleBlock(id: string, lang: Lang, ranges: DemoRanges): string {
  const examples = FORMULA_EXAMPLES.filter((e) => e.id === id);
  return examples
    .map((e) => {
      const result = evaluateExample(e, ranges, lang);
      return `\`\`\`\n${e.formula(ranges)}\n\`\`\`\n${table(result)}`;
    })
    .join('\n\n');
}

export function demoRanges(): DemoRanges {
  return buildDemoWorkbook(1).ranges;
}

const BLOCK = /<!-- example:([A-Z]+) -->[\s\S]*?<!-- \/example -->/gu;

/** The doc with every example block re-rendered. */
export function refreshExamples(doc: string, lang: Lang, ranges: DemoRanges): string {
  return doc.replace(BLOCK, (_m, id: string) => `<!-- example:${id} -->\n${renderExampleBlock(id, lang, ranges)}\n<!-- /example -->`);
}
