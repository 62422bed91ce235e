import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Base rules for every TypeScript package. */
export default tseslint.config(
  { ignores: ['dist/**', 'build/**', '.svelte-kit/**', '.svelte-kit-check/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
);
