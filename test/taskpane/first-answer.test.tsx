/**
 * A plain export in the pane: what is missing said at once, a first plan on labelled category
 * defaults on request, and the 退款率 hint that agrees with the blocker when the history has no
 * refunds.
 */
import { waitFor } from '@testing-library/react';
import type { Cell } from '../../src/data/table';
import { ASSUMPTIONS_SHEET, sampleGateway, sampleHistoryCells } from './fixtures';
import { renderPane, screen } from './render';

describe('a first answer from a plain export', () => {
  it('says at once what is missing, then gives a first plan on labelled defaults when asked', async () => {
    const gw = sampleGateway({ assumptions: false });
    const { user } = renderPane(gw, 'zh-CN');
    expect(await screen.findByText(/还差 2 项才能出方案：商品成本率、可用资金/u, {}, { timeout: 30000 })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '先按行业默认值出一版方案' }));
    const label = await screen.findByTestId('defaults-label', {}, { timeout: 30000 });
    expect(label.textContent).toMatch(/这是按行业默认值出的第一版方案，不是本店的数字：商品成本率 40%、可用资金 ¥/u);
    expect(await screen.findByTestId('action-card', {}, { timeout: 30000 })).toBeInTheDocument();
    // Nothing was written to the workbook.
    expect(gw.sheet(ASSUMPTIONS_SHEET)).toBeUndefined();
  });

  it('without refunds in the history, 退款率 is required in the hint too', async () => {
    const cells = sampleHistoryCells().map((r) => [...r]);
    const col = (cells[0] as Cell[]).findIndex((h) => typeof h === 'string' && h.includes('退款'));
    expect(col).toBeGreaterThanOrEqual(0);
    const noRefunds = cells.map((r) => r.filter((_, i) => i !== col));
    const gw = sampleGateway({ assumptions: false, history: noRefunds });
    const { user } = renderPane(gw, 'en-US');
    expect(await screen.findByText(/3 inputs missing before a plan can be made: .*Refund rate \(refund_rate, not in the history\)/u, {}, { timeout: 30000 })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Create assumptions sheet' }));
    await waitFor(() => expect(gw.names.ADPLAN_Assumptions).toBeDefined());
    const hints = await screen.findAllByText('Required: the history does not have it');
    // Only 退款率 lacks: AOV still comes from the history's orders.
    expect(hints.map((h) => h.parentElement?.closest('.fui-Field')?.textContent ?? '').join(' | ')).toMatch(/refund/iu);
    expect(hints).toHaveLength(hints.filter((h) => /refund/iu.test(h.parentElement?.closest('.fui-Field')?.textContent ?? '')).length);
  });
});
