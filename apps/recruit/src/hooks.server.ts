import { createServerHooks } from '@jinzai/ui/kit';
import { home, loginPath } from '$lib/paths';
import { appEnv } from '$lib/server/env';

export const { handle, handleFetch } = createServerHooks({ home, loginPath }, appEnv);
