/**
 * A zip part's XML as events, synchronously (saxes' write() calls the handlers before it returns),
 * a text piece at a time: what the handlers complete (rows, strings) is handed on after each
 * piece, so nothing larger than one piece and its results is held. Browser-safe.
 */
import { SaxesParser } from 'saxes';
import { isAdplanError } from '../model/errors';
import { damaged, type ByteSource, type ZipEntry } from './zip-guard';
import { partText, PIECE } from './xlsx-inflate';

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  /** Element names without their namespace prefix (`x:c` is `c`). */
  open(name: string, attrs: Attributes): void;
  text(text: string): void;
  close(name: string): void;
}

const local = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/**
 * Feeds the part to `h`; after each piece, yields and empties `done` (what the handler finished).
 * A malformed part is the damaged-file error naming it. `stop()` from the handler ends the walk.
 */
export function* walkPart<T>(src: ByteSource, e: ZipEntry, fileName: string, h: XmlHandler, done: T[], piece = PIECE): Generator<T> {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => h.open(local(tag.name), tag.attributes as Attributes));
  // ExcelJS reads 'text' only (no CDATA; Excel never writes any), and so does this.
  parser.on('text', (t) => h.text(t));
  parser.on('closetag', (tag) => h.close(local(tag.name)));
  const fail = (err: unknown): never => {
    // A handler's own error (a cell past the limit) is already the message to give.
    if (isAdplanError(err)) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw damaged(fileName, `part "${e.name.slice(0, 80)}": ${why.slice(0, 120)}`);
  };
  for (const s of partText(src, e, fileName, piece)) {
    try {
      parser.write(s);
    } catch (err) {
      fail(err);
    }
    if (done.length > 0) yield* done.splice(0);
  }
  try {
    parser.close();
  } catch (err) {
    fail(err);
  }
  if (done.length > 0) yield* done.splice(0);
}

/** The whole of a small part, for parts read once (workbook, rels, styles, shared strings). */
export function readPart(src: ByteSource, e: ZipEntry, fileName: string, h: XmlHandler): void {
  for (const x of walkPart<never>(src, e, fileName, h, [])) void x;
}
