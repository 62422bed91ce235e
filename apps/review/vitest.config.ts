import { defineConfig } from 'vitest/config';

// Unit tests of plain modules, without the SvelteKit plugin: that plugin runs `svelte-kit sync`, which rewrites
// .svelte-kit/ while `vite build` reads it, and turbo runs this task beside the build.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'] },
});
