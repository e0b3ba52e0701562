import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// One lint for the four packages: the recommended JavaScript and TypeScript rules, and React's
// rules of hooks (with the React Compiler's checks) in the pages. Not the type-checked
// TypeScript rules: `tsc -b` already checks the types, and linting with them took minutes on a
// two-core machine instead of seconds.
export default defineConfig(
  globalIgnores(['**/node_modules/', '**/build/', '**/dist/', 'test-results/', '.bench/', '**/data/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `const { secret: _secret, ...shown } = row` leaves out a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Where hooks and components live; elsewhere a function called `use` is no hook.
    files: ['shared/src/ui/**', 'hall-server/ui/**', '*/src/renderer/**'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },
  {
    // Build scripts run under Node as plain JavaScript.
    files: ['*/scripts/**/*.mjs'],
    languageOptions: { globals: { URL: 'readonly', process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['*/test/**'],
    rules: {
      // The tests read socket payloads and replies loosely and check them with expect; the
      // schemas they check are typed where it matters, in the code under test.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
