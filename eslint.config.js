import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import lingui from 'eslint-plugin-lingui';
import { UNLOCALIZED_STRINGS_OPTIONS } from './scripts/eslint/unlocalized-strings.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      '.tsbuild/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'docs/**',
      'bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Only electron/shell/ touches Electron; the core, handlers, demo and preview are plain
    // Node, so the preview and the tests run them without an Electron binary.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Outside electron/shell/ the backend is plain Node; keep Electron out.',
            },
          ],
        },
      ],
    },
  },
  {
    // The core knows nothing of who calls it: no handlers, no transports, no Electron.
    // (Repeats the Electron path: a later block's options replace the earlier one's.)
    files: ['electron/system/**/*.ts', 'electron/demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Outside electron/shell/ the backend is plain Node; keep Electron out.',
            },
          ],
          patterns: [
            {
              group: ['**/handlers/**', '**/shell/**', '**/preview/**'],
              message: 'The core is called by handlers and transports, never the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the preload and ipc.ts touch Electron's IPC objects.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/preload.ts', 'electron/shell/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'Register handlers in electron/shell/ipc.ts only.',
        },
        {
          selector: "ImportSpecifier[imported.name='ipcRenderer']",
          message: 'Only the preload uses ipcRenderer.',
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer gets types from electron/ and nothing else: no Node, no Electron, no main-process code.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to main only through the preload API.',
            },
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'The renderer is browser code; Node modules are not available.',
            },
            {
              // The contract is the one exception: plain data with no imports, which both
              // sides derive from (its channel table included).
              group: [
                '**/electron/**',
                '../../electron/*',
                '../../../electron/*',
                '!**/electron/contract',
              ],
              allowTypeImports: true,
              message:
                'Import only types from electron/ (import type), or values from contract.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every word the user reads is a Lingui message (issue 20): text in JSX and string
    // literals in the renderer fail unless technical (see the allow-list's file).
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/i18n/first-paint.ts'],
    plugins: { lingui },
    rules: {
      'lingui/no-unlocalized-strings': ['error', UNLOCALIZED_STRINGS_OPTIONS],
      'lingui/t-call-in-function': 'error',
      'lingui/no-trans-inside-trans': 'error',
    },
  },
);
