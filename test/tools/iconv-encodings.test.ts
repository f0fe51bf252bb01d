/**
 * The browser's iconv-lite encodings (tools/webpack/iconv-encodings.js, swapped in by webpack)
 * decode what the full package decodes for every encoding the readers use, and nothing else.
 */
import * as iconv from 'iconv-lite';

type Iconv = Omit<typeof iconv, 'encodings'> & { encodings: Record<string, unknown> | null };

/** A fresh iconv-lite with only the browser's encodings loaded. */
function browserIconv(): Iconv {
  let lib: Iconv | undefined;
  jest.isolateModules(() => {
    lib = jest.requireActual<Iconv>('iconv-lite');
    lib.encodings = { __proto__: null, ...jest.requireActual<Record<string, unknown>>('../../tools/webpack/iconv-encodings.js') } as Record<string, unknown>;
  });
  return lib!;
}

const TEXT = '日期,直播间成交金额,千川消耗\n2024-05-01,¥1.2万,€35 😀 𠀀\n';

describe('the browser build of iconv-lite', () => {
  const lite = browserIconv();

  it.each(['gb18030', 'utf-16le', 'utf-16be', 'utf-8'])('decodes %s byte for byte like the full package', (enc) => {
    const bytes = iconv.encode(TEXT, enc);
    expect(lite.decode(bytes, enc)).toBe(iconv.decode(bytes, enc));
    expect(lite.decode(bytes, enc)).toBe(TEXT);
    const d = lite.getDecoder(enc);
    const half = Math.floor(bytes.length / 2);
    expect(d.write(bytes.subarray(0, half)) + d.write(bytes.subarray(half)) + (d.end() ?? '')).toBe(iconv.decode(bytes, enc));
  });

  it('knows no other codepage (they are not shipped)', () => {
    for (const enc of ['shift_jis', 'big5', 'euc-kr', 'windows-1252', 'koi8-r']) {
      expect(lite.encodingExists(enc)).toBe(false);
      expect(iconv.encodingExists(enc)).toBe(true);
    }
  });
});
