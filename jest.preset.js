// Shared Jest settings: every project compiles TypeScript with SWC (decorators and their metadata included).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  // linkedom's CommonJS build requires css-select and friends, which ship only as ES modules: compile them too.
  transformIgnorePatterns: [
    '/node_modules/(?!(css-select|css-what|nth-check|boolbase|domutils|domhandler|domelementtype|dom-serializer|entities|htmlparser2|html-escaper|uhyphen|cssom|cssomnom|approx-string-match)/)',
  ],
};
