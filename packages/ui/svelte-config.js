// The SvelteKit settings both apps share; each app's svelte.config.js passes its base path and adapter.
// Plain JavaScript: svelte.config.js is loaded by Node directly, before any TypeScript tooling.
import { fileURLToPath } from 'node:url';

/** A file of this package, as the absolute path kit's `files` options want. @param {string} path */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * @param {{ base: `/${string}`; adapter: import('@sveltejs/kit').Adapter; outDir?: string | undefined }} options
 * @returns {import('@sveltejs/kit').Config}
 */
export function jinzaiAppConfig({ base, adapter, outDir }) {
  return {
    compilerOptions: {
      // Runes everywhere in our own code (including @jinzai/ui); libraries keep their own mode.
      runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
    },
    kit: {
      adapter,
      outDir: outDir ?? '.svelte-kit',
      // One page template, one fallback error page and one set of static files for both apps. Kit marks these options
      // as deprecated in favour of monorepo packages, but a package cannot provide them any other way.
      files: {
        appTemplate: here('./kit-files/app.html'),
        errorTemplate: here('./kit-files/error.html'),
        assets: here('./static'),
      },
      // Both apps and the API share one origin (/api, /recruit, /review), so one session cookie serves all.
      paths: { base, relative: false },
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self'],
          // Bars and the like set their size with style="…" attributes.
          'style-src-attr': ['unsafe-inline'],
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
          'base-uri': ['self'],
          'object-src': ['none'],
        },
      },
    },
  };
}
