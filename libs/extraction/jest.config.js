module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'extraction',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
