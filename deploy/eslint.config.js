import base from '@jinzai/eslint-config';

export default base;
