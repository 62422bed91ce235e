// The signed-in person's own account and password: the shared load and action, with this app's home.
import { accountPage } from '@jinzai/ui/kit';
import { home, loginPath } from '$lib/paths';

export const { load, actions } = accountPage({ home, loginPath });
