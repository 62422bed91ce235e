// Statistics of the product (docs/domain.md §5, §7; docs/interfaces.md "Recruitment" results and /api/kpis).
// Pure: no I/O, no clock, no randomness.
export * from './descriptive.js';
export * from './reliability.js';
export * from './calibration.js';
export * from './correlation.js';
export * from './distribution.js';
