// `node -r ./scripts/register.js script.ts`: runs a TypeScript file of the repository through SWC (decorator metadata included).
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.runtime.json');
require('@swc-node/register');
