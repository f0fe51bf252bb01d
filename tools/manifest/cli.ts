/** `npm run validate [manifest.xml]`: the offline manifest check; exit 1 with one line per problem. */
import { readFileSync } from 'node:fs';
import { validateManifestXml } from './validate';

const file = process.argv[2] ?? 'manifest.xml';
const problems = validateManifestXml(readFileSync(file, 'utf8'));
if (problems.length === 0) {
  console.log(`${file}: valid (offline checks: schema order, resources, https, icons, shared runtime, ADPLAN, zh-CN)`);
} else {
  console.error(`${file}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ✗ ${p.where}: ${p.message}`);
  process.exitCode = 1;
}
