import { defineConfig } from 'vitest/config';
import { unitTests } from '../../vitest.shared.js';

// Unit tests of plain modules. Neither the SvelteKit plugin nor the app's tsconfig.json: the plugin runs
// `svelte-kit sync`, and tsconfig.json extends .svelte-kit/tsconfig.json; both are what `vite build` writes while
// turbo runs this task beside it. So this task reads and writes nothing of the build's.
export default defineConfig({ ...unitTests, oxc: { tsconfig: false } });
