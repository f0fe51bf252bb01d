/** The pane's pure pieces: addresses, sheet names, best-value marking, i18n, table edits, plan sheet. */
import fc from 'fast-check';
import { readAssumptions } from '../../src/data/assumptions';
import { ASSUMPTIONS, ASSUMPTION_KEYS } from '../../src/model/settings';
import { DEFAULT_PRESETS } from '../../src/model/economics';
import { columnLetters, columnNumber, parseRange, rangeA1 } from '../../src/taskpane/gateway/address';
import { uniqueSheetName } from '../../src/taskpane/gateway/sheetName';
import { detectLang, format } from '../../src/taskpane/i18n';
import { DICTIONARIES } from '../../src/taskpane/i18n/dictionaries';
import {
  checkScenarioName,
  newTableCells,
  parseAssumptionsTable,
  withKeyRow,
  withScenarioAdded,
  withScenarioDeleted,
} from '../../src/taskpane/state/assumptionsTable';
import { bestIndexes } from '../../src/taskpane/state/comparison';
import { applyOverrides } from '../../src/taskpane/state/mapping';
import { formulaString } from '../../src/taskpane/state/planSheet';

describe('A1 addresses', () => {
  it('column letters and numbers are inverse (A=1, Z=26, AA=27, XFD=16384)', () => {
    expect([columnLetters(1), columnLetters(26), columnLetters(27), columnLetters(16384)]).toEqual(['A', 'Z', 'AA', 'XFD']);
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n), { numRuns: 300 });
  });

  it('parses what it writes, with quoted sheet names', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 16384 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 30 }), (row, column, rows, columns) => {
        const r = parseRange(`'Plan – O''Brien'!${rangeA1(row, column, rows, columns)}`);
        return r?.sheet === "Plan – O'Brien" && r.row === row && r.column === column && r.rows === rows && r.columns === columns;
      }),
      { numRuns: 200 },
    );
    expect(parseRange('not an address')).toBeNull();
  });
});

describe('unique sheet names', () => {
  it('never returns a taken name (ignoring case), never more than 31 characters, never a forbidden character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 35 }), { maxLength: 8 }), (wanted, existing) => {
        const taken = [...existing, wanted, `${wanted} (2)`];
        const name = uniqueSheetName(wanted, taken);
        return !taken.some((t) => t.toLowerCase() === name.toLowerCase()) && name.length <= 31 && !/[[\]:*?/\\]/.test(name);
      }),
      { numRuns: 300 },
    );
  });

  it('numbers copies the way Excel users expect', () => {
    expect(uniqueSheetName('Plan – Base', ['Plan – Base'])).toBe('Plan – Base (2)');
    expect(uniqueSheetName('Plan – Base', ['plan – base', 'Plan – Base (2)'])).toBe('Plan – Base (3)');
    expect(uniqueSheetName('Plan – Base', ['Other'])).toBe('Plan – Base');
  });
});

describe('best value per row', () => {
  it('higher or lower, ties all marked, nothing when all equal or fewer than two values', () => {
    expect(bestIndexes([3, 5, 4], 'higher')).toEqual([1]);
    expect(bestIndexes([3, 5, 4], 'lower')).toEqual([0]);
    expect(bestIndexes([5, 5, 4], 'higher')).toEqual([0, 1]);
    expect(bestIndexes([5, 5, 5], 'higher')).toEqual([]);
    expect(bestIndexes([5, null, null], 'higher')).toEqual([]);
  });

  it('a payback that never comes loses to any day', () => {
    expect(bestIndexes([null, 40, 55], 'lower', true)).toEqual([1]);
    expect(bestIndexes([null, null], 'lower', true)).toEqual([]);
  });
});

describe('i18n', () => {
  it('both dictionaries have the same keys, none empty, the same {placeholders}', () => {
    const en = DICTIONARIES['en-US'];
    const zh = DICTIONARIES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[k].trim()).not.toBe('');
      expect(zh[k].trim()).not.toBe('');
      expect([k, holes(zh[k])]).toEqual([k, holes(en[k])]);
    }
  });

  it('picks Office’s language, else ?lang=, else the browser’s', () => {
    expect(detectLang('zh-CN', '?lang=en-US', 'en-US')).toBe('zh-CN');
    expect(detectLang(undefined, '?lang=zh-CN', 'en-US')).toBe('zh-CN');
    expect(detectLang(null, '', 'zh-TW')).toBe('zh-CN');
    expect(detectLang('', '?x=1', 'fr-FR')).toBe('en-US');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} of {b}', { a: 1, b: 'x' })).toBe('1 of x');
    expect(format('{a} {missing}', { a: 2 })).toBe('2 {missing}');
  });
});

