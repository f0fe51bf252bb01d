/**
 * A zip part's XML as events, synchronously (xml-scan.ts calls the handlers before write() returns),
 * a text piece at a time: what the handlers complete (rows, strings) is handed on after each
 * piece, so nothing larger than one piece and its results is held. Browser-safe.
 */
import { XmlError, XmlScanner, XmlTooLong, type XmlHandler } from '../xml/xml-scan';
import { tokenTooLong } from './xlsx-errors';
import type { ByteSource } from '../bytes';
import { damaged, type ZipEntry } from '../zip/zip-guard';
import { partText, PIECE } from './xlsx-inflate';

export type { Attributes, XmlHandler } from '../xml/xml-scan';

/**
 * Feeds the part to `h`; after each piece, yields and empties `done` (what the handler finished).
 * Malformed XML is the damaged-file error naming the part; any other error (a handler's own,
 * e.g. a cell past the limit) passes unchanged.
 */
export function* walkPart<T>(src: ByteSource, e: ZipEntry, fileName: string, h: XmlHandler, done: T[], piece = PIECE): Generator<T> {
  const parser = new XmlScanner(h);
  const fail = (err: unknown): never => {
    if (!(err instanceof XmlError)) throw err;
    if (err instanceof XmlTooLong) throw h.tooLong?.(err) ?? tokenTooLong(fileName, e.name, err);
    throw damaged(fileName, `part "${e.name.slice(0, 80)}": ${err.message.slice(0, 120)}`);
  };
  for (const s of partText(src, e, fileName, piece)) {
    try {
      parser.write(s);
    } catch (err) {
      fail(err);
    }
    if (done.length > 0) {
      // Hot: a plain loop, not yield* (a delegated iterator per piece).
      for (let i = 0; i < done.length; i++) yield done[i] as T;
      done.length = 0;
    }
  }
  try {
    parser.close();
  } catch (err) {
    fail(err);
  }
  if (done.length > 0) yield* done.splice(0);
}

/** The whole of a small part, for parts read once (workbook, rels, styles, shared strings). */
export function readPart(src: ByteSource, e: ZipEntry, fileName: string, h: XmlHandler, piece?: number): void {
  for (const x of walkPart<never>(src, e, fileName, h, [], piece)) void x;
}
