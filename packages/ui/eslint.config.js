import svelte from '@jinzai/eslint-config/svelte';

export default svelte;
