/**
 * What a Douyin provider reads on the zh-CN pane at task-pane width (320 and 350 px): no ASCII
 * punctuation inside Chinese sentences and none of the engine's own names (λ/θ, cogs_rate, null,
 * hill gmax, R², S*, ramp/target) — those live in 模型细节 only. The rules are the ones the unit test
 * applies to the source strings (test/i18n/zh-rules.ts); here they run over the rendered text.
 *
 * What is scanned: the whole pane as rendered without scrolling sideways — the preview's bar and
 * every first-level panel (action card with its target table opened, readiness, comparison,
 * charts, writing the plan, data, events, assumptions, review, experiment) — not only the first
 * 720 px. At 320 px the first viewport holds little more than the action card, and the merchant
 * scrolls down the pane before opening anything; 模型细节 is hidden before reading, the sheet view
 * (the merchant's own cells) is left out. Rendered text is innerText (what is shown: folded
 * panels are not) plus the aria-labels and titles of shown elements (full numbers, buttons) outside
 * the charts, whose points and bars are read aloud in our words (the chart library's own
 * screen-reader template around them is left out, see paneText).
 * After writing a plan, the written plan sheets are scanned in the sheet view too: a merchant
 * prints them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { sampleWorkbookBytes } from '../../src/sample/workbook';
import { ROOT } from '../helpers/build';
import { asciiPunctuationInChinese, internalKeys } from '../i18n/zh-rules';
import { collectErrors, screenshot, servedDist } from './browser';

const TABLE = '情景对比';

const dist = servedDist();
let sampleFile: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'adplan-zh-'));
  sampleFile = join(dir, '样本商家.xlsx');
  writeFileSync(sampleFile, await sampleWorkbookBytes());
}, 600_000);

/** The pane's shown text, 模型细节 hidden; one line per text line and per label or title. */
async function paneText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('main[aria-label]');
    const bar = document.querySelector('header');
    if (!pane || !bar) return ['no pane'];
    const details = Array.from(pane.querySelectorAll('details')).filter((d) => d.querySelector('summary')?.textContent === '模型细节');
    for (const d of details) (d as HTMLElement).style.display = 'none';
    const shown = (el: Element): boolean => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
    const lines = [bar, pane].flatMap((el) => (el as HTMLElement).innerText.split('\n'));
    for (const el of [bar, pane].flatMap((root) => Array.from(root.querySelectorAll('[aria-label], [title]')))) {
      // Inside a chart (figure), each point's and bar's sentence is ours (6月1日，基准：¥967) and is
      // scanned, shown or not; the chart's and each line's region labels are @fluentui/react-charts'
      // own English template ("Line chart with 3 lines"), not ours. The chart's shown words (title,
      // axes, ticks, legend) are in innerText and scanned.
      const inChart = el.closest('figure') !== null;
      const point = ['img', 'option'].includes(el.getAttribute('role') ?? '') || el.tagName === 'LI';
      if (inChart ? !point : !shown(el)) continue;
      for (const attr of ['aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v) lines.push(v);
      }
    }
    for (const d of details) (d as HTMLElement).style.display = '';
    return lines.map((l) => l.trim()).filter((l) => l.length > 0);
  });
}

/** The scanned lines beside the screenshots, to read what was checked. */
function keep(name: string, lines: string[]): void {
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  writeFileSync(join(ROOT, 'test-artifacts', `${name}.txt`), `${lines.join('\n')}\n`);
}

/** Lines that break a rule, with what broke it (so a failure names the sentence). */
function findings(lines: string[]): string[] {
  return lines.flatMap((l) => {
    const bad = [...asciiPunctuationInChinese(l), ...internalKeys(l)];
    return bad.length > 0 ? [`${JSON.stringify(bad)} in "${l}"`] : [];
  });
}

/** Opens the first-level panels a merchant opens: the action card's target table. */
async function openFirstLevel(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('[data-testid="action-card"] details'))) (d as HTMLDetailsElement).open = true;
  });
}

async function openPane(width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await dist.browser.newPage({ viewport: { width, height: 720 }, deviceScaleFactor: 2 });
  const errors = collectErrors(page);
  await page.goto(`${dist.url}/preview.html?lang=zh-CN`);
  await page.getByRole('table', { name: TABLE }).waitFor({ timeout: 60_000 });
  await page.getByTestId('action-card').waitFor({ timeout: 60_000 });
  return { page, errors };
}

/** The lazy panels below the comparison have rendered (writing the plan, the review, the experiment). */
async function settled(page: Page): Promise<void> {
  await page.getByRole('button', { name: '写入计划' }).waitFor({ timeout: 60_000 });
  await page.getByRole('heading', { name: '复盘', exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole('heading', { name: '实验', exact: true }).waitFor({ timeout: 60_000 });
}

describe.each([320, 350])('zh-CN at %d px', (width) => {
  it('the first screen of the bundled sample has no ASCII punctuation in Chinese and no internal key', async () => {
    const { page, errors } = await openPane(width);
    await settled(page);
    await screenshot(page, `zh-first-screen-${width}-sample`);
    await openFirstLevel(page);
    const lines = await paneText(page);
    keep(`zh-first-screen-${width}-sample`, lines);
    expect(lines.length).toBeGreaterThan(20);
    expect(findings(lines)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after opening the sample workbook, and on the plan sheets it writes', async () => {
    const { page, errors } = await openPane(width);
    await page.getByLabel('打开工作簿').setInputFiles(sampleFile);
    await page.getByText('样本商家.xlsx', { exact: false }).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('action-card').waitFor({ timeout: 60_000 });
    await settled(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `zh-first-screen-${width}-opened`);
    await openFirstLevel(page);
    await page.getByTestId('action-card').screenshot({ path: join(ROOT, 'test-artifacts', `zh-first-screen-${width}-action-card.png`) });
    const lines = await paneText(page);
    keep(`zh-first-screen-${width}-opened`, lines);
    expect(lines.length).toBeGreaterThan(20);
    expect(findings(lines)).toEqual([]);

    // The written plan, live then values-only: every label a merchant prints is in words. The
    // sheet view brings the sheet just written to the front (as Excel does).
    for (const [name, valuesOnly] of [['plan', false], ['values', true]] as const) {
      if (valuesOnly) await page.getByRole('checkbox', { name: /仅写入数值/u }).check();
      await page.getByRole('button', { name: '写入计划' }).click();
      const done = page.getByText(valuesOnly ? /计划已写入新工作表“.*\(2\)”/u : /计划已写入新工作表/u).first();
      await done.waitFor({ timeout: 60_000 });
      const written = /“(.*)”/u.exec(await done.innerText())?.[1] ?? '';
      const grid = page.locator(`section[aria-label="工作表"] table[aria-label="${written}"]`);
      await grid.waitFor({ timeout: 60_000 });
      const sheet = (await grid.innerText()).split('\n').flatMap((l) => l.split('\t')).map((l) => l.trim()).filter((l) => l.length > 0);
      keep(`zh-first-screen-${width}-sheet-${name}`, sheet);
      expect(sheet.length).toBeGreaterThan(10);
      expect(findings(sheet)).toEqual([]);
    }
    await page.locator('section[aria-label="工作表"]').screenshot({ path: join(ROOT, 'test-artifacts', `zh-first-screen-${width}-plan-values.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
