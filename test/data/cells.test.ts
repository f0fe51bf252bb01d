import fc from 'fast-check';
import { dateToExcelSerial, excelSerialToDate, isMissing, parseDate, parseNumber } from '../../src/data/cells';

const num = (v: unknown, kind: 'count' | 'money' | 'rate' = 'money') => {
  const p = parseNumber(v as never, kind);
  return p.ok ? p.value : `error:${p.reason}`;
};

describe('parseNumber (DATA.md "Cell values")', () => {
  it.each([
    [1234, 1234],
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['¥1,234', 1234],
    ['￥1234.5', 1234.5],
    ['$9,000.5', 9000.5],
    ['1.2万', 12000],
    ['0.07万', 700], // 0.07 * 10000 in floating point is 700.0000000000001: built from the digits instead
    ['3亿', 300000000],
    ['1.2w', 12000],
    ['1.2W', 12000],
    ['5k', 5000],
    ['0.2K', 200],
    ['１２０', 120],
    ['９，０００', 9000],
    ['  88 ', 88],
    ['-1,234', -1234],
    ['¥-12', -12],
    ['1234元', 1234],
    ['.5', 0.5],
  ])('%p → %p', (input, expected) => {
    expect(num(input)).toBe(expected);
  });

  it.each(['', '-', '--', '—', 'N/A', 'n/a', null, undefined, '  '])('missing marker %p → null', (input) => {
    expect(num(input)).toBeNull();
    expect(isMissing(input as never)).toBe(true);
  });

  it('percent text only in rate fields', () => {
    expect(num('3.5%', 'rate')).toBe(0.035);
    expect(num('３．５％', 'rate')).toBe(0.035);
    expect(num('3.5%', 'money')).toBe('error:percent');
    expect(num('3.5%', 'count')).toBe('error:percent');
  });

  it.each([
    ['abc', 'text'],
    ['1,23', 'text'], // not a thousands grouping: refuse rather than guess 1.23 or 123
    ['12a', 'text'],
    ['1.2.3', 'text'],
    ['--5', 'text'],
    [true, 'bool'],
    [Number.NaN, 'not_finite'],
    [Number.POSITIVE_INFINITY, 'not_finite'],
  ])('%p is an error (%s)', (input, reason) => {
    expect(num(input)).toBe(`error:${reason}`);
  });

  it('a date in a number field is an error', () => {
    expect(num(new Date(Date.UTC(2024, 4, 1)))).toBe('error:date');
  });
});

describe('formatting a number in any supported way parses back to it (property)', () => {
  const grouped = (s: string): string => s.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  const fullWidth = (s: string): string => s.replace(/[0-9.,]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  it('cents amounts with separators, currency, full-width digits and magnitudes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.constantFrom('plain', 'grouped', 'yen', 'fullyen', 'dollar', 'wan', 'w', 'yi', 'k', 'fullwidth'),
        (cents, style) => {
          const x = cents / 100;
          const fixed = x.toFixed(2);
          const [int, frac] = fixed.split('.') as [string, string];
          const text: Record<string, string> = {
            plain: fixed,
            grouped: `${grouped(int)}.${frac}`,
            yen: `¥${grouped(int)}.${frac}`,
            fullyen: `￥${fixed}`,
            dollar: `$${grouped(int)}.${frac}`,
            wan: `${String(x / 1e4)}万`,
            w: `${String(x / 1e4)}w`,
            yi: `${String(x / 1e8)}亿`,
            k: `${String(x / 1e3)}K`,
            fullwidth: fullWidth(`${grouped(int)}.${frac}`),
          };
          const s = text[style] as string;
          // String(x / 1e4) may print an exponent for tiny values: those are not how people write 万.
          fc.pre(!/e/u.test(s));
          const p = parseNumber(s, 'money');
          return p.ok && p.value !== null && Math.abs(p.value - x) <= 1e-9 * Math.max(1, x);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('percentages with up to 4 decimals in rate fields', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const pct = n / 1e4; // 0 … 100 with 4 decimals
        const p = parseNumber(`${pct}%`, 'rate');
        return p.ok && p.value !== null && Math.abs(p.value - pct / 100) < 1e-12;
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseDate', () => {
  const d = (v: unknown) => {
    const p = parseDate(v as never);
    return p.ok ? p.value : `error:${p.reason}`;
  };
  it.each([
    ['2024-05-01', '2024-05-01', false],
    ['2024/5/1', '2024-05-01', false],
    ['2024.5.1', '2024-05-01', false],
    ['2024年5月1日', '2024-05-01', false],
    ['２０２４年５月１日', '2024-05-01', false],
    ['20240501', '2024-05-01', false],
    [20240501, '2024-05-01', false],
    ['2024-05-01 20:00:00', '2024-05-01', true],
    ['2024/5/1 8:05', '2024-05-01', true],
    ['2024-05-01T20:00:00Z', '2024-05-01', true],
    [45413, '2024-05-01', false],
    [45413.75, '2024-05-01', true],
    ['45413', '2024-05-01', false],
    [new Date(Date.UTC(2024, 4, 1)), '2024-05-01', false],
    [new Date(Date.UTC(2024, 4, 1, 23, 30)), '2024-05-01', true],
  ])('%p → %s (time: %p)', (input, date, hasTime) => {
    expect(d(input)).toEqual({ date, hasTime });
  });

  it.each(['2024-02-30', '2024-13-01', '2024-05-32', '2024-05-01 25:00', 'yesterday', '5/1/2024'])('%p is not a date', (input) => {
    expect(typeof d(input)).toBe('string');
  });

  it('Excel 1900 system including the 1900-02-29 bug', () => {
    expect(excelSerialToDate(1)?.date).toBe('1900-01-01');
    expect(excelSerialToDate(59)?.date).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeNull(); // Excel's non-existent 1900-02-29
    expect(excelSerialToDate(61)?.date).toBe('1900-03-01');
    expect(excelSerialToDate(36526)?.date).toBe('2000-01-01');
    expect(excelSerialToDate(0)).toBeNull();
    expect(dateToExcelSerial('2024-05-01')).toBe(45413);
  });

  it('serial ↔ date round-trips for every day from 1900-03-01 to 2100 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 73415 }), (serial) => {
        const v = excelSerialToDate(serial);
        return v !== null && dateToExcelSerial(v.date) === serial;
      }),
      { numRuns: 300 },
    );
  });
});
