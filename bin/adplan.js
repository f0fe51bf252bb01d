#!/usr/bin/env node
'use strict';
// The CLI is TypeScript compiled by `npm run build:node` into dist/node/ (mirroring the repo).
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'node', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('adplan: not built yet — run npm run build first (or npm run build:node)\n');
  process.exit(2);
}
require(entry).runFromProcess();
