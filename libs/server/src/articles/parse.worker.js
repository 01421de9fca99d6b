// Entry of the document-parsing worker threads: loads the TypeScript task the way `bin/claimdesk.js` loads the app.
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', '..', '..', '..', 'tsconfig.runtime.json');
require('@swc-node/register');
module.exports = require('./parse.task.ts').default;
