/**
 * The .xlsx XML tokenizer (xml-scan.ts) against saxes, the parser ExcelJS reads with: random
 * documents with entities, character references, line ends, '>' and quotes in attributes,
 * comments, CDATA and a declaration, cut into random pieces, give the events saxes gives (the
 * text events ExcelJS listens to, adjacent ones joined); malformed parts are errors. Where saxes
 * is stricter about things no producer writes ("]]>" in text), the tokenizer is lenient.
 */
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { XmlScanner, type Attributes } from '../../src/data/formats';

type Event = ['open', string, Attributes] | ['text', string] | ['close', string];

const local = (n: string): string => n.slice(n.indexOf(':') + 1);

/** Adjacent text events joined; whitespace outside the root (saxes reports it) dropped: no handler reads it. */
function join(events: Event[]): Event[] {
  const out: Event[] = [];
  let depth = 0;
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'open') depth++;
    if (e[0] === 'close') depth--;
    if (e[0] === 'text' && depth === 0) continue;
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e);
  }
  return out.filter((e) => e[0] !== 'text' || e[1] !== '');
}

function bySaxes(xml: string): Event[] {
  const events: Event[] = [];
  const p = new SaxesParser();
  p.on('opentag', (t) => events.push(['open', local(t.name), { ...(t.attributes as Record<string, string>) }]));
  p.on('text', (t) => events.push(['text', t]));
  p.on('closetag', (t) => events.push(['close', local(t.name)]));
  p.write(xml).close();
  return join(events);
}

function byScanner(pieces: string[]): Event[] {
  const events: Event[] = [];
  const s = new XmlScanner({
    open: (name, attrs) => events.push(['open', name, { ...attrs }]),
    text: (t) => events.push(['text', t]),
    close: (name) => events.push(['close', name]),
  });
  for (const p of pieces) s.write(p);
  s.close();
  return join(events);
}

const TEXT = ['a', '成交', ' ', '\n', '\r\n', '\r', '\t', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x4e2d;', '&#128512;', '>', '"', "'", '_x000D_'];
const text = fc.array(fc.constantFrom(...TEXT), { maxLength: 6 }).map((xs) => xs.join(''));
const attrText = fc.array(fc.constantFrom(...TEXT.filter((t) => t !== '"' && t !== "'")), { maxLength: 4 }).map((xs) => xs.join(''));
const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'x:id', 'formatCode'), attrText, fc.boolean()), { selector: (a) => a[0], maxLength: 3 });
const name = fc.constantFrom('row', 'c', 'v', 't', 'x:si', 'r');

const node: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? fc.oneof(text, fc.constant('<!-- note -> x -->'), fc.constant('<![CDATA[<c>]]>'))
    : fc.oneof(
        text,
        fc
          .tuple(name, attrs, fc.array(node(depth - 1), { maxLength: 4 }), fc.boolean(), fc.constantFrom(' ', '\n  ', ''))
          .map(([n, as, kids, self, ws]) => {
            const a = as.map(([k, v, single]) => (single ? ` ${k}='${v}'` : `${ws || ' '}${k} = "${v}"`)).join('');
            return self && kids.length === 0 ? `<${n}${a}${ws}/>` : `<${n}${a}${ws}>${kids.join('')}</${n}${ws}>`;
          }),
      ),
);

const doc = fc
  .tuple(fc.boolean(), fc.array(node(3), { maxLength: 4 }))
  .map(([decl, kids]) => `${decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' : ''}<x:root a="1">${kids.join('')}</x:root>\n`);

/** Cut points: every piece non-empty. */
function cut(s: string, at: number[]): string[] {
  const points = [...new Set(at.map((a) => a % (s.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    if (p > from) out.push(s.slice(from, p));
    from = Math.max(from, p);
  }
  out.push(s.slice(from));
  return out;
}

describe('the XML tokenizer gives the events saxes gives', () => {
  it('a CR before a skipped CDATA or comment ends its line there (found by the property below)', () => {
    for (const xml of ['<x:root a="1"><row >\r<![CDATA[<c>]]>\n</row ></x:root>\n', '<r>\r<!-- c -->\n</r>', '<r>\r\r<!-- c --></r>', '<r>a\r\nb\r<?pi x?>\n\rc</r>']) {
      expect(byScanner([xml])).toEqual(bySaxes(xml));
      expect(byScanner([xml.slice(0, xml.indexOf('\r') + 1), xml.slice(xml.indexOf('\r') + 1)])).toEqual(bySaxes(xml));
    }
  });

  it('on random documents, cut anywhere', () => {
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 12 }), (xml, at) => {
        expect(byScanner(cut(xml, at))).toEqual(bySaxes(xml));
      }),
      { numRuns: 400 },
    );
  });

  it('one character at a time', () => {
    const xml = '<?xml version="1.0"?><sst><si a="x &gt; y&#10;z"><t xml:space="preserve"> a&amp;b\r\n</t><!-- c --><![CDATA[d]]></si></sst>';
    expect(byScanner([...xml])).toEqual(bySaxes(xml));
    expect(byScanner([xml])).toEqual([
      ['open', 'sst', {}],
      ['open', 'si', { a: 'x > y\nz' }],
      ['open', 't', { 'xml:space': 'preserve' }],
      ['text', ' a&b\n'],
      ['close', 't'],
      ['close', 'si'],
      ['close', 'sst'],
    ]);
  });

  it.each([
    ['<a><b></a>', /closes/u],
    ['<a>', /unclosed/u],
    ['<a x="1></a>', /ends inside a tag/u],
    ['<a>&nbsp;</a>', /unknown entity/u],
    ['<a>a & b</a>', /bare "&"/u],
    ['<a></a><b/>', /second root/u],
    ['<a y=1/>', /unquoted/u],
    ['', /no root/u],
  ])('%j is an error', (xml, message) => {
    expect(() => byScanner([xml])).toThrow(message);
  });
});
