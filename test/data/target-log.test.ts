/**
 * The ROI target log (ROI目标记录): read like every other source — zh-CN or en-US headers, a sheet
 * or a CSV of its own, several per merchant merged on the date — attached to the history, with
 * bad cells reported by address and left out.
 */
import { readMerchantBuffers, readTargetLog } from '../../src/data/merchant';
import { generateRoomMerchant } from '../../src/sample/room-merchant';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const { history } = generateRoomMerchant(4, { days: 40 });
const exportCsv = [['日期', '整体消耗', '整体成交金额', '整体成交订单数'].join(','), ...history.days.map((d) => [d.date, d.spend, d.gmv, d.orders].join(','))].join('\n');

describe('readTargetLog', () => {
  it('zh-CN headers: time with a clock, target, 口径, 投放模式; the last change of a day wins', () => {
    const r = readTargetLog({
      name: 'ROI目标记录',
      cells: [
        ['时间', 'ROI目标', '口径', '投放模式'],
        ['2026-03-05 10:00', 3, '支付ROI', '控成本'],
        ['2026-03-05 15:30', 2.9, '净成交ROI', '控成本'],
        ['2026/3/12', '2.7', '净成交', '放量'],
      ],
    });
    expect(r.entries).toEqual([
      { date: '2026-03-05', target: 2.9, basis: 'net', mode: 'cost' },
      { date: '2026-03-12', target: 2.7, basis: 'net', mode: 'volume' },
    ]);
    expect(r.issues).toEqual([]);
  });

  it('en-US headers; missing basis and mode read as 净成交 / 控成本 and said once', () => {
    const r = readTargetLog({ name: 'log', cells: [['date', 'target', 'basis'], ['2026-03-01', 3.1, ''], ['2026-03-04', 2.8, 'pay']] });
    expect(r.entries).toEqual([
      { date: '2026-03-01', target: 3.1, basis: 'net', mode: 'cost' },
      { date: '2026-03-04', target: 2.8, basis: 'pay', mode: 'cost' },
    ]);
    expect(r.issues.map((i) => i.severity)).toEqual(['info', 'info']);
  });

  it('bad cells: reported by address, row left out', () => {
    const r = readTargetLog({ name: 'ROI目标记录', cells: [['时间', 'ROI目标', '口径'], ['yesterday', 3, '支付'], ['2026-03-02', -1, '支付'], ['2026-03-03', 3, 'GPM'], ['2026-03-04', 3, '支付']] });
    expect(r.entries).toHaveLength(1);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.address)).toEqual(['A2', 'B3', 'C4']);
    expect(r.issues[0]!.message['zh-CN']).toMatch(/ROI目标记录/u);
  });
});

describe('the target log joins the merchant', () => {
  it('a CSV of its own beside the export, and a second log: merged, on the history', async () => {
    const read = await readMerchantBuffers([
      { data: enc(exportCsv), fileName: '全域.csv' },
      { data: enc('时间,ROI目标,口径,投放模式\n2026-03-10 09:00,3.2,净成交,控成本\n2026-03-20,3.0,净成交,控成本\n'), fileName: 'ROI目标记录.csv' },
      { data: enc('date,target,basis,mode\n2026-03-20,2.8,net,cost\n2026-03-25,2.6,pay,cost\n'), fileName: 'log2.csv' },
    ]);
    expect(read.history.history.targetLog).toEqual([
      { date: '2026-03-10', target: 3.2, basis: 'net', mode: 'cost' },
      { date: '2026-03-20', target: 2.8, basis: 'net', mode: 'cost' },
      { date: '2026-03-25', target: 2.6, basis: 'pay', mode: 'cost' },
    ]);
    expect(read.history.history.days).toHaveLength(40);
  });

  it('no log: the history has none', async () => {
    const read = await readMerchantBuffers([{ data: enc(exportCsv), fileName: '全域.csv' }]);
    expect(read.history.history.targetLog).toBeUndefined();
  });
});
