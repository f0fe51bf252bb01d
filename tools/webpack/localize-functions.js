// @ts-check
/**
 * Builds functions.zh-cn.json from the generated en-US functions.json plus the translation table
 * src/functions/metadata.zh-CN.json, so the two can never drift: same ids, same parameter list,
 * translated descriptions and parameter names, and the custom enums' names and tooltips (the
 * table's "$enums"; the values Excel inserts stay the English keys, as Microsoft's localisation
 * guidance for custom enums says). A function, parameter or enum value without a translation, or a
 * translation for something that does not exist, is a build error.
 */

/**
 * @typedef {{ name: string, description?: string }} ParamText
 * @typedef {{ description: string, result?: string, parameters: Record<string, ParamText> }} FunctionText
 * @typedef {{ name: string, description?: string, [k: string]: unknown }} MetaParam
 * @typedef {{ id: string, name: string, description?: string, parameters: MetaParam[], result?: { description?: string, [k: string]: unknown }, [k: string]: unknown }} MetaFunction
 * @typedef {{ name: string, tooltip?: string, stringValue?: string, numberValue?: number }} MetaEnumValue
 * @typedef {{ id: string, type: string, values: MetaEnumValue[] }} MetaEnum
 * @typedef {Record<string, Record<string, { name: string, tooltip: string }>>} EnumTable
 */

/**
 * zh-CN names and tooltips of the custom enums, by enum id and value.
 * @param {MetaEnum[]} enums
 * @param {EnumTable} table
 * @param {string[]} errors
 * @returns {MetaEnum[]}
 */
function localizeEnums(enums, table, errors) {
  const ids = new Set(enums.map((e) => e.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) errors.push(`zh-CN $enums has ${id}, which is not an enum`);
  return enums.map((e) => {
    const t = table[e.id] ?? {};
    if (!table[e.id]) errors.push(`enum ${e.id}: no zh-CN translation`);
    const keys = new Set(e.values.map((v) => String(v.stringValue ?? v.numberValue)));
    for (const k of Object.keys(t)) if (!keys.has(k)) errors.push(`enum ${e.id}: zh-CN table has unknown value ${k}`);
    const values = e.values.map((v) => {
      const key = String(v.stringValue ?? v.numberValue);
      const vt = t[key];
      if (!vt || !vt.name || !vt.tooltip) {
        errors.push(`enum ${e.id}(${key}): no zh-CN name and tooltip`);
        return v;
      }
      return { ...v, name: vt.name, tooltip: vt.tooltip };
    });
    return { ...e, values };
  });
}

/**
 * @param {{ functions: MetaFunction[], enums?: MetaEnum[], [k: string]: unknown }} metadata
 * @param {Record<string, FunctionText> & { $enums?: EnumTable }} fullTable
 * @returns {{ localized: { functions: MetaFunction[], enums?: MetaEnum[], [k: string]: unknown }, errors: string[] }}
 */
function localizeMetadata(metadata, fullTable) {
  /** @type {string[]} */
  const errors = [];
  const { $enums: enumTable, ...rest } = fullTable;
  /** @type {Record<string, FunctionText>} */
  const table = rest;
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
  const enums = metadata.enums ? localizeEnums(metadata.enums, enumTable ?? {}, errors) : undefined;
  if (!metadata.enums && enumTable && Object.keys(enumTable).length > 0) errors.push('zh-CN $enums given, but the metadata has no enums');
  return { localized: { ...metadata, functions, ...(enums ? { enums } : {}) }, errors };
}

const PLUGIN = 'LocalizeFunctionsPlugin';

/** Webpack plugin: emits `output` from the `input` metadata asset, failing the build on gaps. */
class LocalizeFunctionsPlugin {
  /**
   * `topLevel`: properties set on both files, e.g. allowErrorForDataTypeAny (the generator has no
   * JSDoc tag for it).
   * @param {{ input: string, output: string, table: string, rewriteUrl?: (s: string) => string, topLevel?: Record<string, unknown> }} options
   */
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
        const metadata = { ...JSON.parse(rewrite(asset.source.source().toString())), ...(this.options.topLevel ?? {}) };
        const { localized, errors } = localizeMetadata(metadata, table);
        for (const e of errors) compilation.errors.push(new WebpackError(`${PLUGIN}: ${e}`));
        compilation.updateAsset(this.options.input, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(localized, null, 2)));
      });
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, localizeMetadata };
