/**
 * A small XML tokenizer for the parts of an .xlsx: elements, attributes and text, fed a piece of
 * text at a time and calling its handler synchronously. It does what saxes (ExcelJS's parser)
 * does for these parts — entities and character references decoded, line ends and attribute
 * whitespace normalised, comments, CDATA (ExcelJS ignores it), processing instructions and the
 * doctype skipped (no entity is ever expanded), nesting checked — and is held to saxes by a
 * property test. Why not saxes itself: on the 240 MB of sheet XML of a 50 MB export, saxes and
 * its event objects took 4.3 s of CPU and 1 s of GC; this takes 2.6 s, so the whole check went
 * from 9.9 to 6.9 s of CPU (bench/reader-memory.ts).
 */

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /** Element names without their namespace prefix (`x:c` is `c`). */
  open(name: string, attrs: Attributes): void;
  text(text: string): void;
  close(name: string): void;
  /** The error for a token past the limit, naming where it is (a sheet's cell); the scanner's own otherwise. */
  tooLong?(e: XmlTooLong): Error;
}

export class XmlError extends Error {}

/** What outgrew the scanner's token limit: a text node, or one tag with its attributes. */
export type XmlToken = 'text' | 'tag';

/**
 * A text node or a tag longer than the scanner's limit, thrown as soon as the characters seen
 * pass it: the string is never built (a 600 MB cell would not fit in a JS string anyway).
 */
export class XmlTooLong extends XmlError {
  constructor(
    readonly token: XmlToken,
    readonly limit: number,
  ) {
    super(`a ${token === 'text' ? 'text' : 'tag'} longer than ${limit} characters`);
    this.name = 'XmlTooLong';
  }
}

/** Default token limit: far above what Excel writes (a cell holds 32,767 characters, escaped at most ~10× in XML). */
export const XML_TOKEN_CHARS = 1024 * 1024;

const NO_ATTRIBUTES: Attributes = Object.freeze({});

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&([^;&\s]*);?/gu, (m, name: string) => {
    if (!m.endsWith(';')) throw new XmlError(`bare "&" in "${s.slice(0, 40)}"`);
    const known = ENTITIES[name];
    if (known !== undefined) return known;
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : NaN;
    if (!(code >= 0 && code <= 0x10ffff)) throw new XmlError(`unknown entity "&${name.slice(0, 20)};"`);
    // XML 1.0 allows no NUL, not even as a reference.
    if (code === 0) throw new XmlError('a NUL character reference (&#0;)');
    return String.fromCodePoint(code);
  });
}

/** Text as a parser reports it: line ends as \n, references decoded. */
function textValue(s: string): string {
  const t = s.includes('\r') ? s.replace(/\r\n?/gu, '\n') : s;
  return t.includes('&') ? decodeEntities(t) : t;
}

/** An attribute value as a parser reports it: whitespace characters as spaces, references decoded. */
function attrValue(s: string): string {
  // Hot (every attribute of every cell): a loop, not a regex, for the short plain values.
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = c !== 38 && c !== 9 && c !== 10 && c !== 13;
  }
  if (plain) return s;
  const t = s.replace(/\r\n|[\t\n\r]/gu, ' ');
  return t.includes('&') ? decodeEntities(t) : t;
}

