export * from './auth.js';
export * from './standards.js';
export * from './text.js';
export * from './sign-in-throttle.js';
