import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import base from './index.js';

/** Rules for the SvelteKit apps and the shared UI package. */
export default tseslint.config(...base, ...svelte.configs.recommended, {
  files: ['**/*.svelte', '**/*.svelte.ts'],
  languageOptions: {
    globals: { ...globals.browser },
    parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
  },
  rules: { 'svelte/no-navigation-without-resolve': 'off' },
});
