// Browser tests: the built web app against the real server (embedded PostgreSQL), driven through Debian's Chromium.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testTimeout: 180_000,
  maxWorkers: 1,
};