const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** Whitespace or the end of a name. */
const isNameEnd = (c: number): boolean => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export class XmlScanner {
  /** Markup cut by the end of a piece, completed by the next one. */
  private carry = '';
  /**
   * Length the carry must reach before it is scanned again: a long tag arriving in many pieces is
   * rescanned only each time it doubles, so its cost stays linear in its length.
   */
  private retryAt = 0;
  /** Inside a comment, CDATA, PI or doctype cut by a piece: its closer, and the text kept to find it. */
  private skipping: string | null = null;
  private skipTail = '';
  /** Text seen since the last markup (a text node may span pieces). */
  private pending = '';
  private readonly stack: string[] = [];
  /** The open elements' names without their prefix, beside `stack`. */
  private readonly locals: string[] = [];
  private rootClosed = false;

  constructor(
    private readonly h: XmlHandler,
    /** Characters one text node or one tag may hold (XmlTooLong past it). */
    private readonly maxToken: number = XML_TOKEN_CHARS,
  ) {}

  write(piece: string): void {
    let s = piece;
    if (this.carry) {
      this.carry += piece;
      // Rescanned when it has doubled, or once past the limit (to refuse it if it is still one tag).
      if (this.carry.length < this.retryAt && this.carry.length <= this.maxToken) return;
      s = this.carry;
      this.carry = '';
    }
    if (this.skipping !== null) {
      // A long comment (or CDATA…) costs one search per piece, nothing kept but its closer's length.
      const t = this.skipTail + s;
      const at = t.indexOf(this.skipping);
      if (at < 0) {
        this.skipTail = t.slice(t.length - Math.min(t.length, this.skipping.length - 1));
        return;
      }
      s = t.slice(at + this.skipping.length);
      this.skipping = null;
      this.skipTail = '';
    }
    this.scan(s);
  }

  private scan(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        this.addText(s.slice(i));
        return;
      }
      if (lt > i) this.addText(s.slice(i, lt));
      const end = this.markup(s, lt);
      if (end < 0) {
        this.carry = s.slice(lt);
        if (this.carry.length > this.maxToken) throw new XmlTooLong('tag', this.maxToken);
        this.retryAt = 2 * this.carry.length;
        return;
      }
      i = end;
    }
  }

  private addText(t: string): void {
    this.pending = this.pending ? this.pending + t : t;
    if (this.pending.length > this.maxToken) throw new XmlTooLong('text', this.maxToken);
  }

  close(): void {
    if (this.carry) {
      // Scanned once more (it may have been waiting to double).
      const c = this.carry;
      this.carry = '';
      this.retryAt = 0;
      this.scan(c);
    }
    if (this.carry || this.skipping !== null) throw new XmlError('the part ends inside a tag');
    if (this.stack.length > 0) throw new XmlError(`unclosed element <${this.stack[this.stack.length - 1] ?? ''}>`);
    if (!this.rootClosed) throw new XmlError('no root element');
  }

  private flushText(): void {
    if (!this.pending) return;
    const t = this.pending;
    this.pending = '';
    if (this.stack.length > 0) this.h.text(textValue(t));
    else if (/\S/u.test(t)) throw new XmlError('text outside the root element');
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when the piece ends inside it. */
  private markup(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1);
    if (Number.isNaN(c1)) return -1;
    if (c1 === 33 || c1 === 63) {
      // <! <? — skipped; text on both sides stays one text, but its line ends are settled here
      // (as a parser reports the text before it): a CR never pairs with a LF after the skipped part.
      if (this.pending.includes('\r')) this.pending = this.pending.replace(/\r\n?/gu, '\n');
      return this.skip(s, lt);
    }
    this.flushText();
    if (c1 === 47) {
      // </name>: hot (every cell closes two), so the open element's name is compared in place.
      const top = this.stack[this.stack.length - 1];
      if (top !== undefined && s.charCodeAt(lt + 2 + top.length) === 62 && s.startsWith(top, lt + 2)) {
        this.stack.pop();
        const local = this.locals.pop() as string;
        if (this.stack.length === 0) this.rootClosed = true;
        this.h.close(local);
        return lt + 3 + top.length;
      }
      const gt = s.indexOf('>', lt + 2);
      if (gt < 0) return -1;
      const name = s.slice(lt + 2, gt).trimEnd();
      const open = this.stack.pop();
      this.locals.pop();
      if (open !== name) throw new XmlError(`</${name.slice(0, 40)}> closes <${open ?? ''}>`);
      if (this.stack.length === 0) this.rootClosed = true;
      this.h.close(localName(name));
      return gt + 1;
    }
    let i = lt + 1;
    while (i < s.length && !isNameEnd(s.charCodeAt(i))) i++;
    if (i >= s.length) return -1;
    const name = s.slice(lt + 1, i);
    if (!name) throw new XmlError('a "<" that starts no tag');
    // Most elements (<v>, <t>, </…>) have no attributes: they share one empty object.
    let attrs: Record<string, string> | null = null;
    for (;;) {
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      if (i >= s.length) return -1;
      const c = s.charCodeAt(i);
      if (c === 62 || c === 47) {
        // > or />
        const self = c === 47;
        if (self) {
          if (i + 1 >= s.length) return -1;
          if (s.charCodeAt(i + 1) !== 62) throw new XmlError(`bad tag <${name.slice(0, 40)}>`);
        }
        this.begin(name, attrs ?? NO_ATTRIBUTES);
        if (self) this.end(name);
        return i + (self ? 2 : 1);
      }
      let eq = i;
      while (eq < s.length && !isNameEnd(s.charCodeAt(eq)) && s.charCodeAt(eq) !== 61) eq++;
      const key = s.slice(i, eq);
      while (eq < s.length && isSpace(s.charCodeAt(eq))) eq++;
      if (eq >= s.length) return -1;
      if (s.charCodeAt(eq) !== 61 || !key) throw new XmlError(`bad attribute in <${name.slice(0, 40)}>`);
      let q = eq + 1;
      while (q < s.length && isSpace(s.charCodeAt(q))) q++;
      if (q >= s.length) return -1;
      const quote = s.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw new XmlError(`unquoted attribute ${key.slice(0, 40)}`);
      const close = s.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0) return -1;
      attrs ??= Object.create(null) as Record<string, string>;
      // Well-formed XML never repeats an attribute: a second value would silently win.
      if (Object.hasOwn(attrs, key)) throw new XmlError(`duplicate attribute ${key.slice(0, 40)} in <${name.slice(0, 40)}>`);
      attrs[key] = attrValue(s.slice(q + 1, close));
      i = close + 1;
    }
  }

  private begin(name: string, attrs: Attributes): void {
    if (this.rootClosed) throw new XmlError('a second root element');
    const local = localName(name);
    this.stack.push(name);
    this.locals.push(local);
    this.h.open(local, attrs);
  }

  private end(name: string): void {
    this.stack.pop();
    this.locals.pop();
    if (this.stack.length === 0) this.rootClosed = true;
    this.h.close(localName(name));
  }

  /** Comments, CDATA, processing instructions, the doctype: nothing ExcelJS reads. */
  private skip(s: string, lt: number): number {
    const close = s.startsWith('<!--', lt) ? '-->' : s.startsWith('<![CDATA[', lt) ? ']]>' : s.startsWith('<?', lt) ? '?>' : '>';
    // "<!-" or "<![CDA" cut by the piece's end: wait for more before deciding.
    if (close === '>' && s.length - lt < 9 && ('<!--'.startsWith(s.slice(lt, lt + 4)) || '<![CDATA['.startsWith(s.slice(lt)))) return -1;
    const at = s.indexOf(close, lt + 2);
    if (at < 0) {
      // Not closed in this piece: skip on without carrying it (a 40 MB comment stays linear).
      this.skipping = close;
      const from = Math.max(lt + 2, s.length - (close.length - 1));
      this.skipTail = s.slice(from);
      return s.length;
    }
    // CDATA is text to a parser; ExcelJS ignores it (it listens for text only), so it is dropped.
    return at + close.length;
  }
}
