/**
 * dist/functions.js must register its functions when evaluated with nothing but a
 * `CustomFunctions` global (no DOM, no Office), as Excel's runtime provides it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { sampleRanges } from '../functions/sample-ranges';
import { ROOT, ensureWebBuild } from '../helpers/build';

class FakeCfError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

function thrownFrom(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

function loadBundle(): Map<string, (...args: unknown[]) => unknown> {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registry.set(id, fn),
    Error: FakeCfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!' },
  };
  const context = vm.createContext({ CustomFunctions });
  vm.runInContext(readFileSync(join(ROOT, 'dist', 'functions.js'), 'utf8'), context, { filename: 'functions.js' });
  return registry;
}

describe('dist/functions.js in plain Node', () => {
  let fns: Map<string, (...args: unknown[]) => unknown>;
  beforeAll(() => {
    ensureWebBuild();
    fns = loadBundle();
  }, 600_000);

  it('registers all 19 functions', () => {
    expect([...fns.keys()].sort()).toEqual(
      ['BACKTEST', 'BASELINE', 'BREAKEVENROI', 'CASHFLOW', 'EVENTS', 'EXPERIMENT', 'FITCURVE', 'KPI', 'MROI', 'OPTIMALSPEND', 'PLAN', 'READINESS', 'RESPONSE', 'REVIEW', 'ROITARGET', 'SENSITIVITY', 'SIMULATE', 'TARGETS', 'UNITMARGIN'].sort(),
    );
  });

  it('stays small: no file readers (ExcelJS) in the functions bundle', () => {
    const js = readFileSync(join(ROOT, 'dist', 'functions.js'));
    // It also carries the engine code the pane runs (the page loads it once, test/taskpane/bundle.test.ts).
    expect(gzipSync(js).length).toBeLessThan(110_000);
    expect(js.toString()).not.toMatch(/exceljs/i);
  });

  it('plans the sample merchant from ranges shaped as Excel sends them', async () => {
    const { history, assumptions } = await sampleRanges('zero');
    const profit = fns.get('KPI')!(history, assumptions, 'total_profit', 'Base', null);
    expect(typeof profit).toBe('number');
    const plan = fns.get('PLAN')!(history, assumptions, null, 14, null) as unknown[][];
    expect(plan).toHaveLength(15);
    expect(plan[0]).toEqual(['date', 'spend', 'paid_gmv', 'organic_gmv', 'gmv', 'orders', 'profit', 'cash', 'roi', 'marginal_roi', 'limit', 'roi_target', 'event', 'phase']);
  });

  it('gives the worked example of MODEL.md §3 (u = 0.364, break-even ROI ≈ 2.747)', () => {
    // Arguments in FUNCTIONS.md order: cogs, refund, fee, commission, shipping, aov, return shipping, resale.
    const args = [0.4, 0.2, 0.05, 0, 6, 120, 6, 0.8];
    expect(fns.get('UNITMARGIN')!(...args)).toBeCloseTo(0.364, 12);
    expect(fns.get('BREAKEVENROI')!(...args)).toBeCloseTo(2.747, 3);
  });

  it('throws Excel errors with messages, not exceptions of its own', () => {
    const thrown = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const bad = thrown(() => fns.get('BREAKEVENROI')!(1.5)) as FakeCfError;
    expect(bad).toBeInstanceOf(FakeCfError);
    expect(bad.code).toBe('#VALUE!');
    expect(bad.message).toMatch(/cogs_rate/);
    // u = 0.7·0.8 − 0.7·0.9 = −0.07 (refunds resold in full, so no ρ(1−q)k term).
    const loss = thrown(() => fns.get('BREAKEVENROI')!(0.9, 0.3, 0.2)) as FakeCfError;
    // No answer for valid input: #N/A, one of the two errors Excel shows a message on.
    expect(loss.code).toBe('#N/A');
    expect(loss.message).toMatch(/no ROI breaks even/);
  });

  it('uses only #VALUE! and #N/A, each with its message (Excel drops the message of any other)', async () => {
    const { history, assumptions } = await sampleRanges('null');
    const calls: [string, unknown[]][] = [
      ['BREAKEVENROI', [1.5]],
      ['BREAKEVENROI', [0.9, 0.3, 0.2]],
      ['UNITMARGIN', ['forty']],
      ['KPI', [history, assumptions, 'roas']],
      ['KPI', [history, assumptions, 'total_profit', 'Nope']],
      ['FITCURVE', [[[100], [200]], [[300], [400]], 'spline']],
      ['FITCURVE', [[[100], [100], [100]], [[300], [300], [300]]]],
      ['PLAN', [history, assumptions, null, 14, 'month']],
      ['RESPONSE', [100, [['model', 'hill']]]],
      ['SIMULATE', [history, assumptions, 'total_profit', 2]],
      ['BASELINE', [[['date']]]],
    ];
    const codes = new Set<string>();
    for (const [id, args] of calls) {
      let e: unknown;
      try {
        fns.get(id)!(...args);
      } catch (x) {
        e = x;
      }
      expect([id, e instanceof FakeCfError]).toEqual([id, true]);
      const err = e as FakeCfError;
      expect([id, ['#VALUE!', '#N/A'].includes(err.code)]).toEqual([id, true]);
      expect(err.message?.length ?? 0).toBeGreaterThan(10);
      codes.add(err.code);
    }
    expect([...codes].sort()).toEqual(['#N/A', '#VALUE!']);
  });

  it('names error and data-type cells of a history range by cell, never "[object Object]"', async () => {
    const { history } = await sampleRanges('null');
    const j = 1;
    const col = String.fromCharCode(65 + j);
    const withCells = history.map((r, i) => r.map((c, k) => (k !== j ? c : i === 4 ? new FakeCfError('#N/A') : i === 6 ? { type: 'Entity', text: '直播间', properties: {} } : c)));
    const out = (fns.get('READINESS')!(withCells, null, null) as unknown[][]).flat().map(String).join('\n');
    expect(out).not.toContain('[object Object]');
    expect(out).toContain(`${col}5 holds the Excel error #N/A`);
    expect(out).toContain(`${col}7 holds a data type ("直播间")`);
    const scalar = thrownFrom(() => fns.get('BREAKEVENROI')!({ type: 'Error', basicType: 'Error', basicValue: '#DIV/0!' }));
    expect(scalar).toMatchObject({ code: '#VALUE!', message: 'cogs_rate is the Excel error #DIV/0!: correct the cell or formula it comes from.' });
  });

  it('ships en-US and zh-CN metadata with the same ids and parameter lists', () => {
    const en = JSON.parse(readFileSync(join(ROOT, 'dist', 'functions.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(join(ROOT, 'dist', 'functions.zh-cn.json'), 'utf8'));
    type Fn = { id: string; description: string; parameters: { name: string; optional?: boolean; type?: string }[] };
    const shape = (m: { functions: Fn[] }) => m.functions.map((f) => [f.id, f.parameters.map((p) => [p.optional ?? false, p.type])]);
    expect(shape(zh)).toEqual(shape(en));
    const zhBe = (zh.functions as Fn[]).find((f) => f.id === 'BREAKEVENROI')!;
    expect(zhBe.description).toMatch(/保本/);
    expect(zhBe.parameters[0]?.name).toBe('商品成本率');
  });

  it('writes dist/manifest.xml with no development URL left', () => {
    const manifest = readFileSync(join(ROOT, 'dist', 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain('https://adplan.example.com/taskpane.html');
  });
});
