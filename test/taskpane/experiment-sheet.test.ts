/** The pane's 实验 section writes the 实验计划 sheet through the gateway; the schedule reader takes it back. */
import { readScheduleSheet } from '../../src/data/experiment';
import { designExperiment } from '../../src/model/experiment';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { EXPERIMENT_HEADER_ROW, experimentSheet } from '../../src/taskpane/state/experimentSheet';
import { demandRoom } from '../helpers/demand-room';

describe('实验计划 sheet from the pane', () => {
  it('is written through the gateway, formatted, and reads back as the designed schedule', async () => {
    const d = designExperiment(demandRoom(5).pre, { lift: 0.12 });
    const sheet = experimentSheet(d, 'zh-CN');
    expect(sheet.baseName).toBe('实验计划');
    expect(sheet.freezeRows).toBe(EXPERIMENT_HEADER_ROW);
    expect(sheet.formats?.some((f) => f.format.includes('yyyy'))).toBe(true);
    const gw = new MemoryGateway({ sheets: [] });
    const name = await gw.addSheet(sheet);
    const used = await gw.readUsedRange(name);
    const back = readScheduleSheet(used!.values, { sheet: name, row: used!.row, column: used!.column });
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.schedule!.days.map((x) => [x.date, x.target, x.drop])).toEqual(d.schedule.days.map((x) => [x.date, x.target, x.drop]));
  });
});
