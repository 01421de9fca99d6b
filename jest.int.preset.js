// Integration tests: one embedded PostgreSQL per Jest run, migrated once; each test makes its own workspace.
module.exports = {
  ...require('./jest.preset.js'),
  globalSetup: require.resolve('./scripts/jest/int-global-setup.js'),
  globalTeardown: require.resolve('./scripts/jest/int-global-teardown.js'),
  testTimeout: 60_000,
};
