export * from './org-import.service.js';
