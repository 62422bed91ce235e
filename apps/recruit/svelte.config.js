import adapter from '@sveltejs/adapter-node';
import { jinzaiAppConfig } from '@jinzai/ui/svelte-config';

export default jinzaiAppConfig({ base: '/recruit', adapter: adapter({ out: 'build' }) });
