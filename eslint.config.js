// Lint, and the layering rules that keep the three faces on one core:
// - shared/ imports no Node, DOM or Electron API (pure logic and the contract);
// - renderer/ imports only shared/ of our own code (plus npm UI packages);
// - electron/ never imports renderer/, and only the desktop-shell files import `electron`.
// - SQL is prepared, run and written only in electron/core/store/ (sqlInStore, at the end).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'zlib', 'stream', 'stream/*', 'util', 'events', 'worker_threads'];
const FACES = ['desktop', 'web', 'cli'];
const NO_RENDERER = { group: ['**/renderer/**', '../renderer', '../../renderer', '../../../renderer'], message: 'electron/ never imports the renderer.' };
const NO_ELECTRON = { group: ['electron', 'electron/*'], message: 'Only electron/desktop/ imports Electron: the core, the browser face and the CLI run without it.' };

/**
 * The import rule of one folder of electron/: the sibling layers and faces it must not reach
 * (matched as path segments of relative imports), the renderer, and Electron unless it is the desktop face.
 */
function layer(files, forbidden, why, electronAllowed = false) {
  const segments = forbidden.flatMap((name) => (name === 'backend'
    ? ['**/core/backend', './backend', '../backend']
    : [`**/${name}/**`, `../${name}`, `../../${name}`]));
  return [{
    files: [files],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: segments, message: `Layering: ${why} (${forbidden.join(', ')} are out of reach here).` },
          NO_RENDERER,
          ...(electronAllowed ? [] : [NO_ELECTRON]),
        ],
      }],
    },
  }];
}

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
  // Inside electron/: the core (no Electron) in layers store ← services ← pack ← sheets ← api ← backend.ts,
  // and the faces (desktop, web, cli) on top, none importing another face.
  ...layer('electron/core/store/**/*.ts', ['services', 'pack', 'sheets', 'demo', 'api', 'backend', ...FACES], 'the store is the lowest layer'),
  ...layer('electron/core/services/**/*.ts', ['pack', 'sheets', 'demo', 'api', 'backend', ...FACES], 'services build on the store only'),
  ...layer('electron/core/demo/**/*.ts', ['pack', 'sheets', 'api', 'backend', ...FACES], 'the demo generator builds on the store and services'),
  ...layer('electron/core/pack/**/*.ts', ['sheets', 'api', 'demo', 'backend', ...FACES], 'packs build on the store and services'),
  ...layer('electron/core/sheets/**/*.ts', ['api', 'demo', 'backend', ...FACES], 'sheet import builds on the store, services and packs'),
  ...layer('electron/core/api/**/*.ts', ['backend', ...FACES], 'the API builds on the core below it'),
  ...layer('electron/core/*.ts', FACES, 'the core never imports a face'),
  ...layer('electron/web/**/*.ts', ['desktop', 'cli'], 'the browser face imports the core, not another face'),
  ...layer('electron/cli/**/*.ts', ['desktop', 'web'], 'the CLI imports the core, not another face'),
  ...layer('electron/desktop/**/*.ts', ['web', 'cli'], 'the desktop face imports the core, not another face', true),
  ...sqlInStore(),
);

/**
 * SQL lives in the store layer (electron/core/store/): the rest of electron/ calls its typed
 * functions and never prepares, runs or spells out a statement itself.
 */
function sqlInStore() {
  const message = 'SQL lives in the store layer: move this statement into a typed function under electron/core/store/ and call that.';
  // SQL keywords as statements spell them (upper case), followed by a space, anywhere in a string.
  const sqlText = '/\\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|CREATE|DROP|ALTER|VACUUM)\\s/';
  return [{
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/store/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.name='prepared']", message },
        { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message },
        // db.exec(sql); a RegExp's exec is told apart by the receiver's name or a literal argument.
        { selector: "CallExpression[callee.property.name='exec'][callee.object.name=/^(db|database)$/i]", message },
        { selector: "CallExpression[callee.property.name='exec'][callee.object.property.name=/^(db|database)$/i]", message },
        { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message },
        { selector: `Literal[value=${sqlText}]`, message },
        { selector: `TemplateElement[value.raw=${sqlText}]`, message },
      ],
    },
  }];
}
