// The only place the app reads its environment.
import { env } from '$env/dynamic/private';
import { parseAppEnv } from '@jinzai/ui/server';

export const appEnv = parseAppEnv(env);
