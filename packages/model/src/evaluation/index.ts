// Personnel evaluation (docs/domain.md §4): periods, results, the workflow and what each relation sees, goals,
// analytics, evaluator assignments, whose turn a sheet is and the bulk actions.
export * from './periods.js';
export * from './results.js';
export * from './workflow.js';
export * from './sheet-visibility.js';
export * from './goals.js';
export * from './analytics.js';
export * from './assignments.js';
export * from './i-messages.js';
export * from './bulk.js';
