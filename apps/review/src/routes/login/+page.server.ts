// This app's sign-in page: the shared load and action, with this app's paths.
import { signInPage } from '@jinzai/ui/kit';
import { home, loginPath } from '$lib/paths';

export const { load, actions } = signInPage({ home, loginPath });
