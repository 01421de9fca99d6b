module.exports = { ...require('../../jest.int.preset.js'), displayName: 'cli:int', rootDir: __dirname, testMatch: ['<rootDir>/test/**/*.int-spec.ts'], testTimeout: 120_000 };
