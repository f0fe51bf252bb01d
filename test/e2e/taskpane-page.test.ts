/**
 * The production taskpane.html in Chromium, with a stand-in for Office.js served at Microsoft's CDN
 * address (the page's own CSP and script order unchanged): the page fetches the words of the one
 * language it shows — never the other — and, when that chunk cannot be had, still says something
 * a user can act on, in both languages. Outside Excel (no host) the page is the "needs Excel" one.
 */
import type { Page } from 'playwright-core';
import { collectErrors, servedDist } from './browser';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Office.js reduced to what the page touches: ready with no host, the given display language, and
 * the shared runtime's CustomFunctions.associate, recording what functions.js registers.
 */
function officeStub(displayLanguage: string): string {
  return `window.Office = { HostType: { Excel: 'Excel' }, context: { displayLanguage: ${JSON.stringify(displayLanguage)} },
    onReady: () => Promise.resolve({ host: null, platform: null }) };
  window.associated = [];
  window.CustomFunctions = { associate: (id) => window.associated.push(id) };`;
}

const dist = servedDist();

async function open(displayLanguage: string, blockWords = false): Promise<{ page: Page; errors: string[]; fetched: string[] }> {
  const page = await dist.browser.newPage({ viewport: { width: 350, height: 600 } });
  const errors = collectErrors(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub(displayLanguage) }));
  if (blockWords) await page.route(/\/chunks\/i18n-/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${dist.url}/taskpane.html`);
  return { page, errors, fetched };
}

describe('taskpane.html as built', () => {
  it.each([
    ['zh-CN', 'en-US', '此窗格需要在 Excel 中运行', 'AdPlan 情景工作台'],
    ['en-US', 'zh-CN', 'This pane needs Excel', 'AdPlan scenario workbench'],
  ] as const)('in %s it fetches its own words, not the %s ones', async (lang, other, says, title) => {
    const { page, errors, fetched } = await open(lang);
    await page.getByText(says).waitFor({ timeout: 60_000 });
    expect(await page.title()).toBe(title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    const words = fetched.filter((p) => p.includes('/chunks/i18n-'));
    expect(words).toHaveLength(1);
    expect(words[0]).toContain(`i18n-${lang}.`);
    expect(words.some((p) => p.includes(`i18n-${other}.`))).toBe(false);
    expect(fetched.some((p) => p.includes('/chunks/theme-dark.'))).toBe(false);
    expect(errors).toEqual([]);
    // functions.js, the page's first script, registered the functions before the pane started.
    const associated = await page.evaluate(() => (window as unknown as { associated: string[] }).associated);
    expect(associated).toEqual(expect.arrayContaining(['PLAN', 'KPI', 'SIMULATE', 'REVIEW']));
    await page.close();
  });

  it('when its words cannot be fetched, it says so in both languages instead of a blank pane', async () => {
    const { page, errors } = await open('zh-CN', true);
    await page.getByText('AdPlan 无法启动').waitFor({ timeout: 60_000 });
    expect(await page.locator('#root').innerText()).toContain('AdPlan could not start: close this pane and open it again.');
    expect(errors.some((e) => e.includes('the task pane could not start'))).toBe(true);
    await page.close();
  });
});
