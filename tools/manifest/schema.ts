/**
 * The manifest schema's content models for every element AdPlan's manifest uses (Microsoft's
 * 1.1 TaskPaneApp XSD and the VersionOverrides 1.0 / [MS-OWEMXML] definitions; PLATFORM.md "Facts
 * added 2026-12"): for each, its children as a sequence with multiplicities. `checkSequences`
 * walks the document and reports, per element, a child out of order, a child the schema does not
 * allow there, a required child missing, or one repeated more often than allowed. Elements not
 * listed here are not checked (the CLI says so), which keeps the claim honest.
 */
import type { Element as XmlElement } from '@xmldom/xmldom';

/** One child slot: its local name and how many times it may occur (max Infinity = unbounded). */
export interface Slot {
  name: string;
  min: number;
  max: number;
}

const one = (name: string): Slot => ({ name, min: 1, max: 1 });
const opt = (name: string): Slot => ({ name, min: 0, max: 1 });
const many = (name: string, min = 0): Slot => ({ name, min, max: Infinity });

const NS_OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';

/**
 * Content models, keyed by element local name, `name:xsi-type` when the type decides the model,
 * and `ov:name` for VersionOverrides elements whose name also occurs in the 1.1 part (Hosts, Host,
 * Requirements, Description).
 */
export const SEQUENCES: Readonly<Record<string, readonly Slot[]>> = {
  // 1.1 TaskPaneApp
  OfficeApp: [
    one('Id'), opt('AlternateId'), one('Version'), one('ProviderName'), one('DefaultLocale'), one('DisplayName'),
    one('Description'), one('IconUrl'), one('HighResolutionIconUrl'), opt('SupportUrl'), opt('AppDomains'), opt('Hosts'),
    opt('Requirements'), one('DefaultSettings'), one('Permissions'), opt('AllowSnapshot'), opt('VersionOverrides'),
  ],
  DisplayName: [many('Override')],
  Description: [many('Override')],
  IconUrl: [many('Override')],
  HighResolutionIconUrl: [many('Override')],
  SupportUrl: [many('Override')],
  AppDomains: [many('AppDomain')],
  Hosts: [many('Host', 1)],
  Requirements: [opt('Sets'), opt('Methods')],
  Sets: [many('Set', 1)],
  DefaultSettings: [one('SourceLocation')],
  // VersionOverrides 1.0 (task pane)
  VersionOverrides: [opt('ov:Description'), opt('ov:Requirements'), one('ov:Hosts'), opt('Resources'), opt('EquivalentAddins'), opt('VersionOverrides')],
  'ov:Hosts': [many('ov:Host', 1)],
  'ov:Host': [opt('Runtimes'), opt('AllFormFactors'), opt('DesktopFormFactor')],
  Runtimes: [many('Runtime', 1)],
  AllFormFactors: [many('ExtensionPoint', 1)],
  'ExtensionPoint:CustomFunctions': [one('Script'), one('Page'), one('Metadata'), one('Namespace')],
  Script: [one('SourceLocation')],
  Page: [one('SourceLocation')],
  Metadata: [one('SourceLocation')],
  DesktopFormFactor: [opt('GetStarted'), one('FunctionFile'), many('ExtensionPoint')],
  GetStarted: [one('Title'), one('ov:Description'), one('LearnMoreUrl')],
  'ExtensionPoint:PrimaryCommandSurface': [opt('CustomTab'), opt('OfficeTab')],
  OfficeTab: [many('Group', 1)],
  Group: [one('Label'), opt('Icon'), many('Control', 1)],
  'Control:Button': [one('Label'), one('Supertip'), one('Icon'), one('Action')],
  Supertip: [one('Title'), one('ov:Description')],
  Icon: [many('Image', 1)],
  'Action:ShowTaskpane': [opt('TaskpaneId'), one('SourceLocation'), opt('Title'), opt('SupportsPinning')],
  Resources: [opt('Images'), opt('Urls'), opt('ShortStrings'), opt('LongStrings')],
  Images: [many('Image', 1)],
  Urls: [many('Url', 1)],
  ShortStrings: [many('String', 1)],
  LongStrings: [many('String', 1)],
  Image: [many('Override')],
  Url: [many('Override')],
  String: [many('Override')],
};

const SHARED_NAMES = new Set(['Hosts', 'Host', 'Requirements', 'Description']);

/** The key of an element in SEQUENCES (also how a child is named in a slot). */
export function keyOf(el: XmlElement): string {
  const name = el.localName ?? '';
  const type = (el.getAttribute('xsi:type') ?? '').replace(/^.*:/u, '');
  const base = el.namespaceURI === NS_OV && SHARED_NAMES.has(name) ? `ov:${name}` : name;
  if (type && SEQUENCES[`${base}:${type}`]) return `${base}:${type}`;
  return base;
}

/** A child's name as slots spell it (the type does not matter for the parent's sequence). */
function slotName(el: XmlElement): string {
  const name = el.localName ?? '';
  return el.namespaceURI === NS_OV && SHARED_NAMES.has(name) ? `ov:${name}` : name;
}

const shown = (slot: string): string => slot.replace(/^ov:/u, '');

function elementChildren(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}

/** One element's children against its sequence; `where` is the element's path. */
export function checkSequence(el: XmlElement, slots: readonly Slot[], where: string, add: (where: string, message: string) => void): void {
  const names = slots.map((s) => s.name);
  const missing = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if ((slots[i]?.min ?? 0) > 0) add(`${where}/${shown(names[i] ?? '')}`, 'required element is missing');
  };
  let last = -1; // the slot the previous child filled
  let count = 0; // how many children filled it
  for (const c of elementChildren(el)) {
    const name = slotName(c);
    const path = `${where}/${shown(name)}`;
    const idx = names.indexOf(name);
    if (idx < 0) add(path, 'element not allowed here by the schema');
    else if (idx < last) add(path, `out of schema order (must come before ${shown(names[last] ?? '')})`);
    else if (idx === last) {
      count++;
      const max = slots[idx]?.max ?? 1;
      if (count === max + 1) add(path, `may occur at most ${max} time${max === 1 ? '' : 's'} here`);
    } else {
      missing(last + 1, idx);
      last = idx;
      count = 1;
    }
  }
  missing(last + 1, slots.length);
}

/** Every element of the document whose content model is listed, recursively. */
export function checkSequences(root: XmlElement, add: (where: string, message: string) => void): void {
  const visit = (el: XmlElement, where: string): void => {
    const slots = SEQUENCES[keyOf(el)];
    if (slots) checkSequence(el, slots, where, add);
    for (const c of elementChildren(el)) visit(c, `${where}/${shown(slotName(c))}`);
  };
  visit(root, root.localName ?? '');
}
