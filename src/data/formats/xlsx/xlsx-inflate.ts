/**
 * One zip part's bytes, inflated a piece at a time (pako, synchronous), so a 500 MB sheet is
 * never whole in memory: at most one compressed piece and what it inflates to are held.
 * Browser-safe.
 */
import { Inflate } from 'pako';
import type { ByteSource } from '../bytes';
import { damaged, entryStart, pastDeclared, type ZipEntry } from '../zip/zip-guard';

/** Compressed bytes read per step. */
export const PIECE = 64 * 1024;

/**
 * The part's inflated bytes in order. Throws the damaged-file error for a broken stream or an
 * unknown method, and the past-declared error when it outgrows its directory size.
 */
export function* partBytes(src: ByteSource, e: ZipEntry, fileName: string, piece = PIECE): Generator<Uint8Array> {
  const start = entryStart(src, e);
  if (start === null || start + e.compressed > src.size) throw damaged(fileName, `part "${e.name.slice(0, 80)}" is cut short`);
  if (e.method === 0) {
    for (let at = 0; at < e.compressed; at += piece) yield src.read(start + at, Math.min(piece, e.compressed - at));
    return;
  }
  if (e.method !== 8) throw damaged(fileName, `part "${e.name.slice(0, 80)}" uses zip method ${e.method}`);
  const out: Uint8Array[] = [];
  const inflate = new Inflate({ raw: true });
  // Keep nothing: pako's default onData/onEnd would collect the whole part.
  inflate.onData = (chunk) => {
    if (chunk instanceof Uint8Array) out.push(chunk);
  };
  inflate.onEnd = () => undefined;
  let seen = 0;
  for (let at = 0; at < e.compressed; at += piece) {
    const len = Math.min(piece, e.compressed - at);
    inflate.push(src.read(start + at, len), at + len >= e.compressed);
    if (inflate.err) throw damaged(fileName, `part "${e.name.slice(0, 80)}": ${inflate.msg || 'bad deflate data'}`);
    for (let c = out.shift(); c; c = out.shift()) {
      seen += c.length;
      if (seen > e.inflated) throw pastDeclared(fileName, e);
      yield c;
    }
  }
}

/** The part's text, decoded as UTF-8 a piece at a time (a character split between pieces is kept whole). */
export function* partText(src: ByteSource, e: ZipEntry, fileName: string, piece = PIECE): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  for (const bytes of partBytes(src, e, fileName, piece)) {
    const s = decoder.decode(bytes, { stream: true });
    if (s) yield s;
  }
  const last = decoder.decode();
  if (last) yield last;
}
