// Personnel evaluation (DOMAIN §4): periods, results, the workflow, goals, access.
export * from './periods.js';
export * from './results.js';
