/**
 * Every function with arbitrary junk arguments (nulls, text, huge and negative numbers, ragged
 * arrays, percent text, real ranges mixed in) must return a value or throw a
 * CustomFunctions.Error — never anything else, and never NaN, Infinity or null in a cell.
 */
import fc from 'fast-check';
import { FakeCustomFunctionError, installFakeRuntime } from './fake-runtime';
import * as F from '../../src/functions/as-called';
import { sampleRanges, type SampleRanges } from './sample-ranges';

installFakeRuntime();

const RUNS_PER_FUNCTION = 800; // × 13 functions ≥ 10,000 cases

let sample: SampleRanges;
beforeAll(async () => {
  sample = await sampleRanges();
});

const scalar = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(''),
  fc.constant(0),
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(1e308, -1e308, 5e-324, 0.5, 0.05, 1.5, 90, 1000, 20001),
  fc.constantFrom('5%', '40%', '1.2万', '¥1,234', '--', 'abc', 'hill', 'power', 'auto', 'week', 'day', 'Base', 'Aggressive', 'total_profit', 'p_loss', 'cvr', '#N/A', 'TRUE'),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
);

const ragged = fc.array(fc.array(scalar, { maxLength: 5 }), { maxLength: 6 });

/** A range argument: junk, ragged junk, or (sometimes) a real table, possibly damaged. */
function rangeArb(real: () => unknown[][]): fc.Arbitrary<unknown> {
  return fc.oneof(
    scalar,
    ragged,
    fc.constant(null).map(() => real()),
    fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 20 }), scalar).map(([i, j, v]) => {
      const t = real().map((r) => r.slice());
      const row = t[i % t.length];
      if (row) row[j % Math.max(1, row.length)] = v;
      return t;
    }),
    fc.nat({ max: 200 }).map((n) => real().slice(0, n)),
  );
}

function checkCell(v: unknown): void {
  if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  else expect(['string', 'boolean']).toContain(typeof v);
}

function outcome(call: () => unknown): void {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeCustomFunctionError);
    expect(['#VALUE!', '#N/A']).toContain((e as FakeCustomFunctionError).code);
    // A message, and not the catch-all for exceptions the code did not expect (a bug).
    expect((e as FakeCustomFunctionError).message).toBeTruthy();
    expect((e as FakeCustomFunctionError).message).not.toMatch(/internal error/);
    return;
  }
  if (Array.isArray(result)) {
    expect(result.length).toBeGreaterThan(0);
    const width = (result[0] as unknown[]).length;
    for (const row of result as unknown[][]) {
      expect(row).toHaveLength(width);
      row.forEach(checkCell);
    }
  } else checkCell(result);
}

type Fn = (...args: unknown[]) => unknown;
const h = () => sample.history;
const a = () => sample.assumptions;
const col = () => sample.history.slice(1, 60).map((r) => [r[13]]);
const curve = () => [['model', 'hill'], ['gmax', 1000], ['k', 100], ['a', 1]];

const CASES: [string, Fn, fc.Arbitrary<unknown>[]][] = [
  ['BREAKEVENROI', F.breakevenroi as Fn, Array.from({ length: 8 }, () => scalar)],
  ['UNITMARGIN', F.unitmargin as Fn, Array.from({ length: 8 }, () => scalar)],
  ['BASELINE', F.baseline as Fn, [rangeArb(h), scalar, scalar]],
  ['FITCURVE', F.fitcurve as Fn, [rangeArb(col), rangeArb(col), scalar]],
  ['RESPONSE', F.responsefn as Fn, [scalar, rangeArb(curve)]],
  ['MROI', F.mroi as Fn, [scalar, rangeArb(curve)]],
  ['OPTIMALSPEND', F.optimalspend as Fn, [rangeArb(curve), scalar]],
  ['READINESS', F.readiness as Fn, [rangeArb(h), rangeArb(a), scalar]],
  ['PLAN', F.plan as Fn, [rangeArb(h), rangeArb(a), scalar, scalar, scalar]],
  ['KPI', F.kpi as Fn, [rangeArb(h), rangeArb(a), scalar, scalar, scalar]],
  // runs stays small here so a valid call is fast; the cap itself is tested in planning.test.ts.
  ['SIMULATE', F.simulate as Fn, [rangeArb(h), rangeArb(a), scalar, scalar, scalar, fc.oneof(scalar, fc.integer({ min: -5, max: 50 })), scalar]],
  ['SENSITIVITY', F.sensitivity as Fn, [rangeArb(h), rangeArb(a), scalar, scalar]],
  ['CASHFLOW', F.cashflowfn as Fn, [rangeArb(col), rangeArb(col), rangeArb(a), scalar]],
];

describe(`fuzz: ${CASES.length} functions × ${RUNS_PER_FUNCTION} junk calls`, () => {
  it.each(CASES)('%s returns a value or a CustomFunctions.Error', (_id, fn, args) => {
    fc.assert(
      fc.property(fc.tuple(...args), (xs) => {
        outcome(() => fn(...xs));
      }),
      { numRuns: RUNS_PER_FUNCTION, seed: 20261124 },
    );
  });
});
