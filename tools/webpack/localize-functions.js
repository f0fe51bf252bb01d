// @ts-check
/**
 * Builds functions.zh-cn.json from the generated en-US functions.json plus the translation table
 * src/functions/metadata.zh-CN.json, so the two can never drift: same ids, same parameter list,
 * translated descriptions and parameter names. A function or parameter without a translation,
 * or a translation for something that does not exist, is a build error.
 */

/**
 * @typedef {{ name: string, description?: string }} ParamText
 * @typedef {{ description: string, result?: string, parameters: Record<string, ParamText> }} FunctionText
 * @typedef {{ name: string, description?: string, [k: string]: unknown }} MetaParam
 * @typedef {{ id: string, name: string, description?: string, parameters: MetaParam[], result?: { description?: string, [k: string]: unknown }, [k: string]: unknown }} MetaFunction
 */

/**
 * @param {{ functions: MetaFunction[], [k: string]: unknown }} metadata
 * @param {Record<string, FunctionText>} table
 * @returns {{ localized: { functions: MetaFunction[], [k: string]: unknown }, errors: string[] }}
 */
function localizeMetadata(metadata, table) {
  /** @type {string[]} */
  const errors = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) errors.push(`zh-CN table has ${id}, which is not a function`);
  const functions = metadata.functions.map((fn) => {
    const t = table[fn.id];
    if (!t) {
      errors.push(`${fn.id}: no zh-CN translation`);
      return fn;
    }
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const p of Object.keys(t.parameters ?? {})) if (!names.has(p)) errors.push(`${fn.id}: zh-CN table has unknown parameter ${p}`);
    const parameters = fn.parameters.map((p) => {
      const pt = t.parameters?.[p.name];
      if (!pt || !pt.name || !pt.description) {
        errors.push(`${fn.id}(${p.name}): no zh-CN name and description`);
        return p;
      }
      return { ...p, name: pt.name, description: pt.description };
    });
    const result = fn.result && t.result ? { ...fn.result, description: t.result } : fn.result;
    // Help links open the Chinese reference page.
    const helpUrl = typeof fn.helpUrl === 'string' ? fn.helpUrl.replace('/help/functions.html', '/help/functions.zh-CN.html') : undefined;
    return { ...fn, description: t.description, parameters, ...(result ? { result } : {}), ...(helpUrl ? { helpUrl } : {}) };
  });
  return { localized: { ...metadata, functions }, errors };
}

const PLUGIN = 'LocalizeFunctionsPlugin';

/** Webpack plugin: emits `output` from the `input` metadata asset, failing the build on gaps. */
class LocalizeFunctionsPlugin {
  /** @param {{ input: string, output: string, table: string, rewriteUrl?: (s: string) => string }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { sources, WebpackError, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.options.input);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: ${this.options.input} was not generated`));
          return;
        }
        compilation.fileDependencies.add(this.options.table);
        const fs = require('node:fs');
        const table = JSON.parse(fs.readFileSync(this.options.table, 'utf8'));
        const rewrite = this.options.rewriteUrl ?? ((s) => s);
        const metadata = JSON.parse(rewrite(asset.source.source().toString()));
        const { localized, errors } = localizeMetadata(metadata, table);
        for (const e of errors) compilation.errors.push(new WebpackError(`${PLUGIN}: ${e}`));
        compilation.updateAsset(this.options.input, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(localized, null, 2)));
      });
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, localizeMetadata };
