export * from './generate.js';
export { createRandom, Random } from './random.js';
export { GIVEN_NAMES, SURNAMES, type NamePart } from './names.js';
