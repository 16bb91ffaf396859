// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'util', 'url', 'net', 'http', 'https', 'stream', 'events', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '*.vsix', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    // Plain Node scripts (CommonJS), such as the quote gold's check.
    files: ['test/fixtures/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The core is platform-neutral: it runs in Node, the extension host and the webview.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not depend on VS Code: adapt it in src/vscode.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core must not depend on Node: it also runs in the webview.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core must not depend on Node: it also runs in the webview.' },
            { group: ['**/vscode/**', '**/webview/**', '**/cli/**'], message: 'src/core depends on nothing outside itself.' },
          ],
        },
      ],
      // Nor on Node's globals, and it writes nowhere: its callers log.
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({ name, message: 'src/core must not depend on Node: it also runs in the webview.' }))],
      'no-console': 'error',
    },
  },
  {
    // Node adapters shared by the extension host and the CLI: no VS Code API, so the CLI can use them.
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/node is shared with the CLI: adapt VS Code in src/vscode.' }],
          patterns: [{ group: ['**/vscode/**', '**/webview/**', '**/cli/**'], message: 'src/node depends only on the core.' }],
        },
      ],
    },
  },
  {
    // The webview is a browser bundle: no VS Code API, no Node.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The webview cannot import vscode; talk to the host through protocol.ts.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The webview runs in a browser.' })),
          ],
          patterns: [{ group: ['node:*', '**/vscode/**'], message: 'The webview runs in a browser.' }],
        },
      ],
    },
  },
);
