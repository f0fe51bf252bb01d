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
const ids = ['BREAKEVENROI', 'UNITMARGIN', 'BASELINE', 'READINESS', 'FITCURVE', 'RESPONSE', 'MROI', 'OPTIMALSPEND', 'PLAN', 'KPI', 'SIMULATE', 'SENSITIVITY', 'CASHFLOW', 'BACKTEST', 'REVIEW'];

describe('docs/functions*.md', () => {
  const ranges = demoRanges();

  it.each(DOCS)('%s documents all 15 functions with up-to-date examples', (file, lang) => {
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

describe('assets/sample/formulas-demo.xlsx', () => {
  it('is up to date: its cached dashboard values are what the functions compute now', async () => {
    const { readFileSync: read } = await import('node:fs');
    const { readXlsxBytes } = await import('../../src/data/formats');
    const { evaluateExample, DEMO_SHEETS } = await import('../../src/sample/formula-examples');
    const sheets = await readXlsxBytes(read(join(__dirname, '..', '..', 'assets', 'sample', 'formulas-demo.xlsx')));
    const dash = sheets.find((s) => s.name === DEMO_SHEETS.dashboard)!.cells;
    const ranges = demoRanges();
    for (const ex of FORMULA_EXAMPLES.filter((e) => e.sheet === 'dashboard' && !e.spill)) {
      const row = Number(ex.at.slice(1)) - 1;
      const expected = evaluateExample(ex, ranges);
      // ExcelJS drops a cached 0; the cell then reads as blank. Rebuild: node dist/node/scripts/make-demo.js
      expect([ex.at, dash[row]?.[1] ?? 0]).toEqual([ex.at, expected]);
    }
  });

  it('its values-only plan copy names each day’s limit in words, not the function’s keys (ramp, cash …)', async () => {
    const { readFileSync: read } = await import('node:fs');
    const { readXlsxBytes, valuesSheetName } = await import('../../src/data/formats');
    const { DEMO_SHEETS } = await import('../../src/sample/formula-examples');
    const { DICTIONARIES } = await import('../../src/taskpane/i18n/dictionaries');
    const sheets = await readXlsxBytes(read(join(__dirname, '..', '..', 'assets', 'sample', 'formulas-demo.xlsx')));
    const copy = sheets.find((s) => s.name === valuesSheetName(DEMO_SHEETS.plan, 'zh-CN'))!.cells.flat();
    const keys = ['target', 'max', 'ramp', 'extrapolation', 'capacity', 'cash'];
    expect(copy.filter((c) => typeof c === 'string' && keys.includes(c))).toEqual([]);
    expect(copy).toContain(DICTIONARIES['zh-CN']['plan.limit.ramp']);
  });
});
