// @ts-check
/**
 * One config, two modes (production / development). Outputs in dist/:
 * - functions.js: the custom-functions bundle, self-contained (no split chunks, no DOM at load);
 * - functions.json (from JSDoc) and functions.zh-cn.json (+ translation table, checked);
 * - taskpane.html + taskpane.js (+ lazy chunks), loading the functions bundle too (shared runtime);
 * - manifest.xml with every development URL replaced by the production base URL; assets/.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalizeFunctionsPlugin } = require('./tools/webpack/localize-functions');
const { HelpPagesPlugin } = require('./tools/webpack/help-pages');

const DEV_URL = 'https://localhost:3000';
/** Where the production build is hosted (no trailing slash); override with ADPLAN_BASE_URL. */
const PROD_URL = (process.env.ADPLAN_BASE_URL || 'https://adplan.example.com').replace(/\/+$/, '');
const PORT = 3000;

/**
 * Content-Security-Policy of the pages (a <meta> tag, so it ships with the static files wherever
 * they are hosted): scripts only from this origin and Office.js's CDN, no plugins, no <base>
 * rewrites. Styles allow 'unsafe-inline' because Fluent UI (Griffel) inserts its CSS at runtime;
 * development adds 'unsafe-eval' for webpack's eval source maps and the live-reload socket.
 */
function contentSecurityPolicy(/** @type {boolean} */ production) {
  const office = 'https://appsforoffice.microsoft.com';
  const officeHosts = 'https://*.office.com https://*.office.net https://*.officeapps.live.com https://*.microsoft.com';
  return [
    "default-src 'self'",
    `script-src 'self' ${office}${production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${officeHosts}${production ? '' : ` wss://localhost:${PORT}`}`,
    `frame-src 'self' ${officeHosts}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
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
  const baseUrl = production ? PROD_URL : DEV_URL;
  /** Replace every occurrence (the Office template's regex replaces only the first). */
  const rewriteUrl = (/** @type {string} */ s) => s.split(DEV_URL).join(baseUrl);
  const meta = { 'Content-Security-Policy': { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(production) } };

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      publicPath: 'auto',
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
      ],
    },
    optimization: {
      // Lazy chunks of the task pane may share code; the two entries stay self-contained.
      splitChunks: { chunks: 'async' },
    },
    performance: { hints: false },
    plugins: [
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
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteUrl(content.toString()) },
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
