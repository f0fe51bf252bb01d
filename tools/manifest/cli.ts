/** `npm run validate [manifest.xml]`: the offline manifest check; exit 1 with one line per problem. */
import { readFileSync } from 'node:fs';
import { SEQUENCES } from './schema';
import { validateManifestXml } from './validate';

const file = process.argv[2] ?? 'manifest.xml';
const problems = validateManifestXml(readFileSync(file, 'utf8'));
if (problems.length === 0) {
  console.log(
    `${file}: passes the offline checks — children in the schema's sequence for the ${Object.keys(SEQUENCES).length} element types it uses, ` +
      'Version pattern, string lengths, resource ids, https, icons, shared runtime, ADPLAN, zh-CN. ' +
      "Not a full XSD validation: run npm run validate:online for Microsoft's validator.",
  );
} else {
  console.error(`${file}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ✗ ${p.where}: ${p.message}`);
  process.exitCode = 1;
}
