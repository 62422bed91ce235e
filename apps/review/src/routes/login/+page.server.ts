import { signInPage } from '@jinzai/ui/kit';
import { home, loginPath } from '$lib/paths';

export const { load, actions } = signInPage({ home, loginPath });
