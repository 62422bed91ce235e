// The rules of the ward's 人材育成・確保基本方針 (policy-2024), pure: no I/O, no clock, no randomness.
export * from './org.js';
export * from './changes.js';
export * from './layers.js';
export * from './tracks.js';
export * from './grades.js';
export * from './mvv.js';
export * from './logic-model.js';
export * from './kpis.js';
export * from './programmes.js';
export * from './scales.js';
export * from './statistics/index.js';
export * from './schemas/index.js';
export * from './survey/index.js';
export * from './evaluation/index.js';
export * from './recruitment/index.js';
export * from './tasks.js';
export * from './notices/index.js';
