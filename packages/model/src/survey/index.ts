export * from './kpi-figures.js';
export * from './breakdown.js';
export * from './responses.js';
export * from './custom.js';
export * from './crosstab.js';
export * from './sources.js';
export * from './disclosure.js';
export * from './disclosure-audit.js';
