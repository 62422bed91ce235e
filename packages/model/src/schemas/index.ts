export * from './auth.js';
export * from './standards.js';
export * from './text.js';
