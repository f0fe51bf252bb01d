/**
 * Writes assets/sample/merchant-sample.xlsx (direct split, 90 days, seed 1) and
 * assets/sample/qianchuan-uni-sample.xlsx (千川全域, whole-room only, 90 days, seed 1).
 * Run: npm run build:node && node dist/node/scripts/make-sample.js
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { roomSampleWorkbookBytes } from '../src/sample/room-workbook';
import { sampleWorkbookBytes } from '../src/sample/workbook';

async function run(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  const dir = join(root, 'assets', 'sample');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'merchant-sample.xlsx');
  await writeFile(file, await sampleWorkbookBytes(1, { days: 90 }));
  process.stdout.write(`wrote ${file}\n`);
  const uni = join(dir, 'qianchuan-uni-sample.xlsx');
  await writeFile(uni, await roomSampleWorkbookBytes(1));
  process.stdout.write(`wrote ${uni}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
