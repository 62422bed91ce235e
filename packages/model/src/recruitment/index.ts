// Recruitment (DOMAIN §2, §7, §9; INTERFACES "Recruitment").
export * from './results.js';
export * from './rounds.js';
