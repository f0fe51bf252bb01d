// `npm run sideload:web [-- --document <Excel-on-the-web URL>]`
// Without a document URL: prints the manual "Upload My Add-in" steps (work from any OS).
// With one: hands over to Microsoft's office-addin-debugging, fetched on demand (it is kept out of
// the project's dependencies because its keytar dependency cannot install offline; see README).
import { spawnSync } from 'node:child_process';
import { instructions } from './addin-urls.mjs';

const at = process.argv.indexOf('--document');
if (at < 0 || !process.argv[at + 1]) {
  console.log('Start the dev server first (npm start), then:\n');
  console.log(instructions({ preview: false }));
  process.exit(0);
}
const r = spawnSync('npx', ['--yes', 'office-addin-debugging', 'start', 'manifest.xml', 'web', '--document', process.argv[at + 1]], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
