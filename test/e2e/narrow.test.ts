/**
 * The pane at a real task-pane width (320 and 350 px), in Chinese and English: the first screen
 * after opening a workbook shows the action card; the comparison with four scenarios has no text
 * outside its cell (bounding boxes); the language switch keeps the opened file and its edits.
 * Screenshots land in test-artifacts/ (the reviewed ones are copied to docs/images/).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { sampleWorkbookBytes, SAMPLE_ASSUMPTIONS_SHEET } from '../../src/sample/workbook';
import { ROOT } from '../helpers/build';
import { collectErrors, screenshot, servedDist } from './browser';

const TABLE = { 'en-US': 'Scenario comparison', 'zh-CN': '情景对比' } as const;
const OPEN = { 'en-US': 'Open workbook', 'zh-CN': '打开工作簿' } as const;
const SCROLLER = { 'en-US': 'Scenario comparison (scrolls sideways)', 'zh-CN': '情景对比（可左右滚动）' } as const;
const AXE = require.resolve('axe-core/axe.min.js');
type Lang = keyof typeof TABLE;
/** Both languages at the task pane's real widths. */
const PANE_SIZES: readonly (readonly [Lang, number])[] = [
  ['zh-CN', 350],
  ['zh-CN', 320],
  ['en-US', 350],
  ['en-US', 320],
];

const dist = servedDist();
let fourScenarios: string;

