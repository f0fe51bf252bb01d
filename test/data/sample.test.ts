import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkbookFile } from '../../src/data/node';
import { readWorkbookBuffer } from '../../src/data/merchant';
import type { Cell } from '../../src/data/table';
import { DEFAULT_PRESETS } from '../../src/model/economics';
import { generateMerchant } from '../../src/sample/merchant';
import { historyToCompassCells, splitInteger, splitMoney } from '../../src/sample/sheet';
import { SAMPLE_ASSUMPTIONS_SHEET, SAMPLE_BASE, SAMPLE_HISTORY_SHEET, sampleWorkbookBytes } from '../../src/sample/workbook';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', 'merchant-sample.xlsx');

describe('session splitting', () => {
  it('parts add back exactly, money in cents', () => {
    expect(splitInteger(10, [1, 1, 1])).toEqual([3, 3, 4]);
    expect(splitMoney(100.01, [1, 1])).toEqual([50, 50.01]);
  });
});

describe('Compass-style sheet', () => {
  const { history } = generateMerchant(1, { days: 90 });
  const cells = historyToCompassCells(history, { seed: 1 });
  const strings = cells.flat().filter((v: Cell): v is string => typeof v === 'string');

  it('has the messy cells real exports have', () => {
    expect(strings.some((s) => /^\d+(\.\d+)?万$/u.test(s))).toBe(true);
    expect(strings.some((s) => /^¥[\d,]+\.\d\d$/u.test(s))).toBe(true);
    expect(strings).toContain('--');
    expect(strings.some((s) => /[０-９]/u.test(s))).toBe(true);
    expect(strings.some((s) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/u.test(s))).toBe(true);
    // A blank line then 合计 at the bottom.
    expect(cells[cells.length - 2]?.every((c) => c === null)).toBe(true);
    expect(cells[cells.length - 1]?.[0]).toBe('合计');
  });
});

describe('the shipped sample workbook (assets/sample/merchant-sample.xlsx)', () => {
  it('reads back to the generator’s history (seed 1, 90 days) with zero errors', async () => {
    const r = await loadWorkbookFile(SAMPLE);
    const { history } = generateMerchant(1, { days: 90 });
    expect(r.historySheet).toBe(SAMPLE_HISTORY_SHEET);
    expect(r.history.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.history.history.days).toHaveLength(90);
    r.history.history.days.forEach((d, i) => {
      const t = history.days[i];
      for (const k of Object.keys(d) as (keyof typeof d)[]) {
        const a = d[k];
        const b = t?.[k];
        if (typeof a === 'number' && typeof b === 'number') expect(a).toBeCloseTo(b, 6);
        else expect(a).toEqual(b);
      }
    });
  });

  it('has an assumptions sheet whose scenarios are Base (+ presets), Conservative and Aggressive', async () => {
    const r = await loadWorkbookFile(SAMPLE);
    expect(r.assumptionsSheet).toBe(SAMPLE_ASSUMPTIONS_SHEET);
    // No errors or warnings; the one note lists the readiness thresholds and noise left at their defaults.
    expect(r.assumptions?.issues.map((i) => i.severity)).toEqual(['info']);
    expect(r.assumptions?.issues[0]?.message['en-US']).toBe(
      'defaults used for keys not in the table: min_days 14, max_cvr_cv 0.35, max_refund_rate 0.5, min_orders_per_day 3, daily_noise 0.15, curve_basis auto, uni_roi_scope room, grant_share 0, delivery_mode cost, target_rule profit, event_handling model',
    );
    const [base, cons, aggr] = r.assumptions?.scenarios ?? [];
    expect(base?.name).toBe('Base');
    expect(base?.values).toMatchObject({ ...SAMPLE_BASE, ...DEFAULT_PRESETS[0]?.values });
    expect(cons?.values).toMatchObject({ ...SAMPLE_BASE, ...DEFAULT_PRESETS.find((p) => p.name === 'Conservative')?.values });
    expect(aggr?.values).toMatchObject({ ...SAMPLE_BASE, ...DEFAULT_PRESETS.find((p) => p.name === 'Aggressive')?.values });
    expect(base?.values.refund_rate).toBeUndefined(); // left blank: from history
  });

  it('is what the generator writes today (regenerate with scripts/make-sample.ts if this fails)', async () => {
    const fresh = await readWorkbookBuffer(await sampleWorkbookBytes(1, { days: 90 }), 'merchant-sample.xlsx');
    const shipped = await readWorkbookBuffer(new Uint8Array(readFileSync(SAMPLE)), 'merchant-sample.xlsx');
    expect(shipped.history).toEqual(fresh.history);
    expect(shipped.assumptions).toEqual(fresh.assumptions);
  });
});
