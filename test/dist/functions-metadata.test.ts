/**
 * The built functions.json and functions.zh-cn.json (issue 26 items 2 and 3): every fixed-choice
 * argument is a custom enum Excel offers in AutoComplete, with the engine's own list of values and
 * zh-CN names and tooltips; error cells reach the `any` parameters (allowErrorForDataTypeAny).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureWebBuild } from '../helpers/build';
import { BASELINE_METRICS } from '../../src/functions/baseline';
import { BACKTEST_METRICS } from '../../src/functions/review';
import { KPI_METRICS } from '../../src/model/report';
import { SIM_METRICS } from '../../src/model/simulate';

interface Param {
  name: string;
  type?: string;
  customEnumId?: string;
  dimensionality?: string;
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: { id: string; parameters: Param[] }[];
  enums: { id: string; type: string; values: { name: string; stringValue: string; tooltip: string }[] }[];
}

let en: Metadata;
let zh: Metadata;
beforeAll(() => {
  ensureWebBuild();
  en = JSON.parse(readFileSync(join(ROOT, 'dist', 'functions.json'), 'utf8')) as Metadata;
  zh = JSON.parse(readFileSync(join(ROOT, 'dist', 'functions.zh-cn.json'), 'utf8')) as Metadata;
}, 600_000);

/** Every fixed-choice argument, its enum, and the values the function accepts (the engine's lists). */
const CHOICES: [string, string, string, readonly string[]][] = [
  ['BASELINE', 'metric', 'BaselineMetric', BASELINE_METRICS],
  ['FITCURVE', 'model', 'CurveModel', ['auto', 'hill', 'power']],
  ['PLAN', 'period', 'Period', ['day', 'week']],
  ['REVIEW', 'period', 'Period', ['day', 'week']],
  ['KPI', 'metric', 'KpiMetric', KPI_METRICS],
  ['ROITARGET', 'basis', 'RoiBasis', ['pay', 'net']],
  ['SIMULATE', 'metric', 'SimulateMetric', [...SIM_METRICS, 'p_loss', 'p_cash_short']],
  ['SENSITIVITY', 'metric', 'SensitivityMetric', SIM_METRICS],
  ['BACKTEST', 'metric', 'BacktestMetric', BACKTEST_METRICS],
];

const param = (m: Metadata, fn: string, name: string): Param | undefined => m.functions.find((f) => f.id === fn)?.parameters.find((p) => p.name === name);

describe('custom enums in the built metadata', () => {
  it.each(CHOICES)('%s(%s) is the %s enum, holding exactly the values the function accepts', (fn, name, enumId, values) => {
    expect(param(en, fn, name)).toMatchObject({ type: 'string', customEnumId: enumId });
    const e = en.enums.find((x) => x.id === enumId)!;
    expect(e.type).toBe('string');
    expect(e.values.map((v) => v.stringValue).sort()).toEqual([...values].sort());
    for (const v of e.values) expect(v.tooltip.length).toBeGreaterThan(2);
  });

  it('zh-CN: the same enums and values (Excel inserts the English key), Chinese names and tooltips', () => {
    expect(zh.enums.map((e) => [e.id, e.values.map((v) => v.stringValue)])).toEqual(en.enums.map((e) => [e.id, e.values.map((v) => v.stringValue)]));
    for (const e of zh.enums) {
      for (const v of e.values) {
        expect(v.name).toMatch(/[\u4e00-\u9fff]/u);
        expect(v.tooltip).toMatch(/[\u4e00-\u9fff]/u);
        // Full-width punctuation in the Chinese text.
        expect(`${v.name}${v.tooltip.replace(/^[a-z_0-9]+：/u, '')}`).not.toMatch(/[,;:()]/u);
      }
    }
    for (const [fn, , enumId] of CHOICES) {
      const p = zh.functions.find((f) => f.id === fn)!.parameters.find((x) => x.customEnumId === enumId);
      expect(p?.name).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  it('lets error and data-type cells reach the range parameters (they become issues, not #VALUE! from Excel)', () => {
    expect(en.allowErrorForDataTypeAny).toBe(true);
    expect(zh.allowErrorForDataTypeAny).toBe(true);
    for (const f of en.functions) {
      const history = f.parameters.find((p) => p.name === 'history');
      if (history) expect(history).toMatchObject({ type: 'any', dimensionality: 'matrix' });
    }
  });
});
