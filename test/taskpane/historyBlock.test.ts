/**
 * ADPLAN_History covers the table, not the used range: =ADPLAN.* formulas over it must not receive
 * a title row's width only (a 罗盘 export's first row is a one-cell title) or a stray cell's
 * millions of blanks.
 */
import type { Cell } from '../../src/data/table';
import { historyBlock } from '../../src/taskpane/state/historyBlock';

const range = (values: Cell[][]) => ({ sheet: 'S', row: 1, column: 1, values });
const HEADER: Cell[] = ['日期', '载体类型', '投放时段', '成交金额', '成交订单数'];
const day = (d: number): Cell[] => [`2024-05-0${d}`, '全部', '不限', 1000 * d, 10 * d];

describe('historyBlock', () => {
  it('a one-cell title row above the header (compact rows): as wide as the header, down to the last day', () => {
    const values: Cell[][] = [['抖音电商罗盘 · 成交分析（分日）'], HEADER, day(1), day(2), day(3)];
    expect(historyBlock(range(values))).toEqual({ rows: 5, columns: 5 });
  });

  it('a stray cell far right and far below is left out', () => {
    const values: Cell[][] = [HEADER, day(1), day(2)];
    for (let i = 0; i < 5000; i++) values.push([]);
    const stray: Cell[] = [];
    stray[701] = 'x'; // ZZ
    values.push(stray);
    expect(historyBlock(range(values))).toEqual({ rows: 3, columns: 5 });
  });

  it('a rectangular grid as Office.js sends it (blanks as null or "") gives the same block', () => {
    const pad = (r: Cell[]): Cell[] => [...r, ...Array<Cell>(3).fill(null)];
    const values: Cell[][] = [pad(HEADER), pad(day(1)), pad(day(2)), Array<Cell>(8).fill(''), Array<Cell>(8).fill(null)];
    expect(historyBlock(range(values))).toEqual({ rows: 3, columns: 5 });
  });

  it('a value in the table columns below a gap is kept (the reader reports it)', () => {
    const values: Cell[][] = [HEADER, day(1), [], [], ['合计', null, null, 1000, 10]];
    expect(historyBlock(range(values))).toEqual({ rows: 5, columns: 5 });
  });

  it('no recognisable header: the widest row, down to the last row holding something', () => {
    const values: Cell[][] = [['a'], ['b', 'c', 'd'], [], []];
    expect(historyBlock(range(values))).toEqual({ rows: 2, columns: 3 });
  });
});
