// ES-module-only dependencies of react-admin that @swc/jest compiles to CommonJS for jest.
const esmPackages = ['react-hotkeys-hook'];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'backoffice',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  setupFiles: ['<rootDir>/src/jest-setup.ts'],
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
};
