// Statistics of the product (DOMAIN §5, §7; INTERFACES recruitment results and /api/kpis). Pure: no I/O, no clock,
// no randomness.
export * from './descriptive.js';
export * from './reliability.js';
export * from './calibration.js';
export * from './correlation.js';
export * from './distribution.js';
