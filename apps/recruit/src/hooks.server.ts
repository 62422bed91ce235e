// This app's server hooks: the shared ones, with this app's paths and environment.
import { createServerHooks } from '@jinzai/ui/kit';
import { accountPath, home, loginPath, logoutPath } from '$lib/paths';
import { appEnv } from '$lib/server/env';

export const { handle, handleFetch } = createServerHooks(
  { home, loginPath, logoutPath, accountPath },
  appEnv,
);
