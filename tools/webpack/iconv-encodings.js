/**
 * The browser build's replacement for iconv-lite's encodings/index.js, which requires every
 * codepage it knows (Japanese, Korean, Big5, ~170 single-byte tables: ~135 KB minified). The pane
 * and preview decode only what Chinese Excel saves (src/data/formats/csv/csv.ts): GB18030 through
 * iconv, UTF-16 LE/BE through its decoders; UTF-8 is TextDecoder's. The definitions below are
 * iconv-lite's own (encodings/dbcs-data.js, gb18030), so the browser decodes byte for byte what
 * the CLI decodes with the full package. webpack.config.js swaps this in; test/tools/iconv-
 * encodings.test.ts holds it to the full package.
 */
module.exports = {
  ...require('iconv-lite/encodings/internal'),
  ...require('iconv-lite/encodings/utf16'),
  ...require('iconv-lite/encodings/dbcs-codec'),
  gb18030: {
    type: '_dbcs',
    table: () => require('iconv-lite/encodings/tables/cp936.json').concat(require('iconv-lite/encodings/tables/gbk-added.json')),
    gb18030: () => require('iconv-lite/encodings/tables/gb18030-ranges.json'),
    encodeSkipVals: [0x80],
    encodeAdd: { '€': 0xa2e3 },
  },
};
