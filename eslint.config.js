import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'reports/',
      'collections/',
      'environments/',
      // Script templates (handlebars); the script library under scripts/library/ is plain JavaScript.
      'scripts/**/*.hbs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The script library: plain scripts run by the Postman sandbox. `pm` is deliberately NOT a
    // global here: every library function takes the calling script's `pm` as a parameter (a free
    // `pm` would be the collection pre-request script's, wrong in an item's test script).
    files: ['scripts/library/**/*.js'],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: 'script',
      globals: {
        postman: 'readonly',
        require: 'readonly',
        console: 'readonly',
        gatecheck: 'writable',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      'no-undef': 'error',
    },
  },
  {
    // CommonJS tools the benchmark runs (other projects' libraries are CommonJS).
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
