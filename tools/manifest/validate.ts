/**
 * Offline manifest check. Microsoft's validator is an online service (PLATFORM.md), so this
 * checks what breaks sideloading most often, with a real XML parser: well-formedness, the child
 * sequence of every element the manifest uses (schema.ts), the Version pattern, string lengths,
 * resource ids, GUID, https, icons on disk at their declared sizes, the shared-runtime wiring,
 * the ADPLAN namespace and the zh-CN overrides. It is not a full XSD validation.
 */
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pngSize } from './png-size';
import { checkSequences } from './schema';

export interface ManifestProblem {
  /** Where: an element path or resource id. */
  where: string;
  message: string;
}

const NS_OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_RESID = 32;
/** ShortString / LongString maxLength in the schema; Version's pattern (1–4 numbers of ≤ 5 digits). */
const MAX_SHORT = 125;
const MAX_LONG = 250;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/u;
/** URL maxLength in the schema (bt:Url, SourceLocation, IconUrl …). */
const MAX_URL = 2048;
/** Control types a ribbon group may hold in an Excel task-pane add-in (VersionOverrides 1.0). */
const CONTROL_TYPES = new Set(['Button', 'Menu']);
/**
 * The requirement sets the code uses, with the lowest version it needs: ExcelApi 1.9 (worksheet
 * onChanged, getSpecialCells), CustomFunctionsRuntime 1.2 (CustomFunctions.Error with a message),
 * SharedRuntime 1.1 (one runtime for functions and pane).
 */
export const REQUIRED_SETS: Readonly<Record<string, string>> = { ExcelApi: '1.9', CustomFunctionsRuntime: '1.2', SharedRuntime: '1.1' };

