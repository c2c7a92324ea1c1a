/** @type {import('jest').Config} */
module.exports = {
  displayName: 'intake-client',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: { '^@vigie/contracts$': '<rootDir>/../contracts/src/index.ts' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  // Loaded 2-core machines: jest's 5 s default fails slow runs, not wrong code.
  testTimeout: 30000,
};
