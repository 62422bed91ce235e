import { resolve } from '$app/paths';

// With a base path, SvelteKit's home page is `${base}/` (it redirects `${base}` there).
export const home = resolve('/');
export const loginPath = resolve('/login');
export const logoutPath = resolve('/logout');
export const accountPath = resolve('/account');
