/**
 * The pane reads the ROI目标记录 sheet as the CLI reads it (issue 22, item 4a: "read like every
 * other source"): found beside the history, its entries on the history the fit gets, its bad cells
 * reported at their sheet address even when the table does not start at A1.
 */
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { findHistory } from '../../src/taskpane/state/findData';
import { readHistoryRange } from '../../src/taskpane/state/compute';
import { generateRoomMerchant } from '../../src/sample/room-merchant';

const { history } = generateRoomMerchant(4, { days: 40 });
const exportCells = [['日期', '整体消耗', '整体成交金额', '整体成交订单数'], ...history.days.map((d) => [d.date, d.spend, d.gmv, d.orders])];
const logRows = [
  ['时间', 'ROI目标', '口径', '投放模式'],
  ['2026-03-10 09:00', 3.2, '净成交', '控成本'],
  ['2026-03-20', 'abc', '净成交', '控成本'],
  ['2026-03-25', 2.6, '支付', '放量'],
];
/** The log placed at B3 (two blank rows, one blank column), as a merchant's sheet often is. */
const logAtB3 = [[], [], ...logRows.map((r) => [null, ...r])];

describe('the target log sheet in the pane', () => {
  it('is found beside the history, never read as a history source, and reaches the fit', async () => {
    const gw = new MemoryGateway({ sheets: [{ name: '全域推广', cells: exportCells }, { name: 'ROI目标记录', cells: logAtB3 }] });
    const found = await findHistory(gw);
    expect(found?.range.sheet).toBe('全域推广');
    expect(found?.logs?.map((l) => l.sheet)).toEqual(['ROI目标记录']);
    expect(found?.more).toBeUndefined();
    const pane = readHistoryRange(found!.range, {}, found!.more, found!.order, found!.logs);
    if (!pane.ok) throw new Error('the history did not read');
    // The CLI's reading of the same rows is test/data/target-log.test.ts (jsdom has no TextDecoder for its CSV path).
    expect(pane.value.history.targetLog).toEqual([
      { date: '2026-03-10', target: 3.2, basis: 'net', mode: 'cost' },
      { date: '2026-03-25', target: 2.6, basis: 'pay', mode: 'volume' },
    ]);
    expect(pane.value.history.days).toHaveLength(40);
  });

  it('names a bad cell by its address on the sheet (C5 here, the log starting at B3)', async () => {
    const gw = new MemoryGateway({ sheets: [{ name: '全域推广', cells: exportCells }, { name: 'ROI目标记录', cells: logAtB3 }] });
    const found = await findHistory(gw);
    const pane = readHistoryRange(found!.range, {}, found!.more, found!.order, found!.logs);
    if (!pane.ok) throw new Error('the history did not read');
    const bad = pane.value.issues.filter((i) => i.sheet === 'ROI目标记录' && i.severity === 'error');
    expect(bad.map((i) => i.address)).toEqual(['C5']);
    expect(bad[0]?.row).toBe(5);
  });

  it('a workbook without a log plans as before: no target log on the history', async () => {
    const gw = new MemoryGateway({ sheets: [{ name: '全域推广', cells: exportCells }] });
    const found = await findHistory(gw);
    expect(found?.logs).toBeUndefined();
    const pane = readHistoryRange(found!.range, {}, found!.more, found!.order, found!.logs);
    expect(pane.ok && pane.value.history.targetLog).toBeUndefined();
  });
});
