module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'matching',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
