/**
 * `--assumptions FILE`: a provider's standard assumptions table for merchants whose exports
 * carry none (a CSV from Compass, say). One rule for `plan` and `portfolio` (src/data/scenarios-for).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '../../src/data/table';
import { readAssumptionsBuffer } from '../../src/data/merchant';
import { scenariosFor } from '../../src/data/assumptions';
import { readAssumptions } from '../../src/data/assumptions';
import { AdplanError } from '../../src/model/core';
import { generateMerchant } from '../../src/sample/merchant';
import { historyToCompassCells } from '../../src/sample/sheet';
import { sampleAssumptionCells } from '../../src/sample/workbook';
import { runCli } from '../helpers/cli';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', 'merchant-sample.xlsx');

function csv(cells: readonly (readonly Cell[])[]): string {
  const q = (c: Cell): string => {
    if (c === null || c === undefined) return '';
    const s = c instanceof Date ? c.toISOString() : String(c);
    return /[",\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  };
  return cells.map((r) => r.map(q).join(',')).join('\n');
}

const run = runCli;

const dir = mkdtempSync(join(tmpdir(), 'adplan-shared-'));
const historyCsv = join(dir, 'merchant.csv');
const assumptionsCsv = join(dir, 'standard-assumptions.csv');
writeFileSync(historyCsv, csv(historyToCompassCells(generateMerchant(1).history, { seed: 1 })));
writeFileSync(assumptionsCsv, csv(sampleAssumptionCells()));

describe('scenariosFor', () => {
  const own = readAssumptions([['key', 'Base'], ['cogs_rate', 0.3], ['cash_available', 1000]]);
  const shared = { source: 'std.xlsx', read: readAssumptions([['key', 'Base'], ['cogs_rate', 0.5], ['cash_available', 9000]]) };

  it("uses the file's own table first, the shared one for a file without, and says what to add otherwise", () => {
    expect(scenariosFor({ fileName: 'a.xlsx', assumptions: own }, shared)[0]?.values.cogs_rate).toBe(0.3);
    expect(scenariosFor({ fileName: 'a.csv' }, shared)[0]?.values.cogs_rate).toBe(0.5);
    expect(() => scenariosFor({ fileName: 'a.csv' })).toThrow(/a\.csv has no assumptions table.*--assumptions FILE/u);
  });

  it('names the first bad cell of the table it uses', () => {
    const bad = { source: 'std.xlsx', read: readAssumptions([['key', 'Base'], ['cogs_rate', 'forty'], ['cash_available', 9000]]) };
    try {
      scenariosFor({ fileName: 'a.csv' }, bad);
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(AdplanError);
      expect((e as AdplanError).text['en-US']).toMatch(/^std\.xlsx: assumptions table B2: /u);
    }
  });

  it('reads an assumptions-only file (CSV) and refuses a file without one', async () => {
    const r = await readAssumptionsBuffer(new TextEncoder().encode(csv(sampleAssumptionCells())), 'std.csv');
    expect(r.read.scenarios.map((s) => s.name)).toEqual(['Base', 'Conservative', 'Aggressive']);
    await expect(readAssumptionsBuffer(new TextEncoder().encode('a,b\n1,2'), 'x.csv')).rejects.toThrow(/x\.csv has no assumptions table/u);
  });
});

describe('adplan plan --assumptions', () => {
  it('plans a CSV export with the shared table exactly as the workbook that carries the same table', async () => {
    const fromCsv = await run(['plan', historyCsv, '--assumptions', assumptionsCsv, '--json', '--runs', '0']);
    expect(fromCsv.err).toBe('');
    expect(fromCsv.code).toBe(0);
    const fromXlsx = await run(['plan', SAMPLE, '--json', '--runs', '0']);
    const kpis = (o: string) => (JSON.parse(o) as { scenarios: { name: string; kpis: Record<string, unknown> }[] }).scenarios.map((s) => [s.name, s.kpis]);
    expect(kpis(fromCsv.out)).toEqual(kpis(fromXlsx.out));
  });

  it('without it, a CSV export is refused with a message saying what to add', async () => {
    const r = await run(['plan', historyCsv, '--runs', '0']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no assumptions table.*--assumptions FILE/u);
  });
});

describe('adplan portfolio --assumptions', () => {
  it('plans CSV merchants with the shared table and does not take the table for a merchant', async () => {
    const belt = mkdtempSync(join(tmpdir(), 'adplan-belt-'));
    writeFileSync(join(belt, 'm1.csv'), csv(historyToCompassCells(generateMerchant(1).history, { seed: 1 })));
    writeFileSync(join(belt, 'm2.csv'), csv(historyToCompassCells(generateMerchant(2).history, { seed: 2 })));
    writeFileSync(join(belt, 'standard.csv'), csv(sampleAssumptionCells()));
    const r = await run(['portfolio', belt, '--assumptions', join(belt, 'standard.csv'), '--jobs', '1', '--runs', '50', '--json']);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.out) as { merchants: { file: string; status: string }[] }).merchants;
    expect(rows.map((m) => m.file.split('/').pop()).sort()).toEqual(['m1.csv', 'm2.csv']);
    expect(rows.every((m) => m.status !== 'error')).toBe(true);
  });
});
