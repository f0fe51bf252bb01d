/**
 * The task pane joins the export-family sheets of a workbook through the same src/data function
 * as `adplan check` (issue 12 item 5): a 罗盘 sheet and a 千川全域 sheet, partly overlapping dates.
 */
import { MemoryGateway } from '../../src/taskpane/gateway/memory';
import { readHistoryRange } from '../../src/taskpane/state/compute';
import { findHistory } from '../../src/taskpane/state/findData';

const compass = [
  ['日期', '成交金额', '成交订单数', '直播间观看次数'],
  ['2026-07-24', 10000, 100, 20000],
  ['2026-07-25', 11000, 110, 20000],
  ['2026-07-26', 12000, 120, 20000],
];
const uni = [
  ['日期', '抖音号', '整体消耗', '整体成交金额', '整体成交订单数', '净成交金额'],
  ['2026-07-25', '小店', 1000, 5000, 50, 4800],
  ['2026-07-26', '小店', 1100, 5000, 50, 4800],
  ['2026-07-27', '小店', 1200, 5000, 50, 4800],
];

describe('task pane: sheets of one workbook joined on the date', () => {
  it('finds the 千川 sheet next to the 罗盘 sheet and joins over 07-25 – 07-26', async () => {
    const gw = new MemoryGateway({ sheets: [{ name: '罗盘', cells: compass }, { name: '千川', cells: uni }, { name: '备注', cells: [['日期', '成交金额']] }], active: '罗盘' });
    const found = await findHistory(gw);
    // The sheet the CLI reads first (more recognised columns), whichever is active; the other joins it.
    expect(found?.range.sheet).toBe('千川');
    expect(found?.more?.map((r) => r.sheet)).toEqual(['罗盘']);
    expect(found?.order).toEqual(['罗盘', '千川']);
    const read = readHistoryRange(found!.range, {}, found!.more, found!.order);
    if (!read.ok) throw new Error(read.error['en-US']);
    // GMV from 罗盘 11000 + 12000; spend from 千川 1000 + 1100; 千川's 整体成交金额 not added.
    expect(read.value.history.days.map((d) => [d.date, d.gmv, d.spend, d.paidGmv])).toEqual([
      ['2026-07-25', 11000, 1000, null],
      ['2026-07-26', 12000, 1100, null],
    ]);
    expect(read.value.totals).toMatchObject({ gmv: 23000, spend: 2100, paidGmv: null });
  });

  it('a plain single table is read as before (no join)', async () => {
    const gw = new MemoryGateway({ sheets: [{ name: '罗盘', cells: compass }] });
    const found = await findHistory(gw);
    expect(found?.more).toBeUndefined();
  });
});
