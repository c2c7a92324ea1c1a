// ES-module-only dependencies of react-admin that @swc/jest compiles to CommonJS for jest.
const esmPackages = ['react-hotkeys-hook'];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'backoffice',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  // After the framework: the setup fails a test on act() warnings from afterEach.
  setupFilesAfterEnv: ['<rootDir>/src/jest-setup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@vigie/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
  },
  // A whole react-admin page renders in 1–3 s in jsdom on an idle machine; other builds on the 2 cores triple that.
  testTimeout: 30000,
};
