/**
 * The Chinese data guide (help/data.zh-CN.html) is generated from the header registry: it lists
 * every alias the reader accepts, and the committed docs/data.zh-CN.md equals the rendering.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectHeader } from '../../src/data/table';
import { FIELDS } from '../../src/data/table';
import { renderDataGuideZh } from '../../tools/docs/data-headers';

const FILE = join(__dirname, '..', '..', 'docs', 'data.zh-CN.md');

test('docs/data.zh-CN.md is the rendering of the header registry', () => {
  const rendered = renderDataGuideZh();
  if (process.env.ADPLAN_UPDATE_DOCS === '1') writeFileSync(FILE, rendered);
  expect(readFileSync(FILE, 'utf8')).toBe(rendered);
});

test('every gmv header the guide lists is one the reader takes as gmv', () => {
  const gmv = FIELDS.find((f) => f.field === 'gmv');
  const line = renderDataGuideZh()
    .split('\n')
    .find((l) => l.startsWith('| 成交金额 | gmv |'));
  const listed = (line ?? '').split('|')[4]?.trim().split('、') ?? [];
  expect(listed).toEqual(gmv?.aliases);
  for (const h of listed) expect(detectHeader([['日期', '成交订单数', h]]).columns.gmv).toBe(2);
});

test('both built data pages have the #history anchor the pane links to (help/data*.html#history)', () => {
  // The plugin's own slug (headings' ids); the plugin itself needs ESM marked, run by webpack.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack plugin is CommonJS
  const { slug } = require('../../tools/webpack/help-pages.js') as { slug(heading: string): string };
  for (const file of ['data.md', 'data.zh-CN.md']) {
    const headings = readFileSync(join(__dirname, '..', '..', 'docs', file), 'utf8')
      .split('\n')
      .filter((l) => /^#{1,6} /u.test(l))
      .map((l) => slug(l.replace(/^#+ /u, '')));
    expect(headings).toContain('history');
  }
  expect(readFileSync(join(__dirname, '..', '..', 'webpack.config.js'), 'utf8')).toMatch(/to: 'help\/data\.zh-CN\.html'/u);
});
