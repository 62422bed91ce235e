// The talent area (docs/domain.md §10): the profile, 自己申告, training, 面談 and placement.
export * from './training.js';
export * from './declarations.js';
export * from './profile.js';
export * from './interviews.js';
export * from './placement.js';
