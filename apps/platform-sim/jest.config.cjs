/** @type {import('jest').Config} */
module.exports = {
  displayName: 'platform-sim',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^@vigie/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@vigie/intake-client$': '<rootDir>/../../libs/intake-client/src/index.ts',
  },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  // Loaded 2-core machines: jest's 5 s default fails slow runs, not wrong code.
  testTimeout: 30000,
};
