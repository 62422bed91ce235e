import { resolve } from '$app/paths';

// With a base path, SvelteKit's home page is `${base}/` (it redirects `${base}` there).
export const home = resolve('/');
export const loginPath = resolve('/login');
export const logoutPath = resolve('/logout');
export const accountPath = resolve('/account');

/** A path inside this app, e.g. to('rounds/3') → /recruit/rounds/3. */
export const to = (path: string) => home + path.replace(/^\//, '');
