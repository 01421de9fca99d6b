// `npm run lint`: ESLint over the whole repository, then knip for unused files, exports and dependencies.
// The boundaries rule reads Nx's project graph from its cache, so the graph is refreshed first: run bare, ESLint would
// skip that rule on a fresh clone and judge a stale graph after files move.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

const steps = [
  ['project graph', [require.resolve('nx/bin/nx.js'), 'show', 'projects'], 'ignore'],
  ['eslint', [path.join(path.dirname(require.resolve('eslint/package.json')), 'bin/eslint.js'), '.', '--max-warnings=0', ...process.argv.slice(2)], 'inherit'],
  ['knip', [path.join(root, 'node_modules/knip/bin/knip.js'), '--no-progress'], 'inherit'],
];
for (const [name, args, stdout] of steps) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', stdout, 'inherit'] });
  if (result.status !== 0) {
    console.error(`\nlint: ${name} failed`);
    process.exit(result.status ?? 1);
  }
}
