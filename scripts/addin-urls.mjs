// The URLs and sideload steps that `npm start` and `npm run sideload:web` print (one wording).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ORIGIN = 'https://localhost:3000';

export function instructions({ preview = existsSync(resolve('src/preview/index.tsx')) } = {}) {
  const manifestFile = resolve('manifest.xml');
  const lines = [];
  if (preview) {
    lines.push(`  Try it in this browser, no Excel needed:  ${ORIGIN}/preview.html`, '');
  }
  lines.push(
    `  Task pane:      ${ORIGIN}/taskpane.html`,
    `  Manifest (dev): ${ORIGIN}/manifest.xml   (file: ${manifestFile})`,
    `  Functions:      ${ORIGIN}/functions.json, ${ORIGIN}/functions.zh-cn.json`,
    '',
    '  Sideload into Excel on the web (any OS, the browser must run on this machine):',
    `    1. Open ${ORIGIN}/taskpane.html once and accept the self-signed certificate`,
    '       (or, in Chrome/Edge, enable chrome://flags/#allow-insecure-localhost).',
    '    2. Open a workbook at https://www.office.com (Excel on the web).',
    '    3. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in,',
    `       choose ${manifestFile}, then Upload.`,
    '    4. The "AdPlan (dev)" group appears on the Home tab; type =ADPLAN. in a cell for the functions.',
    '',
    '  Excel desktop (Windows or Mac; not available on Linux):  npm run sideload:desktop',
    '  Stop with Ctrl-C.',
  );
  return lines.join('\n');
}
