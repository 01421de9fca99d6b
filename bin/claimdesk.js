#!/usr/bin/env -S node --max-semi-space-size=32
// The `claimdesk` command: runs the TypeScript sources through SWC (decorator metadata included), no build step needed.
// --max-semi-space-size=32 (MB; V8's default is 16): under load a request's objects live across several young-generation
// collections and were copied each time; a larger young generation cut the API's garbage collection by about half and
// its CPU per read by about a quarter (docs/benchmarks.md). `npm start` and the Dockerfile pass the same flag.
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.runtime.json');
require('@swc-node/register');
// Output piped into a command that stops reading early (`claimdesk extract article.txt | head`) ends the command quietly,
// as other command-line tools do, instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
// `match` needs no database: its own entry starts without loading the server.
const entry = process.argv[2] === 'match' ? '../apps/cli/src/match-main' : '../apps/cli/src/main';
require(entry)
  .run(process.argv)
  .catch((error) => {
    console.error(`claimdesk: ${error && error.message ? error.message : error}`);
    process.exit(1);
  });
