// `npm start`: builds the add-in in development mode and serves it over https on localhost:3000
// (listening on localhost only), then prints where everything is and how to sideload it.
// One process: Ctrl-C or SIGTERM (sent to npm or to this process) stops the server and exits,
// leaving nothing running.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { instructions } from './addin-urls.mjs';
import { stopOnExitSignals } from './exit-signals.mjs';

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

// The dev server's own signal handlers would race ours (and exit before the port is closed).
config.devServer.setupExitSignals = false;

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

// One way to stop (scripts/exit-signals.mjs): Ctrl-C, SIGTERM (also through npm), or the parent gone.
stopOnExitSignals(async () => {
  await server.stop();
  process.exit(0);
});

await server.start();
