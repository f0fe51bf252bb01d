/**
 * The reader folds each row into its day as it reads it (day-fold.ts) and keeps no row: repeats
 * are found by fingerprint (fingerprint.ts), issues on earlier rows get their value in one more
 * pass. These are the properties that must survive that: a table pasted twice reads as once, row
 * order does not change a day's numbers, and a fingerprint tells apart what a row's text does.
 */
import fc from 'fast-check';
import { readHistory } from '../../src/data/history';
import { Fingerprints } from '../../src/data/history';
import { countIssues } from '../../src/data/table';
import type { RowSource } from '../../src/data/formats';
import type { Cell } from '../../src/data/table';

const H = ['日期', '观看次数', '成交订单数', '成交金额', '千川消耗', '直接成交金额', '直接成交订单数'];

/** A day's row: date-only, numbers with cents so sums carry binary fractions. */
const rowArb = fc.record({
  day: fc.integer({ min: 1, max: 9 }),
  views: fc.integer({ min: 100, max: 100_000 }),
  orders: fc.integer({ min: 1, max: 500 }),
  gmvCents: fc.integer({ min: 100, max: 10_000_000 }),
  spendCents: fc.integer({ min: 0, max: 1_000_000 }),
  paidShare: fc.double({ min: 0, max: 1, noNaN: true }),
});
type RowSpec = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function toRow(r: RowSpec): Cell[] {
  const gmv = r.gmvCents / 100;
  const paid = Math.round(gmv * r.paidShare * 100) / 100;
  return [`2024-03-0${r.day}`, r.views, r.orders, gmv, r.spendCents / 100, paid, Math.floor(r.orders * r.paidShare)];
}

/** Distinct rows (no two identical), so none is a repeat of another. */
const tableArb = fc.uniqueArray(rowArb, { minLength: 1, maxLength: 40, selector: (r) => JSON.stringify(toRow(r)) }).map((rs) => rs.map(toRow));

/** A source that counts how many rows it hands out over all passes. */
function counted(cells: readonly (readonly Cell[])[]): RowSource & { yielded: number } {
  const src = {
    yielded: 0,
    *from(start: number) {
      for (let i = start; i < cells.length; i++) {
        src.yielded++;
        yield [...(cells[i] ?? [])];
      }
    },
  };
  return src;
}

