import { addDays } from '../../src/model/core';
import { readLiftResults } from '../../src/data/experiment';
import { readScheduleSheet } from '../../src/data/experiment';

describe('实验结果 sheet', () => {
  const cells = [
    ['实验结果'],
    ['期间', '调整前消耗', '消耗变化', '成交变化', 'σ', '来源'],
    ['2026-03-01~2026-04-09', 6000, 2100, 5200, 1300, '切换实验'],
    ['2026-03-01~2026-04-09', 6000, 2100, 5200, null, '服务商'],
    ['2025-01-01~2025-02-01', 6000, 2100, 5200, 900, '旧实验'],
    ['2026-02-01 至 2026-02-20', 5000, 1000, 2500, 800, null],
  ];
  const r = readLiftResults(cells, { sheet: '实验结果' }, ['2026-01-05', '2026-05-01']);
  it('reads valid rows into lift observations', () => {
    expect(r.observations).toEqual([
      { first: '2026-03-01', last: '2026-04-09', spendBefore: 6000, deltaSpend: 2100, deltaGmv: 5200, sigma: 1300, source: '切换实验' },
      { first: '2026-02-01', last: '2026-02-20', spendBefore: 5000, deltaSpend: 1000, deltaGmv: 2500, sigma: 800, source: '实验结果' },
    ]);
  });
  it('a row without σ and a period outside the history are errors naming the cell', () => {
    const errs = r.issues.filter((i) => i.severity === 'error');
    expect(errs.map((i) => `${i.sheet}!${i.address}`)).toEqual(['实验结果!E4', '实验结果!A5']);
    expect(errs[0]!.message['zh-CN']).toContain('σ');
    expect(errs[1]!.message['en-US']).toContain('outside the history (2026-01-05 – 2026-05-01)');
  });
});

describe('实验计划 sheet', () => {
  it('block rows expand to days; overlapping blocks are errors naming both rows', () => {
    const cells = [
      ['开始日期', '结束日期', 'ROI目标', '口径'],
      ['2026-03-02', '2026-03-06', 3, '净成交ROI'],
      ['2026-03-07', '2026-03-11', 2.75, '净成交ROI'],
      ['2026-03-10', '2026-03-14', 3, '净成交ROI'],
      ['2026-03-12', '2026-03-16', 3, '净成交ROI'],
    ];
    const r = readScheduleSheet(cells, { sheet: '实验计划' });
    const errs = r.issues.filter((i) => i.severity === 'error');
    expect(errs).toHaveLength(1);
    expect(errs[0]!.address).toBe('A4');
    expect(errs[0]!.message['en-US']).toContain('overlaps row 3 on 2026-03-10');
    const s = r.schedule!;
    expect(s.basis).toBe('net');
    expect(s.days[0]!.date).toBe('2026-03-02');
    expect(s.days[s.days.length - 1]!.date).toBe('2026-03-16');
    expect(s.days.filter((d) => d.target === 2.75)).toHaveLength(5);
    // Learning: the day of each change is dropped.
    expect(s.days.filter((d) => d.drop).map((d) => d.date)).toEqual(['2026-03-07', '2026-03-12']);
  });
  it('day rows honour the 剔除 column', () => {
    const cells = [
      ['日期', 'ROI目标', '剔除'],
      ['2026-03-02', 3, '否'],
      ['2026-03-03', 2.8, '是'],
      ['2026-03-04', 2.8, '是'],
      ['2026-03-04', 3, '否'],
    ];
    const r = readScheduleSheet(cells);
    expect(r.schedule!.days.map((d) => d.drop)).toEqual([false, true, true]);
    expect(r.issues.map((i) => i.address)).toEqual(['A5']);
  });
});

describe('a merchant workbook with 实验计划 and 实验结果 sheets', () => {
  it('reads the results into liftObservations and the plan as the schedule, never as a target log or history', async () => {
    const { Workbook } = await import('exceljs');
    const { readMerchantBuffers } = await import('../../src/data/merchant');
    const wb = new Workbook();
    const h = wb.addWorksheet('全域推广数据');
    h.addRow(['日期', '整体消耗', '整体成交金额', '整体成交订单数']);
    for (let i = 0; i < 40; i++) h.addRow([addDays('2026-03-01', i), 5000 + 10 * i, 30000 + 50 * i, 200]);
    const p = wb.addWorksheet('实验计划');
    p.addRow(['实验计划 — 交替实验']);
    p.addRow([]);
    p.addRow([]);
    p.addRow(['日期', '星期', '档位', 'ROI目标', '口径', '调整', '剔除']);
    p.addRow(['2026-03-02', '周一', 0, 3, '净成交ROI', '', '否']);
    p.addRow(['2026-03-03', '周二', 1, 2.8, '净成交ROI', '目标调为 2.8', '是']);
    const r = wb.addWorksheet('实验结果');
    r.addRow(['期间', '调整前消耗', '消耗变化', '成交变化', 'σ', '来源']);
    r.addRow(['2026-03-02~2026-03-20', 5000, 1500, 4000, 1200, '交替实验']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const read = await readMerchantBuffers([{ data: bytes, fileName: 'room.xlsx' }]);
    expect(read.history.history.liftObservations).toEqual([{ first: '2026-03-02', last: '2026-03-20', spendBefore: 5000, deltaSpend: 1500, deltaGmv: 4000, sigma: 1200, source: '交替实验' }]);
    expect(read.history.history.targetLog).toBeUndefined();
    expect(read.experimentSchedule?.schedule?.levels).toEqual([3, 2.8]);
    expect(read.history.history.days).toHaveLength(40);
  });
});
