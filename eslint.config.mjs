import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// The backoffice's domains, named like the API's modules. A domain imports the shared folders
// (components, common, providers, i18n, layout, testing) but never a sibling: what several
// domains show together is composed at the app root (App.tsx, app/).
const UI = 'apps/backoffice/src';
const UI_DOMAINS = ['account', 'cases', 'decisions', 'deliveries', 'gate', 'register', 'retention', 'staff'];
const UI_SHARED = ['components', 'common', 'providers', 'i18n', 'layout'];
// Relative paths only reach another folder through `..`: any depth of them, then the folder.
const foldersPatterns = (folders) =>
  folders.flatMap((folder) => [`../${folder}`, `../${folder}/**`, `../../${folder}`, `../../${folder}/**`, `../../../${folder}/**`]);
// `no-restricted-imports` does not see `import('…')`: lazy screens are held to the same rule.
const dynamicImports = (folders, message) => [
  'error',
  {
    selector: `ImportExpression > Literal[value=/^(\\.\\.\\/)+(${folders.join('|')})(\\/|$)/]`,
    message,
  },
];
const uiBoundaries = [
  ...UI_DOMAINS.map((domain) => ({
    files: [`${UI}/${domain}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: foldersPatterns(UI_DOMAINS.filter((other) => other !== domain)),
              message: `${domain}/ imports no sibling domain: share through components/ or common/, or compose at the app root.`,
            },
            { group: foldersPatterns(['app']).concat(['../App']), message: 'Only specs and test kits import the app root.' },
          ],
        },
      ],
      'no-restricted-syntax': dynamicImports(
        [...UI_DOMAINS.filter((other) => other !== domain), 'app'],
        `${domain}/ imports no sibling domain, even lazily: compose at the app root.`,
      ),
    },
  })),
  {
    // Specs render pages as the app composes them.
    files: UI_DOMAINS.map((domain) => `${UI}/${domain}/**/*.spec.{ts,tsx}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: foldersPatterns(UI_DOMAINS),
              message: 'A spec imports its own domain, the shared folders, testing/ and the app root.',
            },
          ],
        },
      ],
    },
  },
  {
    files: UI_SHARED.map((folder) => `${UI}/${folder}/**/*.{ts,tsx}`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: foldersPatterns([...UI_DOMAINS, 'app']).concat(['../App']),
              message: 'Shared folders import no domain and not the app root: arrows point down.',
            },
          ],
        },
      ],
      'no-restricted-syntax': dynamicImports(
        [...UI_DOMAINS, 'app'],
        'Shared folders import no domain, even lazily: compose at the app root.',
      ),
    },
  },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '.nx/**', '**/*.cjs', '**/vite.config.ts'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      // Apps depend on libs, libs never on apps, the backoffice never on the API.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:ui', notDependOnLibsWithTags: ['scope:api'] },
            // The benchmark drives the built API as an artifact; it imports the shared libs and the platform's client only.
            { sourceTag: 'scope:bench', onlyDependOnLibsWithTags: ['scope:shared', 'scope:client'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    // The API's database folder sits below its features: it knows none of them (each feature
    // module registers its own entities), only the configuration.
    files: ['apps/api/src/database/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!config/)', message: 'apps/api/src/database imports no feature: pass what it needs from above.' }] },
      ],
    },
  },
  {
    // The shared contracts are imported by the API, the browser and the platform's servers alike.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'react', 'react-*', 'typeorm', 'pg', 'node:*'], message: 'libs/contracts imports neither Nest, React, the database nor Node built-ins.' }] },
      ],
    },
  },
  ...uiBoundaries,
);
