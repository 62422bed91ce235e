// Preload of the parse worker when the API runs from its TypeScript sources (vitest, tsx): registers ts-worker-hooks.mjs.
import { register } from 'node:module';

register('./ts-worker-hooks.mjs', import.meta.url);
