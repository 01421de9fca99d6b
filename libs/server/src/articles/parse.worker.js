// Entry of the document worker threads: loads the TypeScript tasks the way `bin/claimdesk.js` loads the app. Each task is a
// named export, chosen per run (`pool.run(task, { name })`): `parse` (an imported document to text and claims, or to a plan of
// chunks when it is large), `extract` (one chunk of a large article to its claims), `read` (a fetched web page to its
// readable text), `index` (a library's match index, see DocumentParser.buildIndex) and `render` (a report as PDF).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// Documents, feed pages and library indexes are background work: the thread runs at a lower CPU priority than the event
// loop that answers requests (and than PostgreSQL), so on a busy machine a burst of feed polls or a large import waits
// for the CPU instead of the requests waiting for it. On Linux a thread has its own nice value: its id is the last part of
// /proc/thread-self. Elsewhere (or when refused) the thread keeps the process's priority.
const BACKGROUND_NICE = 10;
try {
  const thread = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  os.setPriority(thread, Math.max(os.getPriority(thread), BACKGROUND_NICE));
} catch {
  // Not Linux, or not allowed: same priority as the process.
}

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
  render: require('../reports/render.task.ts').default,
  ready: parse.ready,
};