/** a < b for dotted versions ("1.10" > "1.9"). */
function versionBelow(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

function children(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}

function descendants(el: XmlElement, localName: string): XmlElement[] {
  return Array.from(el.getElementsByTagNameNS('*', localName));
}

function child(el: XmlElement | undefined, localName: string): XmlElement | undefined {
  return el ? children(el).find((c) => c.localName === localName) : undefined;
}

function hasZhOverride(el: XmlElement | undefined): boolean {
  return !!el && children(el).some((c) => c.localName === 'Override' && /^zh-CN$/i.test(c.getAttribute('Locale') ?? ''));
}

export interface ValidateOptions {
  /** Folder holding the icons that https://…/assets/NAME points to (default: ./assets). */
  assetsDir?: string;
}

export function validateManifestXml(xml: string, options: ValidateOptions = {}): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const add = (where: string, message: string): void => {
    problems.push({ where, message });
  };
  const assetsDir = options.assetsDir ?? join(process.cwd(), 'assets');

  const parseErrors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') parseErrors.push(msg);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    parseErrors.push(e instanceof Error ? e.message : String(e));
  }
  if (!doc || parseErrors.length > 0) {
    for (const m of parseErrors.length ? parseErrors : ['unparseable']) add('xml', `not well-formed: ${m}`);
    return problems;
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'OfficeApp') {
    add('xml', 'the root element must be OfficeApp');
    return problems;
  }

  // Every element the manifest uses: its children in the schema's sequence (tools/manifest/schema.ts).
  checkSequences(root, add);

  // Simple types the schema restricts: Version, and string lengths.
  const version = child(root, 'Version')?.textContent?.trim() ?? '';
  if (!VERSION.test(version)) add('OfficeApp/Version', `must be 1 to 4 dot-separated numbers (e.g. 1.0.0.0), got "${version}"`);
  const lengthLimit = (el: XmlElement, max: number, where: string): void => {
    for (const [attr, v] of [['DefaultValue', el.getAttribute('DefaultValue')], ...children(el).filter((o) => o.localName === 'Override').map((o) => [`Override ${o.getAttribute('Locale') ?? ''}`, o.getAttribute('Value')])] as [string, string | null][]) {
      if (v !== null && [...v].length > max) add(where, `${attr} is ${[...v].length} characters (max ${max})`);
    }
  };
  const dn = child(root, 'DisplayName');
  if (dn) lengthLimit(dn, MAX_SHORT, 'DisplayName');
  const desc = child(root, 'Description');
  if (desc) lengthLimit(desc, MAX_LONG, 'Description');

  const id = child(root, 'Id')?.textContent?.trim() ?? '';
  if (!GUID.test(id)) add('OfficeApp/Id', `must be a GUID, got "${id}"`);
  const perms = child(root, 'Permissions')?.textContent?.trim();
  if (perms !== 'ReadWriteDocument') add('OfficeApp/Permissions', `expected ReadWriteDocument, got "${perms ?? ''}"`);

  // Resources: every id defined once, ≤ 32 characters; every resid reference resolves.
  const vo = child(root, 'VersionOverrides');
  if (!vo || vo.namespaceURI !== NS_OV) {
    add('OfficeApp/VersionOverrides', `missing, or not in namespace ${NS_OV}`);
    return problems;
  }
  const resources = child(vo, 'Resources');
  const defined = new Map<string, XmlElement>();
  if (resources) {
    for (const group of children(resources)) {
      for (const res of children(group)) {
        const rid = res.getAttribute('id') ?? '';
        if (res.namespaceURI !== NS_BT) add(`Resources/${rid}`, 'resource elements must use the bt: namespace');
        if (!rid) add(`Resources/${group.localName}`, 'resource without an id');
        if (rid.length > MAX_RESID) add(`Resources/${rid}`, `id is ${rid.length} characters (max ${MAX_RESID})`);
        if (defined.has(rid)) add(`Resources/${rid}`, 'id defined twice');
        if (group.localName === 'ShortStrings') lengthLimit(res, MAX_SHORT, `Resources/${rid}`);
        if (group.localName === 'LongStrings') lengthLimit(res, MAX_LONG, `Resources/${rid}`);
        defined.set(rid, res);
        for (const o of children(res)) {
          if (o.localName === 'Override' && o.namespaceURI !== NS_BT) {
            add(`Resources/${rid}`, 'Override inside Resources must be bt:Override (office-js #2464)');
          }
        }
      }
    }
  } else add('VersionOverrides/Resources', 'missing');
  for (const el of Array.from(vo.getElementsByTagNameNS('*', '*'))) {
    const resid = el.getAttribute('resid');
    if (resid === null) continue;
    if (resid.length > MAX_RESID) add(`resid ${resid}`, `is ${resid.length} characters (max ${MAX_RESID})`);
    if (!defined.has(resid)) add(`${el.localName} resid="${resid}"`, 'refers to a resource that is not defined');
  }

  // URLs: https only.
  const urls: { where: string; url: string }[] = [];
  for (const el of Array.from(root.getElementsByTagNameNS('*', '*'))) {
    for (const attr of ['DefaultValue', 'Value']) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push({ where: `${el.localName}${el.getAttribute('id') ? ` ${el.getAttribute('id')}` : ''}`, url: v });
    }
    if (el.localName === 'AppDomain') urls.push({ where: 'AppDomain', url: el.textContent?.trim() ?? '' });
  }
  for (const { where, url } of urls) {
    if (!url.startsWith('https://')) add(where, `URL must use https: ${url.slice(0, 120)}`);
    if (url.length > MAX_URL) add(where, `URL is ${url.length} characters (max ${MAX_URL})`);
  }

  // Icons: the files exist in assets/ with the pixel size the manifest declares.
  const iconChecks: { where: string; url: string; size: number }[] = [];
  const iconUrl = child(root, 'IconUrl')?.getAttribute('DefaultValue');
  const hiRes = child(root, 'HighResolutionIconUrl')?.getAttribute('DefaultValue');
  if (iconUrl) iconChecks.push({ where: 'IconUrl', url: iconUrl, size: 32 });
  if (hiRes) iconChecks.push({ where: 'HighResolutionIconUrl', url: hiRes, size: 64 });
  for (const img of descendants(vo, 'Image')) {
    const size = Number(img.getAttribute('size'));
    const res = defined.get(img.getAttribute('resid') ?? '');
    const url = res?.getAttribute('DefaultValue');
    if (url && size) iconChecks.push({ where: `Image ${img.getAttribute('resid')}`, url, size });
  }
  for (const { where, url, size } of iconChecks) {
    const name = url.split('/assets/')[1];
    if (!name) {
      add(where, `icon URL must point into /assets/: ${url}`);
      continue;
    }
    const file = join(assetsDir, name);
    if (!existsSync(file)) {
      add(where, `icon file assets/${name} does not exist`);
      continue;
    }
    const dim = pngSize(file);
    if (!dim) add(where, `assets/${name} is not a PNG`);
    else if (dim.width !== size || dim.height !== size) {
      add(where, `assets/${name} is ${dim.width}×${dim.height}, declared ${size}×${size}`);
    }
  }

  // Requirement sets: each one the code uses, at the version it needs (a higher one is allowed).
  const setsEl = child(child(root, 'Requirements'), 'Sets');
  const sets = setsEl ? children(setsEl).filter((c) => c.localName === 'Set') : [];
  const defaultMin = setsEl?.getAttribute('DefaultMinVersion') ?? '1.1';
  for (const [name, min] of Object.entries(REQUIRED_SETS)) {
    const set = sets.find((x) => x.getAttribute('Name') === name);
    const declared = set ? (set.getAttribute('MinVersion') ?? defaultMin) : null;
    if (declared === null || versionBelow(declared, min)) {
      add('Requirements', `needs <Set Name="${name}" MinVersion="${min}"/> (the code uses it)${declared ? `, declared ${declared}` : ''}`);
    }
  }

  // Shared runtime: one long-lived runtime, functions Page and FunctionFile on it.
  const runtime = descendants(vo, 'Runtime')[0];
  const paneResid = runtime?.getAttribute('resid') ?? '';
  if (!runtime || runtime.getAttribute('lifetime') !== 'long') add('Runtimes', 'needs <Runtime resid="…" lifetime="long"/>');
  const paneUrl = defined.get(paneResid)?.getAttribute('DefaultValue') ?? '';
  if (!/\/taskpane\.html$/.test(paneUrl)) add('Runtimes/Runtime', `must point at the task-pane URL, got "${paneUrl}"`);
  const cf = descendants(vo, 'ExtensionPoint').find((e) => e.getAttribute('xsi:type') === 'CustomFunctions');
  if (!cf) add('ExtensionPoint', 'the CustomFunctions extension point is missing');
  else {
    const page = child(child(cf, 'Page'), 'SourceLocation')?.getAttribute('resid');
    if (page !== paneResid) add('CustomFunctions/Page', 'must use the runtime (task-pane) URL');
    const ns = child(cf, 'Namespace')?.getAttribute('resid') ?? '';
    const nsValue = defined.get(ns)?.getAttribute('DefaultValue');
    if (nsValue !== 'ADPLAN') add('CustomFunctions/Namespace', `must be ADPLAN, got "${nsValue ?? ''}"`);
    const meta = child(child(cf, 'Metadata'), 'SourceLocation')?.getAttribute('resid') ?? '';
    if (!hasZhOverride(defined.get(meta))) add(`Resources/${meta}`, 'functions metadata URL needs a zh-CN bt:Override');
  }
  const functionFile = descendants(vo, 'FunctionFile')[0]?.getAttribute('resid');
  if (functionFile !== paneResid) add('FunctionFile', 'must use the runtime (task-pane) URL');

  // Ribbon: tabs, groups and controls need ids; controls a type Excel knows.
  for (const tab of [...descendants(vo, 'OfficeTab'), ...descendants(vo, 'CustomTab')]) {
    if (!(tab.getAttribute('id') ?? '').trim()) add(tab.localName ?? 'OfficeTab', 'tab id must not be empty');
  }
  for (const g of descendants(vo, 'Group')) if (!(g.getAttribute('id') ?? '').trim()) add('Group', 'group id must not be empty');
  for (const c of descendants(vo, 'Control')) {
    const type = (c.getAttribute('xsi:type') ?? '').replace(/^.*:/u, '');
    const cid = c.getAttribute('id') ?? '';
    if (!CONTROL_TYPES.has(type)) add(`Control ${cid}`, `unknown control type "${type}" (expected ${[...CONTROL_TYPES].join(' or ')})`);
    if (!cid.trim()) add('Control', 'control id must not be empty');
  }

  // zh-CN overrides for everything a user reads.
  if (!hasZhOverride(child(root, 'DisplayName'))) add('DisplayName', 'needs a zh-CN Override');
  if (!hasZhOverride(child(root, 'Description'))) add('Description', 'needs a zh-CN Override');
  const button = descendants(vo, 'Control')[0];
  if (!button) add('Control', 'no ribbon button opens the task pane');
  else {
    const label = child(button, 'Label')?.getAttribute('resid') ?? '';
    const tip = child(child(button, 'Supertip'), 'Description')?.getAttribute('resid') ?? '';
    if (!hasZhOverride(defined.get(label))) add(`Resources/${label}`, 'button label needs a zh-CN bt:Override');
    if (!hasZhOverride(defined.get(tip))) add(`Resources/${tip}`, 'button tooltip needs a zh-CN bt:Override');
    const action = child(button, 'Action');
    if (action?.getAttribute('xsi:type') !== 'ShowTaskpane') add('Control/Action', 'the button must show the task pane');
  }
  return problems;
}
