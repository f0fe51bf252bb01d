/**
 * Chinese a Douyin provider would write (issue #26): every zh-CN sentence uses full-width
 * punctuation (，。：；（）！？) and names no internal key or symbol (λ/θ, cogs_rate, null, R², S* …).
 * Those live in 模型细节 (the pane's details.* keys) and in messages about an ADPLAN function's own
 * arguments, listed below with the reason.
 */
import { asciiPunctuationInChinese, internalKeys } from './zh-rules';
import { zhStrings, type ZhString } from './zh-strings';

/** Where an internal key is the point of the sentence. */
const KEYS_ALLOWED: readonly { where: RegExp; why: string }[] = [
  { where: /^zh-CN\.ts details\./u, why: '模型细节 (ModelDetails) is where the model’s own terms are shown' },
  { where: /^src\/functions\//u, why: 'an ADPLAN function’s argument names, in the cell whose formula has them' },
  {
    where: /^src\/model\/(fit\/curve-fit|fit\/baseline|plan\/cash|simulate\/monte-carlo|simulate\/risk|transforms\/response-curve|report\/kpi)\.ts:/u,
    why: 'argument checks of ADPLAN functions (spend, paid_gmv, window_days, runs, seed, stat, target_mroi, period)',
  },
  { where: /^src\/data\/merchant\/workbook\.ts:/u, why: 'says which keys an assumptions sheet must have (its key column is written that way)' },
  { where: /^src\/(cli|data\/experiment|model\/experiment)\//u, why: 'CLI flags and the experiment sheets’ statistics (σ, ρ) for analysts' },
];

const strings = zhStrings();
const punctuation = strings.flatMap((s) => asciiPunctuationInChinese(s.text).map((m) => `${s.where}: “${m}” in ${s.text}`));
const allowed = (s: ZhString): boolean => KEYS_ALLOWED.some((a) => a.where.test(s.where));
const keys = strings.filter((s) => !allowed(s)).flatMap((s) => internalKeys(s.text).map((k) => `${s.where}: ${k} in ${s.text}`));

it('gathers the Chinese text of the dictionary and of every text(en, zh) in src/', () => {
  expect(strings.length).toBeGreaterThan(900);
  expect(strings.some((s) => s.where.startsWith('zh-CN.ts '))).toBe(true);
  expect(strings.some((s) => s.where.startsWith('src/model/'))).toBe(true);
});

it('uses no ASCII punctuation inside a Chinese sentence', () => {
  expect(punctuation).toEqual([]);
});

it('names no internal key or symbol outside 模型细节 and the function-argument messages', () => {
  expect(keys).toEqual([]);
});

it('says 基准/稳健/进取, never the English preset names', () => {
  expect(strings.filter((s) => /\b(Base|Conservative|Aggressive)\b/u.test(s.text) && !allowed(s)).map((s) => s.where)).toEqual([]);
});

describe('the rules catch what they are for', () => {
  it.each([
    ['数据:文件', ':'],
    ['无法打开该文件;仍保留', ';'],
    ['目标表(净成交ROI)', '('],
    ['已排除.', '.'],
    ['计划 {x},第 3 天', ','],
    ['真的吗?', '?'],
  ])('%s', (s, p) => {
    expect(asciiPunctuationInChinese(s).join('')).toContain(p);
  });
  it.each(['A1:K91 中', '¥1,234.5万', '1.2% · 客单价', '四个方案.xlsx', '（+99%），每天', 'ROI 目标 2.84'])('leaves %s alone', (s) => {
    expect(asciiPunctuationInChinese(s)).toEqual([]);
  });
  it.each(['λ = 0', 'θ', 'cogs_rate', 'null', 'hill gmax', 'R² 0.9', 'S* 区间', 'ramp/target'])('finds the key in %s', (s) => {
    expect(internalKeys(`说明 ${s} 说明`).length).toBeGreaterThan(0);
  });
});
