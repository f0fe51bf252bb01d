/**
 * The function reference shows real results: every "example" block of docs/functions*.md must
 * equal what the functions compute on the demo workbook. After a deliberate change, refresh with
 * `ADPLAN_UPDATE_DOCS=1 npx jest test/functions/docs`.
 */
import './fake-runtime';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoRanges, refreshExamples } from '../../tools/docs/function-examples';
import { FORMULA_EXAMPLES } from '../../src/sample/formula-examples';
import type { Lang } from '../../src/i18n/text';

const DOCS: [string, Lang][] = [
  ['functions.md', 'en-US'],
  ['functions.zh-CN.md', 'zh-CN'],
];
const ids = ['BREAKEVENROI', 'UNITMARGIN', 'BASELINE', 'READINESS', 'FITCURVE', 'RESPONSE', 'MROI', 'OPTIMALSPEND', 'PLAN', 'KPI', 'SIMULATE', 'SENSITIVITY', 'CASHFLOW'];

describe('docs/functions*.md', () => {
  const ranges = demoRanges();

  it.each(DOCS)('%s documents all 13 functions with up-to-date examples', (file, lang) => {
    const path = join(__dirname, '..', '..', 'docs', file);
    const doc = readFileSync(path, 'utf8');
    for (const id of ids) {
      expect(doc).toContain(`## ${id}`);
      expect(doc).toContain(`<!-- example:${id} -->`);
    }
    const fresh = refreshExamples(doc, lang, ranges);
    if (process.env.ADPLAN_UPDATE_DOCS === '1') writeFileSync(path, fresh);
    else expect(doc).toBe(fresh);
  });

  it('every function has an example in the demo workbook', () => {
    expect(new Set(FORMULA_EXAMPLES.map((e) => e.id))).toEqual(new Set(ids));
  });
});
