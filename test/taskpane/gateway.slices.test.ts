/** How the Excel gateway cuts a large read (bounded.ts): slices, batches, the grid and its cap. */
import fc from 'fast-check';
import { isInputError } from '../../src/model/core';
import { parseRange, type RangeRef } from '../../src/taskpane/gateway/address';
import { batches, cellCount, checkPieces, Grid, LOAD_CELLS, MAX_CELLS, rowSlices } from '../../src/taskpane/gateway/bounded';

const range = fc.record({
  row: fc.integer({ min: 1, max: 1_000_000 }),
  column: fc.integer({ min: 1, max: 16_000 }),
  rows: fc.integer({ min: 1, max: 48_576 }),
  columns: fc.integer({ min: 1, max: 384 }),
});

describe('rowSlices and batches', () => {
  it('cut a range into whole-width row slices that cover it exactly, each ≤ the budget', () => {
    fc.assert(
      fc.property(range, fc.integer({ min: 1, max: 200_000 }), (r: RangeRef, budget) => {
        const slices = rowSlices(r, budget);
        let next = r.row;
        let ok = true;
        for (const s of slices) {
          ok &&= s.row === next && s.column === r.column && s.columns === r.columns && (cellCount(s) <= budget || s.rows === 1);
          next += s.rows;
        }
        return ok && next === r.row + r.rows;
      }),
      { numRuns: 60 },
    );
  });

  it('group slices in order, each batch within LOAD_CELLS (a single slice may fill one)', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), (pieces: RangeRef[]) => {
        const slices = pieces.flatMap((p) => rowSlices(p));
        const out = batches(slices);
        expect(out.flat()).toEqual(slices);
        for (const b of out) expect(b.reduce((n, s) => n + cellCount(s), 0) <= LOAD_CELLS || b.length === 1).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('a whole column of formulas (S1:S1048576) is read in slices of 100,000 rows', () => {
    const slices = rowSlices({ row: 1, column: 19, rows: 1_048_576, columns: 1 });
    expect(slices).toHaveLength(11);
    expect(slices[10]).toMatchObject({ row: 1_000_001, rows: 48_576 });
  });
});

describe('Grid', () => {
  const origin: RangeRef = { sheet: 'S', row: 3, column: 2, rows: 100, columns: 800 };

  it('puts cells where they sit, rows as long as their last value, blanks as null, "Empty" zeros dropped', () => {
    const g = new Grid('S', origin);
    g.add({ row: 3, column: 2, rows: 2, columns: 3 }, [['a', '', 1], [0, 0, '']], [['String', 'Empty', 'Double'], ['Double', 'Empty', 'Empty']]);
    g.add({ row: 7, column: 5, rows: 1, columns: 1 }, [['far']], [['String']]);
    expect(g.result()).toEqual({ sheet: 'S', row: 3, column: 2, values: [['a', null, 1], [0], [], [], [null, null, null, 'far']] });
  });

  it('refuses a read that would keep more than MAX_CELLS cells, naming the sheet and range', () => {
    const g = new Grid('Daten', { sheet: 'Daten', row: 1, column: 1, rows: 1_048_576, columns: 16_384 });
    const rowsNeeded = Math.ceil(MAX_CELLS / 16_000) + 1;
    let thrown: unknown;
    try {
      for (let r = 1; r <= rowsNeeded; r++) g.add({ row: r, column: 16_000, rows: 1, columns: 1 }, [['x']], [['String']]);
    } catch (e) {
      thrown = e;
    }
    expect(isInputError(thrown)).toBe(true);
    expect(String((thrown as Error).message)).toContain('Sheet "Daten"');
    expect(String((thrown as Error).message)).toContain('A1:XFD1048576');
  });

  it('checkPieces refuses, before any load, pieces over MAX_CELLS', () => {
    const scope: RangeRef = { row: 1, column: 1, rows: 1_048_576, columns: 18 };
    expect(() => checkPieces('History', scope, [scope])).toThrow(/History.*A1:R1048576/u);
    expect(() => checkPieces('History', scope, [{ row: 1, column: 1, rows: 400, columns: 18 }])).not.toThrow();
  });
});

describe('parseRange with whole lines', () => {
  it('reads Excel\'s addresses of whole columns and rows only when asked', () => {
    expect(parseRange('History!A:R', { wholeLines: true })).toEqual({ sheet: 'History', row: 1, column: 1, rows: 1_048_576, columns: 18 });
    expect(parseRange("'My Data'!$3:$5", { wholeLines: true })).toEqual({ sheet: 'My Data', row: 3, column: 1, rows: 3, columns: 16_384 });
    expect(parseRange('History!A:R')).toBeNull(); // writers never size an allocation from it
    expect(parseRange('History!$A$1:$C$4', { wholeLines: true })).toEqual({ sheet: 'History', row: 1, column: 1, rows: 4, columns: 3 });
  });
});
