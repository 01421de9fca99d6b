// `npm test`: lint and layout checks, then type checks, unit tests, integration tests (embedded PostgreSQL) and browser tests, each an Nx target.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
delete env.DATABASE_URL; // tests always run on their own embedded PostgreSQL

// Whole-repository stages, the same commands as `npm run lint` and `npm run format:check`.
const repoStages = {
  lint: [path.join(root, 'scripts/lint.js')],
  format: [require.resolve('prettier/bin/prettier.cjs'), '--check', '.', '--log-level=warn'],
};
// Checks that belong to a stage but to no Nx project: the benchmark, training and build scripts under scripts/.
const afterStage = {
  typecheck: [require.resolve('typescript/bin/tsc'), '-p', 'scripts/tsconfig.json'],
};
const stages = [['lint'], ['format'], ['typecheck', '--parallel=3'], ['test', '--parallel=2'], ['int', '--parallel=1'], ['e2e', '--parallel=1']];
const only = process.argv.slice(2);
for (const [target, parallel] of stages) {
  if (only.length && !only.includes(target)) continue;
  console.log(`\n=== ${target} ===`);
  const command = repoStages[target] ?? [require.resolve('nx/bin/nx.js'), 'run-many', '-t', target, parallel, '--outputStyle=stream', '--skip-nx-cache'];
  for (const step of [command, afterStage[target]].filter(Boolean)) {
    const result = spawnSync(process.execPath, step, { cwd: root, env, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(`\n${target} failed`);
      process.exit(result.status ?? 1);
    }
  }
}
