/**
 * Every Chinese sentence AdPlan can show, gathered from the source: the pane's zh-CN dictionary,
 * the second argument of each `text(en, zh)` call and each `'zh-CN': …` or `zh: …` property. A template's
 * `${…}` parts read as "{x}" (what the placeholder becomes is a number or a name).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { zhCN } from '../../src/taskpane/i18n/zh-CN';

export interface ZhString {
  /** file:line, or the dictionary key. */
  where: string;
  text: string;
}

const ROOT = join(__dirname, '..', '..');
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/u.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A literal's text; a template's with each substitution as "{x}"; null for anything computed. */
function literal(n: ts.Node): string | null {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return n.head.text + n.templateSpans.map((s) => `{x}${s.literal.text}`).join('');
  if (ts.isParenthesizedExpression(n)) return literal(n.expression);
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [l, r] = [literal(n.left), literal(n.right)];
    return `${l ?? '{x}'}${r ?? '{x}'}`;
  }
  return null;
}

/** The sentence, the branches of `a ? 'x' : 'y'`, and every piece nested in its `${…}` parts. */
function literals(n: ts.Node): string[] {
  if (ts.isConditionalExpression(n)) return [...literals(n.whenTrue), ...literals(n.whenFalse)];
  const s = literal(n);
  const nested: string[] = [];
  const visit = (c: ts.Node): void => {
    if (c !== n && (ts.isStringLiteral(c) || ts.isNoSubstitutionTemplateLiteral(c) || ts.isTemplateExpression(c))) {
      nested.push(...literals(c));
      return;
    }
    ts.forEachChild(c, visit);
  };
  ts.forEachChild(n, visit);
  return [...(s === null ? [] : [s]), ...nested];
}

/** `const beZh = …`: a Chinese piece built apart and spliced into a sentence. */
const isZhName = (n: ts.Node): boolean => ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && /Zh$|^zh[A-Z]|^ZH_|_ZH$/u.test(n.name.text);

export function zhStrings(): ZhString[] {
  const out: ZhString[] = Object.entries(zhCN).map(([key, text]) => ({ where: `zh-CN.ts ${key}`, text }));
  for (const file of sources(join(ROOT, 'src'))) {
    if (file.endsWith(join('i18n', 'zh-CN.ts'))) continue;
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node): string => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'text' && n.arguments.length >= 2) {
        for (const s of literals(n.arguments[1]!)) out.push({ where: at(n), text: s });
      }
      if (isZhName(n) && ts.isVariableDeclaration(n) && n.initializer) {
        for (const s of literals(n.initializer)) out.push({ where: at(n), text: s });
      }
      if (ts.isPropertyAssignment(n) && (ts.isStringLiteral(n.name) || ts.isIdentifier(n.name)) && (n.name.text === 'zh-CN' || n.name.text === 'zh')) {
        for (const s of literals(n.initializer)) out.push({ where: at(n), text: s });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out.filter((s) => HAN.test(s.text));
}
