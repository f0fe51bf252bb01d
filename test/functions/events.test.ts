/**
 * EVENTS on the sample workbook: the same flagged days as check --json (one model path), the
 * user's calendar range over the built-ins, and a bad calendar row listed with its cell.
 */
import './fake-runtime';
import { events } from '../../src/functions/as-called';
import { readHistory } from '../../src/data';
import { dateToExcelSerial } from '../../src/data/cells';
import { flaggedDaysOf } from '../../src/model/events';
import { sampleRanges, type SampleRanges } from './sample-ranges';

let web: SampleRanges;
beforeAll(async () => {
  web = await sampleRanges('null');
});

describe('=ADPLAN.EVENTS', () => {
  it('spills the flagged days of the history (built-in calendar)', () => {
    const t = events(web.history);
    expect(t[0]).toEqual(['date', 'kind', 'name', 'phase']);
    const expected = flaggedDaysOf(readHistory(web.history).history);
    expect(t.slice(1)).toEqual(expected.map((f) => [dateToExcelSerial(f.date), f.kind, f.name ?? '', f.phase ?? '']));
    // 38节 2024's peak (03-06 … 03-08) is in the sample's history.
    expect(t).toContainEqual([dateToExcelSerial('2024-03-07'), 'event', '38节', 'peak']);
  });

  it("takes the user's calendar: their window replaces the built-in one; a bad row is listed with its cell", () => {
    const cal = [
      ['活动', '阶段', '开始日期', '结束日期'],
      ['38节', '爆发', '2024-03-07', '2024-03-08'],
      ['店庆', '爆发', '2024-04-10', '2024-04-09'],
    ];
    const t = events(web.history, cal);
    expect(t).not.toContainEqual([dateToExcelSerial('2024-03-06'), 'event', '38节', 'peak']);
    expect(t).toContainEqual([dateToExcelSerial('2024-03-07'), 'event', '38节', 'peak']);
    expect(t[t.length - 1]).toEqual(['', 'calendar_error', 'D3', 'the last day 2024-04-09 is before the first day 2024-04-10']);
  });
});
