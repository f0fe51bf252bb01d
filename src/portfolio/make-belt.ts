/**
 * Node script: write a synthetic belt of N merchant workbooks (+ broken files) into a folder,
 * for the portfolio tests and measurements. Big belts go under /tmp, never into the repo.
 *   node dist/node/src/portfolio/make-belt.js <dir> <N> [--seed S] [--broken K]
 * Files: <dir>/区县NN/merchant-NNNN.xlsx (20 per folder), an Excel lock file ~$… to be skipped,
 * and K broken files (not a workbook; a CSV without a GMV column; a third+ that is empty).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Workbook } from 'exceljs';
import { generateMerchant } from '../sample/merchant';
import { historyToCompassCells } from '../sample/sheet';
import { beltAssumptionCells, beltMerchant, type BeltKind } from './belt';

export function merchantPath(dir: string, index: number): string {
  const folder = `区县${String(Math.floor(index / 20) + 1).padStart(2, '0')}`;
  return join(dir, folder, `merchant-${String(index + 1).padStart(4, '0')}.xlsx`);
}

export async function merchantWorkbookBytes(beltSeed: number, index: number): Promise<{ bytes: Uint8Array; kind: BeltKind }> {
  const m = beltMerchant(beltSeed, index);
  const { history } = generateMerchant(m.seed, m.truth);
  const wb = new Workbook();
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  const hs = wb.addWorksheet('直播数据');
  for (const row of historyToCompassCells(history, { seed: m.seed })) hs.addRow(row);
  const as = wb.addWorksheet('投放假设');
  for (const row of beltAssumptionCells(m.base)) as.addRow(row);
  const buf = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buf as ArrayBuffer), kind: m.kind };
}

export const BROKEN_FILES: readonly { name: string; content: string }[] = [
  { name: 'broken/not-a-workbook.xlsx', content: 'this is not a zip archive' },
  { name: 'broken/no-gmv.csv', content: '日期,成交订单数,直播间观看次数\n2024-05-01,12,1500\n2024-05-02,14,1600\n' },
  { name: 'broken/empty.csv', content: '' },
];

export async function makeBelt(dir: string, n: number, beltSeed = 1, broken = 2): Promise<Record<BeltKind, number>> {
  const kinds: Record<BeltKind, number> = { ready: 0, 'no-paid': 0, thin: 0, new: 0, 'tight-cash': 0, 'thin-margin': 0 };
  for (let i = 0; i < n; i++) {
    const path = merchantPath(dir, i);
    await mkdir(join(path, '..'), { recursive: true });
    const { bytes, kind } = await merchantWorkbookBytes(beltSeed, i);
    kinds[kind] += 1;
    await writeFile(path, bytes);
    if (i === 0) await writeFile(join(path, '..', `~$${path.split(/[\\/]/u).pop() ?? ''}`), 'lock');
  }
  for (const f of BROKEN_FILES.slice(0, broken)) {
    await mkdir(join(dir, f.name, '..'), { recursive: true });
    await writeFile(join(dir, f.name), f.content);
  }
  return kinds;
}

if (require.main === module) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string' }, broken: { type: 'string' } } });
  const [dir, n] = positionals;
  if (dir === undefined || n === undefined || !(Number(n) >= 0)) {
    process.stderr.write('usage: make-belt <dir> <N> [--seed S] [--broken K]\n');
    process.exitCode = 2;
  } else {
    makeBelt(dir, Number(n), Number(values.seed ?? 1), Number(values.broken ?? 2)).then(
      (kinds) => process.stdout.write(`${JSON.stringify({ dir, merchants: Number(n), kinds })}\n`),
      (e: unknown) => {
        process.stderr.write(`make-belt: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      },
    );
  }
}
