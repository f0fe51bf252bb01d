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
      .replace('<Override Locale="zh-CN" Value="AdPlan 千川投放规划（开发版）"/>', '');
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

/** The manifest with block `a` moved to just before block `b` (both exact substrings). */
function moveBefore(src: string, a: string, b: string): string {
  expect(src).toContain(a);
  expect(src).toContain(b);
  const without = src.replace(a, '');
  return without.replace(b, `${a}${b}`);
}

/** The element's block: from its opening tag (with leading indentation) to its closing tag. */
function block(src: string, open: string, close: string): string {
  const start = src.lastIndexOf('\n', src.indexOf(open)) + 1;
  const end = src.indexOf(close, start) + close.length + 1;
  return src.slice(start, end);
}

describe('schema sequences inside VersionOverrides (issue 11 item 8)', () => {
  const problemsOf = (x: string): string[] => validateManifestXml(x, { assetsDir }).map((p) => `${p.where}: ${p.message}`);
  const VO = 'OfficeApp/VersionOverrides';
  const HOST = `${VO}/Hosts/Host`;

  it.each([
    ['FunctionFile before GetStarted', () => moveBefore(xml, '          <FunctionFile resid="Taskpane.Url"/>\n', '          <GetStarted>'), `${HOST}/DesktopFormFactor/GetStarted: out of schema order (must come before FunctionFile)`],
    ['Metadata before Page', () => moveBefore(xml, block(xml, '<Metadata>', '</Metadata>'), '            <Page>'), `${HOST}/AllFormFactors/ExtensionPoint/Page: out of schema order (must come before Metadata)`],
    ['Namespace before Metadata', () => moveBefore(xml, '            <Namespace resid="Functions.Namespace"/>\n', '            <Metadata>'), `${HOST}/AllFormFactors/ExtensionPoint/Metadata: out of schema order (must come before Namespace)`],
    ['Supertip before Label', () => moveBefore(xml, block(xml, '<Supertip>', '</Supertip>'), '                  <Label resid="TaskpaneButton.Label"/>'), `${HOST}/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Control/Label: out of schema order (must come before Supertip)`],
    ['Resources before Hosts', () => moveBefore(xml, block(xml, '<Resources>', '</Resources>'), '    <Hosts>\n      <Host xsi:type'), `${VO}/Hosts: out of schema order (must come before Resources)`],
    ['Urls before Images', () => moveBefore(xml, block(xml, '<bt:Urls>', '</bt:Urls>'), '      <bt:Images>'), `${VO}/Resources/Images: out of schema order (must come before Urls)`],
    ['LongStrings before ShortStrings', () => moveBefore(xml, block(xml, '<bt:LongStrings>', '</bt:LongStrings>'), '      <bt:ShortStrings>'), `${VO}/Resources/ShortStrings: out of schema order (must come before LongStrings)`],
    ['DesktopFormFactor before AllFormFactors', () => moveBefore(xml, block(xml, '<DesktopFormFactor>', '</DesktopFormFactor>'), '        <AllFormFactors>'), `${HOST}/AllFormFactors: out of schema order (must come before DesktopFormFactor)`],
    ['Runtimes after AllFormFactors', () => moveBefore(xml, block(xml, '<AllFormFactors>', '</AllFormFactors>'), '        <Runtimes>'), `${HOST}/Runtimes: out of schema order (must come before AllFormFactors)`],
  ])('%s', (_, make, expected) => {
    const problems = problemsOf(make());
    expect(problems).toContain(expected);
  });

  it('a required child missing and an element the schema does not allow', () => {
    const noFunctionFile = xml.replace('          <FunctionFile resid="Taskpane.Url"/>\n', '');
    expect(problemsOf(noFunctionFile)).toContain(`${HOST}/DesktopFormFactor/FunctionFile: required element is missing`);
    const stray = xml.replace('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Namespace"/><Nmespace/>');
    expect(problemsOf(stray)).toContain(`${HOST}/AllFormFactors/ExtensionPoint/Nmespace: element not allowed here by the schema`);
    const twice = xml.replace('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Namespace"/><Namespace resid="Functions.Namespace"/>');
    expect(problemsOf(twice)).toContain(`${HOST}/AllFormFactors/ExtensionPoint/Namespace: may occur at most 1 time here`);
  });

  it('Version must be 1–4 dot-separated numbers', () => {
    expect(problemsOf(xml.replace('<Version>0.1.0.0</Version>', '<Version>0.1.0-beta</Version>'))).toContain(
      'OfficeApp/Version: must be 1 to 4 dot-separated numbers (e.g. 1.0.0.0), got "0.1.0-beta"',
    );
    expect(problemsOf(xml.replace('<Version>0.1.0.0</Version>', '<Version>1.0.0.0.0</Version>'))).toHaveLength(1);
    expect(problemsOf(xml.replace('<Version>0.1.0.0</Version>', '<Version>2</Version>'))).toEqual([]);
  });

  it('a short string of 126 characters (schema limit 125), in the default or an override', () => {
    const s125 = 'x'.repeat(125);
    const s126 = 'x'.repeat(126);
    expect(problemsOf(xml.replace('DefaultValue="Scenario workbench"', `DefaultValue="${s125}"`))).toEqual([]);
    expect(problemsOf(xml.replace('DefaultValue="Scenario workbench"', `DefaultValue="${s126}"`))).toContain(
      'Resources/TaskpaneButton.Label: DefaultValue is 126 characters (max 125)',
    );
    // Characters, not bytes or UTF-16 units: 126 CJK characters are 126.
    expect(problemsOf(xml.replace('Value="情景工作台"', `Value="${'情'.repeat(126)}"`))).toContain(
      'Resources/TaskpaneButton.Label: Override zh-CN is 126 characters (max 125)',
    );
  });
});

