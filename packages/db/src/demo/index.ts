export * from './generate.js';
export * from './random.js';
export { GIVEN_NAMES, SURNAMES, type NamePart } from './names.js';
