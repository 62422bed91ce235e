import adapter from '@sveltejs/adapter-node';
import { jinzaiAppConfig } from '@jinzai/ui/svelte-config';

// `pnpm typecheck` syncs into its own folder (JINZAI_KIT_OUT_DIR=.svelte-kit-check) so that it never rewrites the
// .svelte-kit/ that a build beside it is reading.
export default jinzaiAppConfig({
  base: '/review',
  adapter: adapter({ out: 'build' }),
  outDir: process.env['JINZAI_KIT_OUT_DIR'],
});
