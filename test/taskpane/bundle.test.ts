/**
 * @jest-environment node
 *
 * The production task pane: Office.js from Microsoft's CDN in <head>, and at most 350 KB of
 * gzipped JavaScript before the pane is usable — charts and file readers come later, on demand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, ROOT } from '../helpers/build';

const DIST = join(ROOT, 'dist');
const BUDGET = 350 * 1024;

let html = '';
beforeAll(() => {
  ensureWebBuild();
  html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
}, 600_000);

/** Scripts the page loads up front (src attributes), in order. */
function scripts(): string[] {
  return [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1] as string);
}

describe('production task pane', () => {
  it('loads Office.js from Microsoft’s CDN in <head>, before the add-in’s own scripts', () => {
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const list = scripts();
    expect(list[0]).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(list.some((s) => s.endsWith('taskpane.js'))).toBe(true);
  });

  it('ships ≤ 350 KB of gzipped JavaScript up front, without the charts or a workbook reader', () => {
    const local = scripts().filter((s) => !/^https?:/.test(s));
    const files = local.map((s) => readFileSync(join(DIST, s.replace(/^\.?\//, ''))));
    const gzipped = files.reduce((n, f) => n + gzipSync(f, { level: 9 }).length, 0);
    console.log(`initial task-pane JavaScript: ${(gzipped / 1024).toFixed(0)} KB gzipped (${local.join(', ')})`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
    const initial = files.map((f) => f.toString('utf8')).join('\n');
    expect(initial).not.toContain('xAxisCalloutData'); // @fluentui/react-charts
    expect(initial).not.toContain('xl/workbook.xml'); // ExcelJS
  });
});
