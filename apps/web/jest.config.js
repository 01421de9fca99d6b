// Component tests for the web app: jsdom, Testing Library, Mantine's browser APIs polyfilled.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  // Typing through user-event in jsdom takes seconds on a busy two-core machine; Jest's 5 s default then fails sound tests.
  testTimeout: 30_000,
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: { '\\.(css)$': '<rootDir>/src/test/style-stub.js' },
};
