// Sign-out for this app: the shared handler, which returns to this app's sign-in page.
import { signOutHandler } from '@jinzai/ui/kit';
import { home, loginPath } from '$lib/paths';

export const POST = signOutHandler({ home, loginPath });
