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

/**
 * Passwords that lists of breached passwords show people choose most (about 49,000, from zxcvbn-ts), lower-cased;
 * loaded on first use.
 */
let common: Promise<Set<string>> | null = null;
const commonPasswords = () =>
  (common ??= import('@zxcvbn-ts/language-common').then(
    (m) => new Set(m.dictionary['passwords-common'].map((p: string) => p.toLowerCase())),
  ));

/**
 * Why a password that passes passwordSchema's length still may not be chosen (docs/domain.md §9 "Accounts"), or
 * null: a common password, the login id itself, or one character repeated. There are no composition rules.
 */
export async function passwordProblem(password: string, loginId: string): Promise<string | null> {
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower)) {
    return 'よく使われていて推測されやすいパスワードです。別のパスワードにしてください';
  }
  if (loginId.length >= 4 && lower.includes(loginId.toLowerCase()))
    return 'ログインIDを含むパスワードは使えません';
  if (new Set(password).size === 1) return '同じ文字の繰り返しだけのパスワードは使えません';
  return null;
}