describe('the fold keeps what reading every row at the end gave', () => {
  it('a table pasted twice (the second copy far below the first) reads as the table once, every repeat named', () => {
    fc.assert(
      fc.property(tableArb, (rows) => {
        const once = readHistory([H, ...rows]);
        const twice = readHistory([H, ...rows, ...rows]);
        expect(twice.history.days).toEqual(once.history.days);
        expect(twice.totals).toEqual(once.totals);
        const repeats = twice.issues.filter((x) => x.severity === 'error' && x.message['en-US'].startsWith('duplicate of row'));
        expect(repeats.map((x) => x.row)).toEqual(rows.map((_, k) => k + 2 + rows.length));
        // Each names the row it repeats and carries the repeated row's date as its value.
        repeats.forEach((x, k) => {
          expect(x.message['en-US']).toContain(`duplicate of row ${k + 2} `);
          expect(x.value).toBe(rows[k]?.[0]);
        });
        expect(twice.rowsSkipped).toBe(rows.length);
      }),
      { numRuns: 60 },
    );
  });

  it('the order of the rows does not change any day (to the cent), only the order warning', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (rows, seed) => {
        const shuffled = [...rows];
        let s = seed;
        for (let k = shuffled.length - 1; k > 0; k--) {
          s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
          const j = s % (k + 1);
          [shuffled[k], shuffled[j]] = [shuffled[j] as Cell[], shuffled[k] as Cell[]];
        }
        const a = readHistory([H, ...rows]).history.days;
        const b = readHistory([H, ...shuffled]).history.days;
        expect(b.map((d) => d.date)).toEqual(a.map((d) => d.date));
        b.forEach((d, k) => {
          const e = a[k];
          for (const f of ['gmv', 'orders', 'spend', 'paidGmv', 'organicGmv', 'views'] as const) expect(d[f]).toBeCloseTo(e?.[f] as number, 5);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('reads each row once, plus the header scan and the one row a later issue names', () => {
    const cells: Cell[][] = [['日期', '成交订单数', '成交金额']];
    for (let d = 1; d <= 28; d++) {
      cells.push([`2024-02-${String(d).padStart(2, '0')}`, 10, 1000]);
      if (d === 5) cells.push(['2024-02-05', 10, 1000]); // a repeat of row 6, next to it: A7
    }
    const src = counted(cells);
    const read = readHistory(src);
    expect(read.issues.find((x) => x.address === 'A7')?.message['en-US']).toContain('duplicate of row 6');
    expect(read.issues.find((x) => x.address === 'A7')?.value).toBe('2024-02-05');
    // 10 (header scan) + 29 (the walk) + 1 (row 7 again for its value).
    expect(src.yielded).toBe(10 + 29 + 1);
  });

  it('a day whose rows come back later (a pasted copy) costs one more pass, and only its rows are fingerprinted then', () => {
    const cells: Cell[][] = [['日期', '成交订单数', '成交金额']];
    for (let d = 1; d <= 28; d++) cells.push([`2024-02-${String(d).padStart(2, '0')}`, 10, 1000]);
    cells.push(['2024-02-05', 10, 1000]); // a repeat of row 6, far below it: A30
    const src = counted(cells);
    const read = readHistory(src);
    expect(read.issues.find((x) => x.address === 'A30')?.message['en-US']).toContain('duplicate of row 6');
    expect(read.history.days.find((d) => d.date === '2024-02-05')?.gmv).toBe(1000);
    // 10 (header scan) + 29 (the walk) + 29 (the day folded again) + 1 (row 30 for its value).
    expect(src.yielded).toBe(10 + 29 + 29 + 1);
  });

  it('a session row repeating the start time and numbers of another is the export pasted twice: counted once, with a warning', () => {
    const r = readHistory([
      ['直播开始时间', '成交订单数', '成交金额'],
      ['2024-05-01 10:00', 5, 500],
      ['2024-05-01 10:00', 5, 500],
      ['2024-05-01 20:00', 5, 500],
    ]);
    expect(r.history.days).toHaveLength(1);
    // Two sessions (10:00 and 20:00), the repeat of 10:00 counted once.
    expect(r.history.days[0]?.gmv).toBe(1000);
    expect(r.rowsSkipped).toBe(0);
    expect(r.issues.find((x) => x.row === 3)?.severity).toBe('warning');
  });

  it('the "sessions of one day" warning counts and lists the date-only rows only', () => {
    const r = readHistory([
      ['日期', '成交订单数', '成交金额'],
      ['2024-05-01 20:00', 1, 100],
      ['2024-05-01', 2, 200],
      ['2024-05-01', 3, 300],
    ]);
    expect(r.history.days[0]?.gmv).toBe(600);
    const w = r.issues.find((x) => x.message['en-US'].includes('share the date'));
    expect(w?.message['en-US']).toContain('2 rows share the date 2024-05-01 without a start time (rows 3, 4)');
    expect(w?.row).toBe(2);
  });
});

describe('fingerprints', () => {
  const fp = (date: string, values: number[], dims: string[] = []) => ({ date, values, dims });

  it('finds a repeat and names the first row, once per distinct row', () => {
    const f = new Fingerprints();
    expect(f.repeats(fp('2024-01-01', [1, 2.5, NaN]), 3)).toBeUndefined();
    expect(f.repeats(fp('2024-01-01', [1, 2.5, NaN]), 9)).toBe(3);
    expect(f.repeats(fp('2024-01-01', [1, 2.5, NaN]), 12)).toBe(3);
  });

  it('tells apart what a row text tells apart, and -0 reads as 0', () => {
    const f = new Fingerprints();
    const seen = [
      fp('2024-01-01', [1, 2]),
      fp('2024-01-02', [1, 2]),
      fp('2024-01-01', [2, 1]),
      fp('2024-01-01', [1, NaN]),
      fp('2024-01-01', [1, 0]),
      fp('2024-01-01', [1, 2], ['ab', 'c']),
      fp('2024-01-01', [1, 2], ['a', 'bc']),
      fp('2024-01-01', [1, 2 + Number.EPSILON * 2]),
    ];
    seen.forEach((x, k) => expect(f.repeats(x, k)).toBeUndefined());
    expect(f.repeats(fp('2024-01-01', [1, -0]), 99)).toBe(4);
  });

  it('gives no false repeat over 50,000 distinct rows', () => {
    const f = new Fingerprints();
    let falseRepeats = 0;
    for (let k = 0; k < 50_000; k++) if (f.repeats(fp('2024-01-01', [k, k * 0.01, 7]), k) !== undefined) falseRepeats++;
    expect(falseRepeats).toBe(0);
  });
});

describe('issues listed per table are bounded (LIMITS.issuesListed)', () => {
  it('1,500 rows with a bad cell: 1,000 errors listed, the other 500 counted in one line', () => {
    const cells: Cell[][] = [['日期', '成交订单数', '成交金额']];
    for (let k = 0; k < 1500; k++) cells.push([`2024-01-01`, `x${k}`, 10]);
    cells.push(['2024-01-02', 1, 10]);
    const r = readHistory(cells);
    const errors = r.issues.filter((x) => x.severity === 'error');
    expect(errors).toHaveLength(1001);
    expect(errors.filter((x) => x.address !== undefined).map((x) => x.address)).toEqual(Array.from({ length: 1000 }, (_, k) => `B${k + 2}`));
    const more = errors.find((x) => x.address === undefined);
    expect(more?.message['en-US']).toBe('500 more errors like the ones listed (the first 1,000 are listed)');
    expect(more?.more).toBe(500);
    // Last, so "the first error" of the table is a real one.
    expect(r.issues[r.issues.length - 1]).toBe(more);
    expect(r.issues.find((x) => x.severity === 'error')?.address).toBe('B2');
    // Counts (the CLI's and the pane's) still say 1,500 errors.
    expect(countIssues(r.issues, 'error')).toBe(1500);
    expect(more?.message['zh-CN']).toContain('另有 500 个错误');
    expect(r.rowsSkipped).toBe(1500);
    expect(r.history.days).toHaveLength(1);
  });
});