describe('the assumptions table the pane creates', () => {
  const cells = newTableCells(DEFAULT_PRESETS);

  it('reads back through the reader as the presets, Base carrying the registry defaults', () => {
    const read = readAssumptions(cells);
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(read.scenarios.map((s) => s.name)).toEqual(DEFAULT_PRESETS.map((p) => p.name));
    read.scenarios.forEach((s, i) => {
      for (const [k, v] of Object.entries(DEFAULT_PRESETS[i]?.values ?? {})) expect([k, s.values[k as keyof typeof s.values]]).toEqual([k, v]);
    });
    const base = read.scenarios[0]?.values ?? {};
    for (const k of ASSUMPTION_KEYS) {
      const spec = ASSUMPTIONS[k];
      if (spec.whenMissing === 'default' && DEFAULT_PRESETS[0]?.values[k] === undefined) expect([k, base[k]]).toEqual([k, spec.default]);
      if (spec.whenMissing === 'required') expect([k, base[k]]).toEqual([k, undefined]);
    }
  });

  it('has one row per key with both labels and a unit', () => {
    expect(cells).toHaveLength(ASSUMPTION_KEYS.length + 1);
    const row = cells.find((r) => r[0] === 'cogs_rate');
    expect(row?.slice(0, 3)).toEqual(['cogs_rate', '商品成本率', 'Cost of goods (share of price)']);
  });

  const table = parseAssumptionsTable({ sheet: 'A', row: 1, column: 1, values: cells });

  it('adds, duplicates and deletes scenario columns before the notes, keeping the block rectangular', () => {
    if (!table) throw new Error('table not recognised');
    expect(table.scenarios.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive']);
    const added = withScenarioAdded(table, 'Stretch', 1);
    expect(added[0]?.slice(4, 9)).toEqual(['Base', 'Conservative', 'Aggressive', 'Stretch', 'notes']);
    const sm = added.findIndex((r) => r[0] === 'safety_margin');
    expect(added[sm]?.[7]).toBe(DEFAULT_PRESETS[1]?.values.safety_margin);
    const t2 = parseAssumptionsTable({ sheet: 'A', row: 1, column: 1, values: added });
    if (!t2) throw new Error('table not recognised');
    const deleted = withScenarioDeleted(t2, 0);
    expect(deleted[0]).toEqual(['key', '中文名', 'label', 'unit', 'Conservative', 'Aggressive', 'Stretch', 'notes', null]);
    expect(new Set(deleted.map((r) => r.length)).size).toBe(1);
  });

  it('refuses empty, taken and reserved scenario names', () => {
    if (!table) throw new Error('table not recognised');
    expect(checkScenarioName(table, '  ')).toBe('empty');
    expect(checkScenarioName(table, 'base')).toBe('taken');
    expect(checkScenarioName(table, 'Base', 0)).toBeNull();
    expect(checkScenarioName(table, 'notes')).toBe('reserved');
    expect(checkScenarioName(table, 'cogs_rate')).toBe('reserved');
    expect(checkScenarioName(table, 'Stretch')).toBeNull();
  });

  it('adds a row for a key the table lacks, labels filled in', () => {
    const small = parseAssumptionsTable({
      sheet: 'A',
      row: 1,
      column: 1,
      values: [['key', 'Base', '说明'], ['cogs_rate', 0.4, null], ['fee_rate', 0.05, null], ['cash_available', 1e5, null]],
    });
    if (!small) throw new Error('table not recognised');
    const grown = withKeyRow(small, 'ramp_rate');
    expect(grown[4]).toEqual(['ramp_rate', null, expect.stringContaining('默认')]);
  });
});

describe('mapping overrides', () => {
  const cells = [
    ['日期', '观看次数', '订单数', 'Sales total', '销售额'],
    ['2024-05-01', 100, 3, 300, 280],
  ];

  it('point a field at the chosen column and never change the caller’s cells', () => {
    const copy = JSON.parse(JSON.stringify(cells));
    const out = applyOverrides(cells, { gmv: 3 });
    expect(cells).toEqual(copy);
    expect(out[0]?.[3]).toBe('成交金额');
    expect(out[0]?.[4]).toBeNull(); // the column that matched automatically steps aside
    expect(out[1]).toEqual(cells[1]);
  });

  it('"not in this table" drops a field', () => {
    const out = applyOverrides(cells, { views: null });
    expect(out[0]?.[1]).toBeNull();
  });
});

describe('plan formulas', () => {
  it('quote scenario names the way Excel string literals need', () => {
    expect(formulaString('Base')).toBe('"Base"');
    expect(formulaString('He said "go"')).toBe('"He said ""go"""');
  });
});
