// Lint, and the layering rules that keep the three faces on one core:
// - shared/ imports no Node, DOM or Electron API (pure logic and the contract);
// - renderer/ imports only shared/ of our own code (plus npm UI packages);
// - electron/ never imports renderer/, and only the desktop-shell files import `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'zlib', 'stream', 'stream/*', 'util', 'events', 'worker_threads'];
const SHELL_FILES = ['electron/main.ts', 'electron/preload.ts', 'electron/shell/**/*.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: NODE_BUILTINS, message: 'shared/ is pure: no Node API.' },
          { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron API.' },
          { group: ['react', 'react-dom', 'react-dom/*'], message: 'shared/ is pure: no DOM or UI code.' },
          { group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'], message: 'shared/ imports only shared/.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'shared/ is pure: no DOM API.' },
        { name: 'document', message: 'shared/ is pure: no DOM API.' },
        { name: 'process', message: 'shared/ is pure: no Node API.' },
        { name: 'Buffer', message: 'shared/ is pure: no Node API.' },
        { name: 'require', message: 'shared/ is pure: no Node API.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: NODE_BUILTINS, message: 'The renderer is a web page: no Node API.' },
          { group: ['electron', 'electron/*'], message: 'The renderer talks to the backend only through the client.' },
          { group: ['**/electron/**', '../electron', '../../electron'], message: 'The renderer imports only shared/ of our own code.' },
          { group: ['better-sqlite3'], message: 'The renderer never opens the workbook itself.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: SHELL_FILES,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The backend runs without Electron: only the desktop-shell files (electron/main.ts, electron/preload.ts, electron/shell/) import it.' },
          { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'The backend never imports the renderer.' },
        ],
      }],
    },
  },
  {
    files: SHELL_FILES,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'The shell never imports the renderer.' }],
      }],
    },
  },
);
