// `npm start`: builds the add-in in development mode and serves it over https on localhost:3000
// (listening on localhost only), then prints where everything is and how to sideload it.
// One process: Ctrl-C (or SIGTERM) stops the server and exits, leaving nothing running.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { instructions } from './addin-urls.mjs';

const require = createRequire(import.meta.url);
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require('../webpack.config.js');

const config = makeConfig({}, { mode: 'development' });
// A certificate made by `npx office-addin-dev-certs install` (trusted by the OS) is used when
// present; otherwise webpack-dev-server generates a self-signed one.
const certDir = join(homedir(), '.office-addin-dev-certs');
if (existsSync(join(certDir, 'localhost.crt'))) {
  config.devServer.server = {
    type: 'https',
    options: {
      key: readFileSync(join(certDir, 'localhost.key')),
      cert: readFileSync(join(certDir, 'localhost.crt')),
      ca: readFileSync(join(certDir, 'ca.crt')),
    },
  };
}

const compiler = webpack(config);
const server = new WebpackDevServer(config.devServer, compiler);

let printed = false;
compiler.hooks.done.tap('adplan-start', (stats) => {
  if (printed) return;
  printed = true;
  const ok = !stats.hasErrors();
  console.log(`\nAdPlan dev server ${ok ? 'is running' : 'is running, but the build has errors (see above)'}.\n`);
  console.log(instructions());
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

await server.start();
