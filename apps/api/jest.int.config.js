module.exports = {
  ...require('../../jest.int.preset.js'),
  displayName: 'api:int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
};
