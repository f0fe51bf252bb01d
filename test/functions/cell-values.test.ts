/**
 * Error cells and data-type cells as Excel hands them to `any` parameters (allowErrorForDataTypeAny,
 * allowCustomDataForDataTypeAny): issues naming their cell, never "[object Object]".
 */
import { FakeCustomFunctionError, thrownBy } from './fake-runtime';
import { breakevenroi, kpi, readiness } from '../../src/functions/as-called';
import { historyArg } from '../../src/functions/inputs';
import { oddValue, plainCell } from '../../src/functions/cell-values';
import { sampleRanges, type SampleRanges } from './sample-ranges';

let ranges: SampleRanges;
beforeAll(async () => {
  ranges = await sampleRanges('null');
});

/** The sample history with one cell replaced (row i, the column headed `header`). */
function withCell(header: string, i: number, value: unknown): unknown[][] {
  const j = ranges.history[0]!.findIndex((h) => h === header);
  expect(j).toBeGreaterThanOrEqual(0);
  return ranges.history.map((r, k) => (k === i ? r.map((c, jj) => (jj === j ? value : c)) : r));
}

const columnLetter = (header: string): string => String.fromCharCode(65 + ranges.history[0]!.findIndex((h) => h === header));

describe('Excel values that are objects', () => {
  it('reads plain data types as their value, errors as their code, entities as their text', () => {
    expect(plainCell({ type: 'FormattedNumber', basicValue: 12.5, numberFormat: '0.0' })).toBe(12.5);
    expect(plainCell({ type: 'Double', basicValue: 3 })).toBe(3);
    expect(oddValue({ type: 'Error', basicType: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' })).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(oddValue(new FakeCustomFunctionError('#REF!'))).toEqual({ kind: 'error', code: '#REF!' });
    expect(oddValue({ type: 'Entity', text: '上海', properties: {} })).toEqual({ kind: 'entity', shown: '上海' });
    expect(oddValue(new Date())).toBeNull();
  });

  it('an error cell in a history column is an issue naming its cell', () => {
    const header = String(ranges.history[0]![1]);
    const read = historyArg(withCell(header, 5, { type: 'Error', basicType: 'Error', basicValue: '#DIV/0!' }));
    const at = `${columnLetter(header)}6`;
    const issue = read.issues.find((x) => x.address === at);
    expect(issue?.message['en-US']).toBe(`${at} holds the Excel error #DIV/0!, not a value: correct the formula that gives it, or clear the cell.`);
    expect(issue?.message['zh-CN']).toContain('Excel 错误值 #DIV/0!');
    expect(JSON.stringify(read.issues)).not.toContain('[object Object]');
  });

  it('an entity or a #N/A cell is named by READINESS, never shown as [object Object]', () => {
    const header = String(ranges.history[0]![1]);
    const entity = readiness(withCell(header, 7, { type: 'Entity', text: '直播间', properties: {} }), null, null) as string[][];
    const text = entity.flat().join('\n');
    expect(text).not.toContain('[object Object]');
    expect(text).toContain(`${columnLetter(header)}8`);
    const na = readiness(withCell(header, 9, new FakeCustomFunctionError('#N/A')), null, null) as string[][];
    expect(na.flat().join('\n')).toContain(`${columnLetter(header)}10 holds the Excel error #N/A`);
  });

  it('an error or an entity in a scalar argument fails with #VALUE! naming it', () => {
    const e = thrownBy(() => breakevenroi({ type: 'Error', basicValue: '#DIV/0!' }));
    expect(e?.code).toBe('#VALUE!');
    expect(e?.message).toBe('cogs_rate is the Excel error #DIV/0!: correct the cell or formula it comes from.');
    const m = thrownBy(() => kpi(ranges.history, ranges.assumptions, { type: 'Entity', text: 'x' }));
    expect(m?.message).toContain('metric is a data type ("x")');
  });
});
