import { signOutHandler } from '@jinzai/ui/kit';
import { home, loginPath } from '$lib/paths';

export const POST = signOutHandler({ home, loginPath });
