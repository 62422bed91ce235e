// What `uploading` (packages/ui upload.ts) needs of SvelteKit to send a file itself and show its progress.
import { applyAction, deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';
import type { FormKit } from '@jinzai/ui';

export const formKit: FormKit = { applyAction, deserialize, invalidateAll } as FormKit;
