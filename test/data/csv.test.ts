import * as iconv from 'iconv-lite';
import { decodeText, detectDelimiter, parseCsv, readCsvBytes } from '../../src/data/formats';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('CSV decoding', () => {
  it('UTF-8 with and without BOM', () => {
    expect(decodeText(utf8('\uFEFF日期,成交金额'))).toEqual({ text: '日期,成交金额', encoding: 'utf-8' });
    expect(decodeText(utf8('日期,成交金额'))).toEqual({ text: '日期,成交金额', encoding: 'utf-8' });
  });

  it('GBK / GB18030 as Chinese Excel saves "CSV" (invalid as UTF-8)', () => {
    const bytes = new Uint8Array(iconv.encode('日期,直播间成交金额,合计', 'gbk'));
    expect(decodeText(bytes)).toEqual({ text: '日期,直播间成交金额,合计', encoding: 'gb18030' });
  });

  it('UTF-16 LE and BE with BOM ("Unicode text")', () => {
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode('日期\t金额', 'utf-16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode('日期\t金额', 'utf-16be')]);
    expect(decodeText(le)).toEqual({ text: '日期\t金额', encoding: 'utf-16le' });
    expect(decodeText(be)).toEqual({ text: '日期\t金额', encoding: 'utf-16be' });
  });
});

describe('CSV parsing', () => {
  it('detects tab, comma or semicolon, ignoring separators inside quotes', () => {
    expect(detectDelimiter('a\tb\tc\n1\t"2,3,4,5"\t6')).toBe('\t');
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('quoted fields with separators, doubled quotes and line breaks; CRLF, LF and CR', () => {
    expect(parseCsv('a,"b,1","say ""hi"""\r\n1,"two\nlines",3\r4,5,6\n', ',')).toEqual([
      ['a', 'b,1', 'say "hi"'],
      ['1', 'two\nlines', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps empty lines as empty rows (a blank line before 合计 stays visible) and the last line without newline', () => {
    expect(parseCsv('a,b\n\n合计,3', ',')).toEqual([['a', 'b'], [''], ['合计', '3']]);
  });

  it('readCsvBytes puts it together', () => {
    const r = readCsvBytes(new Uint8Array(iconv.encode('日期\t金额\r\n2024/5/1\t"1,234"\r\n', 'gbk')));
    expect(r).toEqual({ cells: [['日期', '金额'], ['2024/5/1', '1,234']], encoding: 'gb18030', delimiter: '\t' });
  });
});
