import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, t=2, p=1): sign-in stays well under 100 ms on two cores.
// algorithm 2 is Argon2id (a const enum in the package's types, which verbatimModuleSyntax cannot import).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Checks a password against its argon2id hash; a malformed hash is a mismatch, not an error. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified on unknown login ids so that timing does not reveal which ids exist. */
export const dummyHash = hashPassword('jinzai-timing-equaliser');
