/**
 * The shipped 全域 sample (assets/sample/qianchuan-uni-sample.xlsx, scripts/make-sample.ts): it is
 * a faithful 千川全域 抖音号 daily export, it matches its seeded generator, and `adplan plan` on it
 * recovers the sustainable spend and 整体ROI target the generator's truth implies. The true S* is
 * worked out here from MODEL.md §3 and §6 by hand, not taken from the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { DEFAULT_PRESETS } from '../../src/model/economics';
import { buildRoomSampleWorkbook, ROOM_EXPORT_HEADERS, ROOM_SAMPLE_SHEET, roomSampleWorkbookBytes } from '../../src/sample/room-workbook';
import { SAMPLE_ASSUMPTIONS_SHEET, SAMPLE_BASE } from '../../src/sample/workbook';
import { runCli } from '../helpers/cli';

const FILE = join(__dirname, '..', '..', 'assets', 'sample', 'qianchuan-uni-sample.xlsx');

const run = runCli;

async function sheetValues(bytes: Uint8Array | Buffer, name: string): Promise<unknown[][]> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  const rows: unknown[][] = [];
  ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('the shipped 全域 sample workbook', () => {
  const { truth, history } = buildRoomSampleWorkbook(1);

  it('is what the generator writes today (seed 1): regenerate with scripts/make-sample.ts', async () => {
    const shipped = await sheetValues(readFileSync(FILE), ROOM_SAMPLE_SHEET);
    const fresh = await sheetValues(await roomSampleWorkbookBytes(1), ROOM_SAMPLE_SHEET);
    expect(shipped).toEqual(fresh);
  });

  it('looks like a real 千川全域 export: verbatim headers, a 全部 row, text numbers with ",", "1.20%" rates', async () => {
    const rows = await sheetValues(readFileSync(FILE), ROOM_SAMPLE_SHEET);
    expect(rows[0]).toEqual([...ROOM_EXPORT_HEADERS]);
    expect(rows[1]?.[0]).toBe('全部');
    expect(rows).toHaveLength(2 + 90);
    const cells = rows.slice(1).flat();
    expect(cells.every((c) => typeof c === 'string')).toBe(true);
    expect(cells.some((c) => /^\d{1,3}(,\d{3})+\.\d\d$/u.test(c as string))).toBe(true);
    expect(rows.slice(2).every((r) => /^\d+\.\d\d%$/u.test(r[9] as string))).toBe(true);
    // Pre-ad days: no spend, so ROI is "-" like the platform writes it.
    expect(rows[2]?.[2]).toBe('0.00');
    expect(rows[2]?.[3]).toBe('-');
  });

  it('has pre-ad days and always-on spend varying 3–8× after them', () => {
    const spends = history.days.map((d) => d.spend);
    expect(spends.slice(0, truth.preAdDays).every((s) => s === 0)).toBe(true);
    expect(truth.preAdDays).toBeGreaterThanOrEqual(7);
    const on = spends.slice(truth.preAdDays);
    expect(on.every((s) => s > 0)).toBe(true);
    const range = Math.max(...on) / Math.min(...on);
    expect(range).toBeGreaterThanOrEqual(3);
    expect(range).toBeLessThanOrEqual(8);
  });

  it('has the 投放假设 sheet laid out like the direct sample, with refund_rate and cash', async () => {
    const rows = await sheetValues(readFileSync(FILE), SAMPLE_ASSUMPTIONS_SHEET);
    expect(rows[0]?.slice(0, 6)).toEqual(['key', '中文名', '单位', 'Base', 'Conservative', 'Aggressive']);
    const base = (key: string): unknown => rows.find((r) => r[0] === key)?.[3];
    expect(base('refund_rate')).toBe(truth.refundRate);
    expect(base('cash_available')).toBe(SAMPLE_BASE.cash_available);
    expect(base('cogs_rate')).toBe(SAMPLE_BASE.cogs_rate);
  });

  it('adplan check: recognised as 千川全域, 全部 row dropped, paid GMV unknown, exit 0', async () => {
    const r = await run(['check', FILE, '--json', '--lang', 'en-US']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { family: string; days: number; totals: { gmv: number; spend: number; paidGmv: number | null }; issues: { severity: string; address: string | null; message: string }[] };
    expect(j.family).toBe('qianchuan_uni_live');
    expect(j.days).toBe(90);
    expect(j.totals.paidGmv).toBeNull();
    // Totals are the 90 days' own sums: the 全部 row is not added in again.
    const sum = (f: (d: (typeof history.days)[number]) => number): number => history.days.reduce((s, d) => s + f(d), 0);
    expect(j.totals.gmv).toBeCloseTo(sum((d) => d.gmv), 2);
    expect(j.totals.spend).toBeCloseTo(sum((d) => d.spend), 2);
    expect(j.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(j.issues.some((i) => i.address === 'B2' && /period total/u.test(i.message))).toBe(true);
  });

  it('adplan plan --json: whole-room basis, an identified fit, S* and the 整体ROI target near the truth', async () => {
    const r = await run(['plan', FILE, '--json', '--runs', '0']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      curve: { basis: string; model: string; sStarInterval: [number, number] | null };
      scenarios: { name: string; kpis: { sustainableSpend: number }; economics: { targets: { roomRoi: number; roomRoiNet: number; dailyBudget: number } } }[];
    };
    expect(j.curve.basis).toBe('whole-room');
    expect(j.curve.model).not.toBe('assumed');
    expect(j.curve.sStarInterval).not.toBeNull();

    // MODEL §3: u = (1−ρ)(1−f−c) − (1−ρ)k − ρ(1−q)k − (s + ρ·r)/AOV, with the sample's own numbers.
    const b = SAMPLE_BASE as Required<typeof SAMPLE_BASE>;
    const rho = truth.refundRate;
    const u = (1 - rho) * (1 - b.fee_rate - b.commission_rate) - (1 - rho) * b.cogs_rate - rho * (1 - b.resale_rate) * b.cogs_rate - (b.shipping_per_order + rho * b.return_shipping) / truth.aov;
    // §6 with L = 0 (whole-room: the curve already holds the lift): m* = (1 + margin)/u; for a Hill
    // curve with a = 1, m(S) = Gmax·K/(S + K)², so S* = √(Gmax·K/m*) − K.
    const margin = DEFAULT_PRESETS.find((p) => p.name === 'Base')?.values.safety_margin as number;
    const mStar = (1 + margin) / u;
    const { gmax, k, a } = truth.curve;
    expect(a).toBe(1);
    const sTrue = Math.sqrt((gmax * k) / mStar) - k;
    // §12: the 整体支付ROI target is (organic + Gp(S*))/S* at the sustainable spend.
    const tTrue = (truth.organicPerDay + (gmax * sTrue) / (sTrue + k)) / sTrue;

    const s = j.scenarios[0]!;
    expect(s.name).toBe('Base');
    expect(Math.abs(s.kpis.sustainableSpend / sTrue - 1)).toBeLessThan(0.1);
    expect(Math.abs(s.economics.targets.roomRoi / tTrue - 1)).toBeLessThan(0.1);
    const [lo, hi] = j.curve.sStarInterval!;
    expect(lo).toBeLessThanOrEqual(sTrue);
    expect(hi).toBeGreaterThanOrEqual(sTrue);
    expect(s.economics.targets.dailyBudget).toBe(s.kpis.sustainableSpend);
    expect(s.economics.targets.roomRoiNet).toBeGreaterThan(0);
    expect(s.economics.targets.roomRoiNet).toBeLessThan(s.economics.targets.roomRoi);
    expect(j.scenarios.map((x) => x.name)).toEqual(['Base', 'Conservative', 'Aggressive']);
  });
});