describe('requirement sets, ribbon ids and URL lengths (issue 26 item 4)', () => {
  const problemsOf = (x: string): string[] => validateManifestXml(x, { assetsDir }).map((p) => `${p.where}: ${p.message}`);

  it('the manifest declares each requirement set the code uses, at the version it needs', () => {
    for (const [name, min] of [['ExcelApi', '1.9'], ['CustomFunctionsRuntime', '1.2'], ['SharedRuntime', '1.1']]) {
      expect(xml).toContain(`<Set Name="${name}" MinVersion="${min}"/>`);
      const without = xml.replace(new RegExp(`\\s*<Set Name="${name}" MinVersion="[^"]*"/>`), '');
      expect(problemsOf(without)).toContain(`Requirements: needs <Set Name="${name}" MinVersion="${min}"/> (the code uses it)`);
    }
    expect(problemsOf(xml.replace('<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>'))).toContain(
      'Requirements: needs <Set Name="ExcelApi" MinVersion="1.9"/> (the code uses it), declared 1.7',
    );
    // A higher version than needed is allowed ("1.10" is above "1.9").
    expect(problemsOf(xml.replace('<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.10"/>'))).toEqual([]);
  });

  it('rejects an unknown control type', () => {
    expect(problemsOf(xml.replace('<Control xsi:type="Button" id="AdPlan.OpenPane">', '<Control xsi:type="Buton" id="AdPlan.OpenPane">'))).toContain(
      'Control AdPlan.OpenPane: unknown control type "Buton" (expected Button or Menu)',
    );
  });

  it('rejects an empty tab id', () => {
    expect(problemsOf(xml.replace('<OfficeTab id="TabHome">', '<OfficeTab id="">'))).toContain('OfficeTab: tab id must not be empty');
    expect(problemsOf(xml.replace('<OfficeTab id="TabHome">', '<OfficeTab id="  ">'))).toContain('OfficeTab: tab id must not be empty');
  });

  it('rejects a URL over 2,048 characters, and accepts one of exactly 2,048', () => {
    const base = 'https://localhost:3000/taskpane.html';
    const at = (n: number): string => `${base}?${'q'.repeat(n - base.length - 1)}`;
    const withUrl = (u: string): string => xml.replace(`<bt:Url id="Taskpane.Url" DefaultValue="${base}"/>`, `<bt:Url id="Taskpane.Url" DefaultValue="${u}"/>`);
    expect(at(2048)).toHaveLength(2048);
    expect(problemsOf(withUrl(at(2048))).filter((p) => p.includes('characters (max 2048)'))).toEqual([]);
    expect(problemsOf(withUrl(at(2049)))).toContain('Url Taskpane.Url: URL is 2049 characters (max 2048)');
  });
});
