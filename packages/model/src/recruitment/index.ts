// Recruitment (docs/domain.md §2, §7, §9; docs/interfaces.md "Recruitment").
export * from './results.js';
export * from './rounds.js';
