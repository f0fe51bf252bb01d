import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateManifestXml } from '../../tools/manifest/validate';

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const assetsDir = join(root, 'assets');

describe('offline manifest check', () => {
  it('accepts the shipped manifest', () => {
    expect(validateManifestXml(xml, { assetsDir })).toEqual([]);
  });

  it('reports a broken resid with the reference that does not resolve', () => {
    const broken = xml.replace('<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Lable"/>');
    const problems = validateManifestXml(broken, { assetsDir });
    expect(problems).toContainEqual({
      where: 'Label resid="TaskpaneButton.Lable"',
      message: 'refers to a resource that is not defined',
    });
  });

  it('reports a resource id longer than 32 characters', () => {
    const long = 'Functions.Metadata.Url.Localised.Long';
    const broken = xml.split('Functions.Metadata.Url').join(long);
    const problems = validateManifestXml(broken, { assetsDir });
    expect(problems.map((p) => p.message)).toContain(`id is ${long.length} characters (max 32)`);
  });

  it('reports a missing icon file by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adplan-assets-'));
    try {
      for (const s of [16, 32, 64]) copyFileSync(join(assetsDir, `icon-${s}.png`), join(dir, `icon-${s}.png`));
      const problems = validateManifestXml(xml, { assetsDir: dir });
      expect(problems).toContainEqual({ where: 'Image Icon.80x80', message: 'icon file assets/icon-80.png does not exist' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an icon whose pixels do not match the declared size', () => {
    const broken = xml.replace('assets/icon-16.png"/>\n        <bt:Image id="Icon.32x32"', 'assets/icon-64.png"/>\n        <bt:Image id="Icon.32x32"');
    expect(validateManifestXml(broken, { assetsDir })).toContainEqual({
      where: 'Image Icon.16x16',
      message: 'assets/icon-64.png is 64×64, declared 16×16',
    });
  });

  it('rejects XML that is not well-formed', () => {
    const problems = validateManifestXml(xml.replace('</DisplayName>', ''), { assetsDir });
    expect(problems[0]?.where).toBe('xml');
    expect(problems[0]?.message).toMatch(/not well-formed/);
  });

  it('checks schema order, GUID, https, namespace, shared runtime and zh-CN overrides', () => {
    const broken = xml
      .replace(/<Version>0\.1\.0\.0<\/Version>\n {2}(<ProviderName>AdPlan<\/ProviderName>)/, '$1\n  <Version>0.1.0.0</Version>')
      .replace('<Id>259b6ad5-5820-4405-b67d-1b86c1a9aa74</Id>', '<Id>not-a-guid</Id>')
      .replace('https://localhost:3000/functions.js', 'http://localhost:3000/functions.js')
      .replace('DefaultValue="ADPLAN"', 'DefaultValue="CONTOSO"')
      .replace('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="short"/>')
      .replace('<Override Locale="zh-CN" Value="AdPlan 千川投放规划"/>', '');
    const where = validateManifestXml(broken, { assetsDir }).map((p) => `${p.where}: ${p.message}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'OfficeApp/Version: out of schema order (must come before ProviderName)',
        'OfficeApp/Id: must be a GUID, got "not-a-guid"',
        'Url Functions.Script.Url: URL must use https: http://localhost:3000/functions.js',
        'CustomFunctions/Namespace: must be ADPLAN, got "CONTOSO"',
        'Runtimes: needs <Runtime resid="…" lifetime="long"/>',
        'DisplayName: needs a zh-CN Override',
      ]),
    );
  });
});
