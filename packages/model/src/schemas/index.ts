export * from './auth.js';
export * from './standards.js';
