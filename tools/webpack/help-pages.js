// @ts-check
/**
 * Renders the function reference (docs/functions*.md) into the static help pages the functions'
 * @helpurl links open (dist/help/functions.html, functions.zh-CN.html). Headings get ids from
 * their first word, lower-cased ("## BREAKEVENROI" → #breakevenroi), so links stay stable.
 */
const fs = require('node:fs');

/** @param {string} s */
function slug(s) {
  const first = s.trim().split(/\s+/u)[0] ?? '';
  return first.toLowerCase().replace(/[^a-z0-9_-]+/gu, '');
}

/** @param {string} s */
function escapeHtml(s) {
  return s.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/**
 * @param {string} markdown
 * @param {{ lang: string, title: string }} page
 */
function renderHelpPage(markdown, page) {
  const { Marked } = require('marked');
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const id = slug(tokens.map((t) => ('text' in t ? String(t.text) : '')).join(''));
        return `<h${depth}${id ? ` id="${id}"` : ''}>${inner}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
  body { font-family: "Segoe UI", "Microsoft YaHei", system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.55; color: #242424; }
  code, pre { font-family: Consolas, "Courier New", monospace; background: #f5f5f5; }
  pre { padding: .75rem; overflow-x: auto; }
  table { border-collapse: collapse; margin: .5rem 0; }
  th, td { border: 1px solid #d1d1d1; padding: .25rem .5rem; text-align: left; }
  h2 { border-top: 1px solid #e0e0e0; padding-top: 1rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const PLUGIN = 'HelpPagesPlugin';

class HelpPagesPlugin {
  /** @param {{ pages: { from: string, to: string, lang: string, title: string }[] }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { sources, Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const page of this.options.pages) {
          compilation.fileDependencies.add(page.from);
          if (!fs.existsSync(page.from)) {
            compilation.errors.push(new WebpackError(`${PLUGIN}: ${page.from} is missing`));
            continue;
          }
          const html = renderHelpPage(fs.readFileSync(page.from, 'utf8'), page);
          compilation.emitAsset(page.to, new sources.RawSource(html));
        }
      });
    });
  }
}

module.exports = { HelpPagesPlugin, renderHelpPage, slug };
