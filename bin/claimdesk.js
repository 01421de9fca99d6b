#!/usr/bin/env node
// The `claimdesk` command: runs the TypeScript sources through SWC (decorator metadata included), no build step needed.
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.runtime.json');
require('@swc-node/register');
// `match` needs no database: its own entry starts without loading the server.
const entry = process.argv[2] === 'match' ? '../apps/cli/src/match-main' : '../apps/cli/src/main';
require(entry)
  .run(process.argv)
  .catch((error) => {
    console.error(`claimdesk: ${error && error.message ? error.message : error}`);
    process.exit(1);
  });
