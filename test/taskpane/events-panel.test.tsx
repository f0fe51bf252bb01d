/**
 * The calendar in the pane: the 活动日历 sheet is read like the assumptions (the sheet is the source
 * of truth) and its windows reach the plan; without one, the pane creates it with the upcoming
 * built-in windows; the flagged days are listed with dates.
 */
import { waitFor } from '@testing-library/react';
import { sampleGateway } from './fixtures';
import { renderPane, screen } from './render';
import { MemoryGateway } from '../../src/taskpane/gateway/memory';

jest.mock('../../src/taskpane/charts/ScenarioCharts', () => ({ __esModule: true, default: () => null }));

describe('event calendar panel', () => {
  it('creates the 活动日历 sheet with the upcoming built-in windows, then reads it back', async () => {
    const gw = sampleGateway();
    const { user } = renderPane(gw);
    await screen.findByRole('table', { name: 'Scenario comparison' });
    // The sample's history (2024-03-01 … 05-29) holds 38节 2024: flagged with its dates.
    const list = await screen.findByRole('list', { name: 'Flagged days' });
    expect(list.textContent).toContain('2024-03-06 – 2024-03-08 (3) · event · 38节 · peak');
    await user.click(screen.getByRole('button', { name: 'Create the 活动日历 sheet' }));
    await screen.findByText(/Calendar on sheet “活动日历”/u);
    const cells = gw.sheet('活动日历')?.cells ?? [];
    expect(cells[0]).toEqual(['活动', '阶段', '开始日期', '结束日期', '自然流倍数', '投放倍数']);
    // 618 2024 is the first event after the history (05-29): its build-up (05-13 … 05-26) is past, the warm-up next.
    expect(cells[1]?.slice(0, 4)).toEqual(['618', '预热', '2024-05-27', '2024-06-14']);
  });

  it('a bad row is listed with its cell; the good row counts as confirmed', async () => {
    const base = sampleGateway();
    const sheets = ['直播数据', '投放假设'].flatMap((n) => {
      const s = base.sheet(n);
      return s ? [{ name: n, cells: s.cells }] : [];
    });
    const gw = new MemoryGateway({
      sheets: [...sheets, { name: '活动日历', cells: [['活动', '阶段', '开始日期', '结束日期'], ['618', '爆发', '2024-06-15', '2024-06-18'], ['618', '返场', '2024-06-20', '2024-06-19']] }],
      active: sheets[0]!.name,
    });
    renderPane(gw);
    await screen.findByText(/Calendar on sheet “活动日历”: 1 window\(s\) confirmed/u);
    await waitFor(() => expect(screen.getByText(/the last day 2024-06-19 is before the first day 2024-06-20/u)).toBeInTheDocument());
  });
});
