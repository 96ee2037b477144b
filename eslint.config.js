// One linter, short config: typescript-eslint's strict and stylistic sets; generated code is not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'reports/', 'coverage/', '.tmp/', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/generated/*', '**/generated'],
              message: 'Only src/spec/ imports src/generated/; use the types and table it exports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The one folder allowed to import generated code, and tests that check the generated output itself.
    files: ['src/spec/**/*.ts', 'tests/unit/spec/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
