module.exports = { ...require('../../jest.int.preset.js'), displayName: 'db:int', rootDir: __dirname, testMatch: ['<rootDir>/test/**/*.int-spec.ts'] };
