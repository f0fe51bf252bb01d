/**
 * Writes assets/sample/formulas-demo.xlsx: the sample merchant with a dashboard of ADPLAN formulas.
 * Run: npm run build:node && node dist/node/scripts/make-demo.js
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoWorkbookBytes } from '../src/sample/demo-workbook';

async function run(): Promise<void> {
  const dir = join(__dirname, '..', '..', '..', 'assets', 'sample');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'formulas-demo.xlsx');
  await writeFile(file, await demoWorkbookBytes(1));
  process.stdout.write(`wrote ${file}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
