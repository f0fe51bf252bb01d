// @ts-check
/**
 * One config, two modes (production / development). Outputs in dist/:
 * - functions.js: the custom-functions bundle with the engine and webpack's runtime; it runs alone
 *   (plain Node, tests) and is the first script of the task-pane page;
 * - taskpane.html + taskpane.js (+ lazy chunks): taskpane.js depends on functions.js (dependOn), so
 *   the engine both use ships once in the page (shared runtime: one page runs functions and pane);
 * - functions.json (from JSDoc) and functions.zh-cn.json (+ translation table, checked);
 * - manifest.xml: the production manifest made from the development one (build-options.js);
 *   assets/, help/.
 * Build options (environment variables, docs/deploy.md): ADPLAN_BASE_URL, ADPLAN_MANIFEST_ID,
 * ADPLAN_CLOUD (worldwide | china), ADPLAN_SOURCE_MAPS=1, ADPLAN_OUT_DIR.
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalizeFunctionsPlugin } = require('./tools/webpack/localize-functions');
const { HelpPagesPlugin } = require('./tools/webpack/help-pages');
const { buildOptions, contentSecurityPolicy, productionManifest, DEV_URL, PORT } = require('./tools/webpack/build-options');

/** iconv-lite's table of every codepage, replaced in the browser by the few the readers decode. */
const ICONV_ENCODINGS = path.resolve(__dirname, 'tools/webpack/iconv-encodings.js');

/** Points the pages' Office.js <script> at the CDN of the cloud built for (ADPLAN_CLOUD). */
class HtmlOfficeJsPlugin {
  constructor(/** @type {string} */ url) {
    this.url = url;
  }
  apply(/** @type {import('webpack').Compiler} */ compiler) {
    compiler.hooks.compilation.tap('HtmlOfficeJsPlugin', (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap('HtmlOfficeJsPlugin', (data) => {
        data.html = data.html.split('https://appsforoffice.microsoft.com/lib/1/hosted/office.js').join(this.url);
        return data;
      });
    });
  }
}

/** Origins of Office on the web: the only ones the dev server answers cross-origin requests for. */
const OFFICE_ORIGIN = /^https:\/\/([a-z0-9-]+\.)*(office\.com|office\.net|officeapps\.live\.com|sharepoint\.com|microsoft\.com)$/;

/** CORS for the dev server: the requesting origin echoed only when it is Office, never "*". */
function devHeaders(/** @type {{ headers: Record<string, string | string[] | undefined> }} */ req) {
  const origin = req.headers.origin;
  /** @type {Record<string, string>} */
  const headers = { Vary: 'Origin', 'X-Content-Type-Options': 'nosniff' };
  if (typeof origin === 'string' && OFFICE_ORIGIN.test(origin)) headers['Access-Control-Allow-Origin'] = origin;
  return headers;
}

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  const options = buildOptions(process.env, production);
  const baseUrl = options.baseUrl;
  /** Replace every occurrence (the Office template's regex replaces only the first). */
  const rewriteUrl = (/** @type {string} */ s) => s.split(DEV_URL).join(baseUrl);
  const meta = { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(options) } };

  return {
    mode: production ? 'production' : 'development',
    // Production ships no source maps unless asked (ADPLAN_SOURCE_MAPS=1): they would publish the
    // sources on the static host and double what it serves.
    devtool: production ? (options.sourceMaps ? 'source-map' : false) : 'eval-cheap-module-source-map',
    entry: {
      functions: './src/functions/functions.ts',
      // The engine (src/model, src/data) the pane shares with the functions loads once, from functions.js.
      taskpane: { import: './src/taskpane/index.tsx', dependOn: 'functions' },
      preview: './src/preview/index.tsx',
    },
    output: {
      path: options.outDir,
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      // Relative to the page (taskpane.html and preview.html sit at dist/'s root): no runtime
      // detection of the script's URL, which functions.js, holding the runtime, cannot do when it
      // runs alone (plain Node, tests).
      publicPath: '',
      // Chunk loading keys its registry on globalThis, not `self` (absent when functions.js runs alone).
      globalObject: 'globalThis',
      clean: { keep: /^node\// }, // dist/node is the tsc build of the CLI
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json' } },
        },
        {
          // Griffel's ahead-of-time pass over ts-loader's output (enforce: post runs after it): our
          // makeStyles calls become precomputed class maps, as Fluent's own packages ship, so the
          // pages carry no CSS-in-JS compiler (stylis, rtl-css-js) and compute no styles at start.
          test: /\.tsx?$/,
          exclude: /node_modules/,
          enforce: 'post',
          use: { loader: '@griffel/webpack-loader' },
        },
      ],
    },
    optimization: {
      // Lazy chunks of the task pane may share code; functions.js stays whole (it runs alone too).
      splitChunks: { chunks: 'async' },
      // terser for ES2020 output (the pages need a modern webview anyway: ExcelApi 1.9 hosts) and
      // one more compress pass than webpack's default.
      minimizeOptions: { javascript: { ecma: 2020, compress: { passes: 3, ecma: 2020 }, format: { ecma: 2020 } } },
    },
    performance: { hints: false },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^\.\.\/encodings$/, (resource) => {
        if (/[\\/]iconv-lite[\\/]lib$/.test(resource.context)) resource.request = ICONV_ENCODINGS;
      }),
      new HtmlOfficeJsPlugin(options.officeJs),
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new LocalizeFunctionsPlugin({
        input: 'functions.json',
        output: 'functions.zh-cn.json',
        table: path.resolve(__dirname, 'src/functions/metadata.zh-CN.json'),
        rewriteUrl,
        // Error cells reach the `any` parameters as values (CustomFunctionsRuntime 1.2 error
        // objects) instead of Excel answering #VALUE! for us: src/functions/cell-values.ts turns
        // them into issues naming their cell.
        topLevel: { allowErrorForDataTypeAny: true },
      }),
      new HelpPagesPlugin({
        pages: [
          { from: path.resolve(__dirname, 'docs/functions.md'), to: 'help/functions.html', lang: 'en', title: 'AdPlan functions' },
          { from: path.resolve(__dirname, 'docs/functions.zh-CN.md'), to: 'help/functions.zh-CN.html', lang: 'zh-CN', title: 'AdPlan 函数参考' },
          // The data guide: what the pane's "accepted headers" links open (zh-CN generated from fields.ts).
          { from: path.resolve(__dirname, 'docs/data.md'), to: 'help/data.html', lang: 'en', title: 'AdPlan data guide' },
          { from: path.resolve(__dirname, 'docs/data.zh-CN.md'), to: 'help/data.zh-CN.html', lang: 'zh-CN', title: 'AdPlan 数据说明' },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        meta,
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
        meta,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/*.md'] } },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => (production ? productionManifest(content.toString(), options) : content.toString()) },
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: PORT,
      server: 'https',
      headers: devHeaders,
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
