// otplib and its dependencies (@otplib, @scure, @noble) are ES modules: @swc/jest compiles them to CommonJS for jest.
const esmPackages = ['otplib', '@otplib', '@scure', '@noble'];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@vigie/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@vigie/intake-client$': '<rootDir>/../../libs/intake-client/src/index.ts',
  },
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60000,
};
