// Notices and reminders (docs/domain.md §12): who is told of what, what a notice says, and when a deadline reminds.
export * from './rules.js';
export * from './reminders.js';
export * from './texts.js';
export * from './mail.js';
