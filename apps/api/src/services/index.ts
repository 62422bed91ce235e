export type { Actor } from './actor.js';
export * from './org-import.service.js';
export * from './recruitment-import.service.js';
export * from './survey.service.js';
export * from './custom-survey.service.js';
export * from './accounts.service.js';
export * from './talent-import.service.js';
