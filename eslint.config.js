// Lint rules that enforce the architecture's layering (ARCHITECTURE.md "Layering"):
// only main/electron/ may touch Electron, core/ stays pure (no Node built-ins, no I/O),
// and imports point down only.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];

const electronOnly = {
  name: 'electron',
  message: 'Only files under main/electron/ may import electron (plain Node cannot load it).',
};
const electronStoreOnly = {
  name: 'electron-store',
  message: 'electron-store imports electron: use it only under main/electron/, behind the settings port.',
};

/** Builds a no-restricted-imports rule from forbidden package names and path patterns. */
function restrict({ paths = [], patterns = [] }) {
  return ['error', { paths, patterns }];
}

/** The server outside storage/: no storage engine, and (but where it is assembled) no SQLite module. */
function serverBehindStorage({ sqliteModules }) {
  return restrict({
    paths: [
      electronOnly,
      electronStoreOnly,
      {
        name: 'better-sqlite3',
        message: 'Only server/storage/ knows the storage engine: go through the Store.',
      },
    ],
    patterns: [
      {
        group: ['**/main/**', '**/renderer/**', '**/preload/**'],
        message: 'The server depends on core/ only.',
      },
      ...(sqliteModules
        ? [
            {
              group: ['**/storage/sqlite/**'],
              message:
                'Only server/storage/ (and app.ts, main.ts, cli/) may import the SQLite backend: use the Store and server/storage/repositories.ts.',
            },
          ]
        : []),
    ],
  });
}

const upwardFromCore = [
  {
    group: ['**/main/**', '**/server/**', '**/renderer/**', '**/preload/**'],
    message: 'core/ imports nothing above it.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'coverage/', '.data/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  // Everywhere but main/electron/: no Electron.
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': restrict({ paths: [electronOnly, electronStoreOnly] }),
      // require('electron') and import('electron') escape no-restricted-imports.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron(-store)?$/]",
          message: electronOnly.message,
        },
        { selector: 'ImportExpression[source.value=/^electron(-store)?$/]', message: electronOnly.message },
      ],
    },
  },
  // core/: pure TypeScript, shared by the station, the server and the renderer.
  {
    files: ['core/**/*.{ts,tsx}'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [
          electronOnly,
          electronStoreOnly,
          ...nodeBuiltins
            .filter((m) => m !== 'node:*')
            .flatMap((name) => [
              { name, message: 'core/ is pure: no Node built-ins (it runs in the renderer too).' },
            ]),
        ],
        patterns: [
          { group: ['node:*'], message: 'core/ is pure: no Node built-ins (it runs in the renderer too).' },
          ...upwardFromCore,
        ],
      }),
    },
  },
  // renderer/: browser code; reaches the station only through StationApi.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [electronOnly, electronStoreOnly],
        patterns: [
          { group: ['node:*'], message: 'The renderer is sandboxed: no Node built-ins.' },
          {
            group: ['**/main/**', '**/server/**', '**/preload/**'],
            message: 'The renderer talks to the station only through StationApi.',
          },
        ],
      }),
    },
  },
  // main/station/: plain Node, never the server or the renderer.
  {
    files: ['main/station/**/*.ts', 'preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [electronOnly, electronStoreOnly],
        patterns: [
          {
            group: ['**/server/**', '**/renderer/**'],
            message: 'The station does not import the server or the renderer.',
          },
        ],
      }),
    },
  },
  // server/: its own deployable; never station or renderer code.
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [electronOnly, electronStoreOnly],
        patterns: [
          {
            group: ['**/main/**', '**/renderer/**', '**/preload/**'],
            message: 'The server depends on core/ only.',
          },
        ],
      }),
    },
  },
  // The server's storage engine stays behind its repository layer (a PostgreSQL backend is planned):
  // only storage/ (and the SQLite-only backup command, and tests on real files) know it is SQLite.
  {
    files: ['server/**/*.ts'],
    ignores: ['server/storage/**', 'server/cli/database-backup.ts', '**/*.test.ts'],
    rules: { 'no-restricted-imports': serverBehindStorage({ sqliteModules: true }) },
  },
  // Only where the server is put together (it opens the SQLite store, runs its migrations) may name
  // the SQLite backend's modules; the rest sees the Store and repositories.ts.
  {
    files: ['server/app.ts', 'server/main.ts', 'server/cli/**/*.ts'],
    ignores: ['server/cli/database-backup.ts', '**/*.test.ts'],
    rules: { 'no-restricted-imports': serverBehindStorage({ sqliteModules: false }) },
  },
);
