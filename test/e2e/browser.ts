/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Flags from
 * PLATFORM.md: headless, no sandbox (root), and no background networking (closed network).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, ensureWebBuild } from '../helpers/build';
import { serveStatic, type StaticServer } from './static-server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Console errors and uncaught page errors, collected for "no console errors". */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * The built dist/ served on 127.0.0.1 and one Chromium, for a whole suite: built if stale and
 * started before its tests (beforeAll), closed after them. Call at the suite's top level.
 */
export function servedDist(): { readonly url: string; readonly browser: Browser } {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuild();
    server = await serveStatic(join(ROOT, 'dist'));
    browser = await launch();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('servedDist: used before its beforeAll ran');
    return v;
  };
  return {
    get url() {
      return started(server).url;
    },
    get browser() {
      return started(browser);
    },
  };
}
