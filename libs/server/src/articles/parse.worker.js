// Entry of the document worker threads: loads the TypeScript tasks the way `bin/claimdesk.js` loads the app. Each task is a
// named export, chosen per run (`pool.run(task, { name })`): `parse` (an imported document to text and claims, or to a plan of
// chunks when it is large), `extract` (one chunk of a large article to its claims), `read` (a fetched web page to its
// readable text) and `index` (a library's match index, see DocumentParser.buildIndex).
const path = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', '..', '..', '..', 'tsconfig.runtime.json');
require('@swc-node/register');
const parse = require('./parse.task.ts');
// The thread reports ready only once its code is compiled and the language model loaded (seconds of CPU): see DocumentParser.
parse.warmUp();
module.exports = {
  parse: parse.default,
  extract: require('./extract.task.ts').default,
  read: require('./read.task.ts').default,
  index: require('../library/index.task.ts').default,
  ready: parse.ready,
};