/** The sample merchant with a fourth scenario column (a long Chinese name: the hardest case). */
async function withFourScenarios(dir: string): Promise<string> {
  const wb = new Workbook();
  await wb.xlsx.load((await sampleWorkbookBytes(1)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SAMPLE_ASSUMPTIONS_SHEET)!;
  const header = ws.getRow(1).values as unknown[];
  const at = header.findIndex((v) => v === 'Aggressive');
  if (at < 0) throw new Error('no Aggressive column in the sample');
  ws.spliceColumns(at + 1, 0, ['进取加码方案']);
  const ramp = ws.getColumn(1).values.findIndex((v) => v === 'ramp_rate');
  if (ramp > 0) ws.getCell(ramp, at + 1).value = 0.5;
  const file = join(dir, '四个方案.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

beforeAll(async () => {
  fourScenarios = await withFourScenarios(mkdtempSync(join(tmpdir(), 'adplan-narrow-')));
}, 600_000);

async function openNarrow(lang: Lang, width: number, theme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[] }> {
  const page = await dist.browser.newPage({ viewport: { width, height: 720 }, deviceScaleFactor: 2 });
  const errors = collectErrors(page);
  await page.goto(`${dist.url}/preview.html?lang=${lang}${theme === 'dark' ? '&theme=dark' : ''}`);
  await page.getByRole('table', { name: TABLE[lang] }).waitFor({ timeout: 60_000 });
  await page.getByLabel(OPEN[lang]).setInputFiles(fourScenarios);
  await page.waitForFunction((n) => document.querySelectorAll(`[aria-label="${n}"] thead th`).length === 5, TABLE[lang], { timeout: 60_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  return { page, errors };
}

/** Cells whose text sticks out of them, and neighbours that overlap (bounding boxes, 1 px slack). */
async function overflowingCells(page: Page, lang: Lang): Promise<string[]> {
  return page.evaluate((name) => {
    const bad: string[] = [];
    const table = document.querySelector(`[aria-label="${name}"]`);
    if (!table) return ['no table'];
    for (const tr of Array.from(table.querySelectorAll('tr'))) {
      const cells = Array.from(tr.querySelectorAll('th, td')) as HTMLElement[];
      let prevRight = -Infinity;
      for (const cell of cells) {
        const box = cell.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(cell);
        for (const r of Array.from(range.getClientRects())) {
          if (r.width === 0) continue;
          if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
            bad.push(`${tr.getAttribute('data-row') ?? 'header'}: "${cell.innerText}" sticks out`);
            break;
          }
        }
        if (box.left < prevRight - 1) bad.push(`${tr.getAttribute('data-row') ?? 'header'}: "${cell.innerText}" overlaps its neighbour`);
        prevRight = box.right;
        if (cell.scrollWidth > cell.clientWidth + 1) bad.push(`${tr.getAttribute('data-row') ?? 'header'}: "${cell.innerText}" is clipped`);
      }
    }
    return bad;
  }, TABLE[lang]);
}

describe.each(PANE_SIZES)('%s at %d px', (lang, width) => {
  it('shows the action card on the first screen and a comparison of four scenarios with no overflowing cell', async () => {
    const { page, errors } = await openNarrow(lang, width);
    const card = page.getByTestId('action-card');
    await card.waitFor({ timeout: 60_000 });
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    // First screen: the card's top half is inside the 720 px viewport without scrolling.
    expect(box!.y + box!.height / 2).toBeLessThan(720);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width + 1);
    await screenshot(page, `narrow-${lang}-${width}-first-screen`);

    const table = page.getByRole('table', { name: TABLE[lang] });
    await table.scrollIntoViewIfNeeded();
    expect(await overflowingCells(page, lang)).toEqual([]);
    // The page itself never scrolls sideways: only the table body does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width + 1);
    await page.locator('section', { has: table }).first().screenshot({ path: join(ROOT, 'test-artifacts', `narrow-${lang}-${width}-comparison.png`) });
    // Scrolled to the far right, the metric column stays pinned.
    await page.evaluate((name) => {
      const scroller = document.querySelector(`[aria-label="${name}"]`)?.parentElement;
      if (scroller) scroller.scrollLeft = scroller.scrollWidth;
    }, TABLE[lang]);
    const metric = await page.locator(`[aria-label="${TABLE[lang]}"] tr[data-row="totalProfit"] td`).first().boundingBox();
    const scroller = await page.locator(`[aria-label="${TABLE[lang]}"]`).locator('..').boundingBox();
    expect(Math.abs((metric?.x ?? 0) - (scroller?.x ?? 0))).toBeLessThanOrEqual(1);
    await page.locator('section', { has: table }).first().screenshot({ path: join(ROOT, 'test-artifacts', `narrow-${lang}-${width}-comparison-scrolled.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** axe over the whole page (the preview shell and the pane, all ours): serious and critical findings. */
async function axeSerious(page: Page): Promise<string[]> {
  // Evaluated, not a <script> tag: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact?: string | null; nodes: { target: string[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<Result> } }).axe;
    // Tabster's focus sentinels (<i tabindex="0" aria-hidden data-tabster-dummy>, Fluent's own focus
    // management) are aria-hidden and focusable by design: they bounce focus on, never take it.
    const r = await axe.run({ include: [document], exclude: [['[data-tabster-dummy]']] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.html.slice(0, 160)}`));
  });
}

describe.each(PANE_SIZES)('accessibility, %s at %d px', (lang, width) => {
  it('axe finds nothing serious; the comparison scroller is in the tab order, says it scrolls, and scrolls with the arrow keys', async () => {
    const { page, errors } = await openNarrow(lang, width);
    await page.getByTestId('action-card').waitFor({ timeout: 60_000 });
    expect(await axeSerious(page)).toEqual([]);
    const region = page.getByRole('region', { name: SCROLLER[lang] });
    await region.scrollIntoViewIfNeeded();
    // Four scenarios do not fit 320/350 px: the hint line shows above the table.
    await page.getByTestId('compare-scroll-hint').waitFor({ timeout: 60_000 });
    await region.focus();
    // In the tab order: Tab leaves it, Shift+Tab comes back to it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((name) => (document.querySelector(`[role="region"][aria-label="${name}"]`)?.scrollLeft ?? 0) > 0, SCROLLER[lang], { timeout: 60_000 });
    await region.screenshot({ path: join(ROOT, 'test-artifacts', `narrow-${lang}-${width}-scroller-focused.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});

it.each(['zh-CN', 'en-US'] as const)('Office’s dark theme, %s at 350 px: the pane is dark, its charts drawn in light lines, and axe (contrast included) finds nothing serious', async (lang) => {
  const { page, errors } = await openNarrow(lang, 350, 'dark');
  await page.getByTestId('action-card').waitFor({ timeout: 60_000 });
  await page.locator('figure svg').first().waitFor({ timeout: 60_000 });
  const background = await page.locator('main[aria-label]').evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
    }
    return '';
  });
  const [r, g, b] = (background.match(/\d+/gu) ?? []).map(Number) as [number, number, number];
  expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(80);
  expect(await axeSerious(page)).toEqual([]);
  // The response curve takes the theme's text colour: a light line somewhere in the charts.
  const strokes = await page.locator('figure path[stroke]').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke') ?? ''));
  const light = (hex: string) => /^#[0-9a-f]{6}$/iu.test(hex) && [1, 3, 5].every((i) => parseInt(hex.slice(i, i + 2), 16) > 200);
  expect(strokes.some(light)).toBe(true);
  await page.locator('figure').nth(2).scrollIntoViewIfNeeded();
  await screenshot(page, `narrow-${lang}-350-dark-charts`);
  expect(errors).toEqual([]);
  await page.close();
});

it('the language switch keeps the opened workbook, its edits and the written plan (no reload)', async () => {
  const { page, errors } = await openNarrow('zh-CN', 350);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.getByRole('button', { name: '写入计划' }).click();
  await page.getByText(/计划已写入新工作表|已写入/u).first().waitFor({ timeout: 60_000 });
  const before = await page.locator(`[aria-label="${TABLE['zh-CN']}"] tr[data-row="totalProfit"] td`).evaluateAll((tds) => tds.map((td) => td.getAttribute('title')));
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('table', { name: TABLE['en-US'] }).waitFor({ timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  expect(await page.getByText('四个方案.xlsx').count()).toBeGreaterThan(0);
  const after = await page.locator(`[aria-label="${TABLE['en-US']}"] tr[data-row="totalProfit"] td`).evaluateAll((tds) => tds.map((td) => td.getAttribute('title')));
  expect(after.map((t) => t?.replace(/\D/gu, ''))).toEqual(before.map((t) => t?.replace(/\D/gu, '')));
  expect(await page.locator('thead th').allInnerTexts()).toContain('进取加码方案');
  // The plan sheet written before the switch is still in the workbook.
  expect(await page.getByRole('tab', { name: /投放计划/u }).count()).toBe(1);
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en-US');
  await screenshot(page, 'narrow-language-switched');
  expect(errors).toEqual([]);
  await page.close();
});
