#!/usr/bin/env node
// The `claimdesk` command: runs the TypeScript sources through SWC (decorator metadata included), no build step needed.
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.runtime.json');
require('@swc-node/register');
require('../apps/cli/src/main')
  .run(process.argv)
  .catch((error) => {
    console.error(`claimdesk: ${error && error.message ? error.message : error}`);
    process.exit(1);
  });
