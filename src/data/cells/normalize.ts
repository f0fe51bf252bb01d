/**
 * Text normalisation shared by header matching and cell parsing: exports come in simplified or
 * traditional Chinese, full- or half-width, with unit suffixes and stray spaces.
 */

/**
 * Traditional → simplified for the characters that occur in our header aliases, assumption
 * labels and totals markers (pairs: traditional, simplified). Not a general converter.
 */
const TRAD_SIMP =
  '觀观數数間间開开時时統统計计費费訂订單单額额戶户銷销體体廣广點点擊击總总彙汇匯汇準准備备貨货' +
  '資资運运儲储週周預预發发與与後后動动係系減减變变劃划線线確确轉转換换傭佣達达術术務务價价現现' +
  '飽饱產产邊边際际庫库據据來来標标題题場场號号帳账賬账長长說说註注稱称項项類类別别鍵键額额' +
  '數数導导購购買买實实際际採采個个們们這这為为裡里內内頁页佔占幣币萬万億亿檔档錄录問问聯联';

const TRAD_MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(TRAD_SIMP);
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i] as string, chars[i + 1] as string);
  return m;
})();

/** Plain ASCII text is already half-width and simplified: the reader's hot path skips the work. */
// eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
const ASCII = /^[\u0000-\u007f]*$/u;

export function toSimplified(s: string): string {
  if (ASCII.test(s)) return s;
  let out = '';
  for (const ch of s) out += TRAD_MAP.get(ch) ?? ch;
  return out;
}

/** NFKC folds full-width digits, letters and punctuation (（）％，) to half-width. */
export function toHalfWidth(s: string): string {
  return ASCII.test(s) ? s : s.normalize('NFKC');
}

/** Trailing unit groups such as (元) (%) [次] 【人】, repeated: "金额(元)(¥)" → "金额". */
const UNIT_SUFFIX = /(?:\s*[([【][^()[\]【】]{0,12}[)\]】])+\s*$/u;

/**
 * The form headers and keys are compared in: BOM and spaces gone, half-width, simplified,
 * lower case, unit suffix dropped, and `_`/`-`/spaces removed so "Ad Spend" = "ad_spend".
 */
export function headerKey(raw: string): string {
  let s = toSimplified(toHalfWidth(raw.replace(/^\uFEFF/, ''))).trim();
  const stripped = s.replace(UNIT_SUFFIX, '');
  if (stripped.length > 0) s = stripped;
  return s.toLowerCase().replace(/[\s_\-·.:：]+/gu, '');
}

/** Text of a cell for messages: never "[object Object]", dates as ISO. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().replace('T00:00:00.000Z', '');
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : String(v);
  return String(v);
}
