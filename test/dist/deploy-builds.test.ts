/**
 * The build options of docs/deploy.md, each checked on what the build writes: dist/ as built
 * by default, and one variant built with every option set (ADPLAN_BASE_URL, ADPLAN_MANIFEST_ID,
 * ADPLAN_CLOUD=china, ADPLAN_SOURCE_MAPS=1) into a folder of its own.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, ensureWebBuild } from '../helpers/build';
import { validateManifestXml } from '../../tools/manifest/validate';
import { buildOptions, DEV_ID, PRODUCTION_ID } from '../../tools/webpack/build-options.js';

const WORLDWIDE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHINA_JS = 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js';
const VARIANT = { ADPLAN_BASE_URL: 'https://addins.contoso.cn/adplan/', ADPLAN_MANIFEST_ID: '0f4c2a3e-7b1d-4c59-9a2e-3d6b8f1e5a70', ADPLAN_CLOUD: 'china', ADPLAN_SOURCE_MAPS: '1' };
const version = `${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}.0`;

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const files = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String);
const csp = (html: string): string => /http-equiv="?Content-Security-Policy"?[^>]*content="([^"]+)"/.exec(html)?.[1] ?? /content="([^"]+)"[^>]*http-equiv="?Content-Security-Policy/.exec(html)?.[1] ?? '';
const id = (xml: string): string => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1] ?? '';
/** Every absolute URL in the manifest. */
const urls = (xml: string): string[] => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2] ?? '');

const DIST = join(ROOT, 'dist');
let variant = '';

beforeAll(() => {
  ensureWebBuild();
  variant = mkdtempSync(join(tmpdir(), 'adplan-variant-'));
  execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ...VARIANT, ADPLAN_OUT_DIR: variant } });
}, 900_000);

afterAll(() => {
  if (variant) rmSync(variant, { recursive: true, force: true });
});

describe('the default production build (dist/)', () => {
  it('writes the production manifest from the development one: its own Id and names, production URLs, package version', () => {
    const dev = read(ROOT, 'manifest.xml');
    const prod = read(DIST, 'manifest.xml');
    expect(id(dev)).toBe(DEV_ID);
    expect(id(prod)).toBe(PRODUCTION_ID);
    expect(dev).toContain('DefaultValue="AdPlan (dev)"');
    expect(prod).toContain('<DisplayName DefaultValue="AdPlan">');
    expect(prod).toContain('<Override Locale="zh-CN" Value="AdPlan 千川投放规划"/>');
    expect(prod).not.toMatch(/\(dev\)|开发版/u);
    expect(prod).toContain(`<Version>${version}</Version>`);
    expect(urls(prod).every((u) => u.startsWith('https://adplan.example.com'))).toBe(true);
    expect(validateManifestXml(prod, { assetsDir: join(DIST, 'assets') })).toEqual([]);
  });

  it('loads Office.js from the worldwide CDN, and the CSP allows that CDN and nothing of the China cloud', () => {
    const html = read(DIST, 'taskpane.html');
    expect(html).toContain(WORLDWIDE_JS);
    expect(csp(html)).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp(html)).not.toContain('.cn');
    expect(csp(read(DIST, 'preview.html'))).toBe(csp(html));
  });

  it('ships no source maps', () => {
    expect(files(DIST).filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});

describe('a build with every option set', () => {
  it('ADPLAN_BASE_URL and ADPLAN_MANIFEST_ID: every URL on the base (trailing slash dropped), the given Id', () => {
    const prod = read(variant, 'manifest.xml');
    expect(id(prod)).toBe(VARIANT.ADPLAN_MANIFEST_ID);
    expect(urls(prod).length).toBeGreaterThan(5);
    expect(urls(prod).filter((u) => !u.startsWith('https://addins.contoso.cn/adplan'))).toEqual([]);
    expect(prod).toContain('https://addins.contoso.cn/adplan/functions.zh-cn.json');
    expect(validateManifestXml(prod, { assetsDir: join(variant, 'assets') })).toEqual([]);
    const meta = JSON.parse(read(variant, 'functions.json')) as { functions: { helpUrl?: string }[] };
    expect(meta.functions.every((f) => f.helpUrl?.startsWith('https://addins.contoso.cn/adplan/help/functions.html#'))).toBe(true);
  });

  it('ADPLAN_CLOUD=china: Office.js from the 21Vianet CDN, and the CSP follows it', () => {
    const html = read(variant, 'taskpane.html');
    expect(html).toContain(CHINA_JS);
    expect(html).not.toContain(WORLDWIDE_JS);
    const policy = csp(html);
    expect(policy).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
    expect(policy).toContain('https://*.partner.office365.cn');
    expect(policy).not.toContain('microsoft.com');
    expect(csp(read(variant, 'preview.html'))).toBe(policy);
  });

  it('ADPLAN_SOURCE_MAPS=1: every script has its map', () => {
    const js = files(variant).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(3);
    const maps = new Set(files(variant).filter((f) => f.endsWith('.map')));
    expect(js.filter((f) => !maps.has(`${f}.map`))).toEqual([]);
  });
});

describe('build options that cannot work fail the build', () => {
  it.each([
    [{ ADPLAN_CLOUD: 'mars' }, /ADPLAN_CLOUD must be worldwide or china/],
    [{ ADPLAN_BASE_URL: 'http://adplan.example.com' }, /ADPLAN_BASE_URL must be an https URL/],
    [{ ADPLAN_MANIFEST_ID: 'adplan' }, /ADPLAN_MANIFEST_ID must be a GUID/],
    [{ ADPLAN_MANIFEST_ID: DEV_ID }, /must differ from the development manifest/],
  ])('%p', (env, message) => {
    expect(() => buildOptions(env, true)).toThrow(message);
  });
});
